"""Requests are built by the caller's httpx client: its headers, params, cookies, auth and hooks apply."""

from __future__ import annotations

import asyncio
import gc
import warnings

import httpx
from threadshim import AsyncThreadShim, ThreadShim
from threadshim.testing import Emulator
from threadshim_api import AuthenticatedClient
from threadshim_api.api.assistants import retrieve_thread

KEY = "sk-caller-client-test-000000000000"


def _seeded() -> tuple[Emulator, str]:
    emulator = Emulator()
    return emulator, emulator.add_thread({"metadata": {"title": "t"}, "tool_resources": {}})["id"]


class _Gateway(httpx.MockTransport):
    """A gateway in front of the emulator: it takes its own ``tenant`` param off, as a real one would."""

    def __init__(self, emulator: Emulator) -> None:
        inner = emulator.transport()

        def forward(request: httpx.Request) -> httpx.Response:
            url = request.url.copy_remove_param("tenant")
            return inner.handle_request(
                httpx.Request(request.method, url, headers=request.headers, content=request.content)
            )

        async def forward_async(request: httpx.Request) -> httpx.Response:
            url = request.url.copy_remove_param("tenant")
            forwarded = httpx.Request(request.method, url, headers=request.headers, content=request.content)
            return await inner.handle_async_request(forwarded)

        self._async = forward_async
        super().__init__(forward)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._async(request)


def _gateway_auth(request: httpx.Request) -> httpx.Request:
    request.headers["X-Gateway-Token"] = "gw-1"
    return request


def _configured(transport: httpx.BaseTransport | httpx.AsyncBaseTransport, hook: object) -> dict[str, object]:
    """The settings a gateway user puts on their own client."""
    return {
        "transport": transport,
        "headers": {"X-Trace": "abc"},
        "params": {"tenant": "t1"},
        "cookies": {"session": "s1"},
        "auth": _gateway_auth,
        "event_hooks": {"request": [hook]},
    }


def _assert_defaults_applied(request: httpx.Request) -> None:
    assert request.headers["X-Trace"] == "abc"
    assert request.url.params["tenant"] == "t1"
    assert request.headers["Cookie"] == "session=s1"
    assert request.headers["X-Gateway-Token"] == "gw-1"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.headers["OpenAI-Beta"] in ("assistants=v2", "chatkit_beta=v1")


def test_the_sync_shim_sends_through_the_callers_client_defaults() -> None:
    emulator, thread_id = _seeded()
    seen: list[httpx.Request] = []
    client = httpx.Client(**_configured(_Gateway(emulator), seen.append))  # type: ignore[arg-type]
    with ThreadShim(api_key=KEY, http_client=client) as shim:
        assert shim.retrieve(thread_id).id == thread_id
        assert list(shim.items(thread_id)) == []
    assert [r.url.path for r in seen] == [f"/v1/threads/{thread_id}", f"/v1/threads/{thread_id}/messages"]
    for request in seen:
        _assert_defaults_applied(request)
    assert seen[1].url.params["limit"] == "100"  # the call's own params are kept beside the client's


async def test_the_async_shim_sends_through_the_callers_client_defaults() -> None:
    emulator, thread_id = _seeded()
    seen: list[httpx.Request] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(request)

    client = httpx.AsyncClient(**_configured(_Gateway(emulator), hook))  # type: ignore[arg-type]
    async with AsyncThreadShim(api_key=KEY, http_client=client) as shim:
        assert (await shim.retrieve(thread_id)).id == thread_id
        threads = [t async for t in shim.list(legacy_ids=[thread_id])]
    assert [t.id for t in threads] == [thread_id]
    assert len(seen) == 3  # the thread, a ChatKit page, the thread again for the listing
    for request in seen:
        _assert_defaults_applied(request)


def test_the_generated_client_sends_through_the_callers_client_defaults() -> None:
    emulator, thread_id = _seeded()
    seen: list[httpx.Request] = []
    api = AuthenticatedClient(base_url="https://api.openai.com/v1", token=KEY)
    api.set_httpx_client(
        httpx.Client(
            base_url="https://api.openai.com/v1",
            transport=_Gateway(emulator),
            headers={"X-Trace": "abc", "Authorization": f"Bearer {KEY}"},
            params={"tenant": "t1"},
            cookies={"session": "s1"},
            auth=_gateway_auth,
            event_hooks={"request": [seen.append]},
        )
    )
    assert retrieve_thread.sync_detailed(thread_id, client=api).status_code == 200
    (request,) = seen
    _assert_defaults_applied(request)


def test_a_timeout_passed_to_the_shim_wins_and_otherwise_the_clients_own_applies() -> None:
    emulator, thread_id = _seeded()
    seen: list[httpx.Request] = []
    client = httpx.Client(transport=emulator.transport(), timeout=3.0, event_hooks={"request": [seen.append]})
    ThreadShim(api_key=KEY, http_client=client).retrieve(thread_id)
    ThreadShim(api_key=KEY, http_client=client, timeout=7.0).retrieve(thread_id)
    assert [r.extensions["timeout"]["read"] for r in seen] == [3.0, 7.0]


def test_a_sync_shim_over_the_emulator_works_inside_a_running_event_loop() -> None:
    emulator, thread_id = _seeded()

    async def notebook_cell() -> list[str]:
        with ThreadShim(api_key=KEY, http_client=httpx.Client(transport=emulator.transport())) as shim:
            return [shim.retrieve(thread_id).id, *(i.id for i in shim.items(thread_id))]

    gc.collect()  # what earlier tests left (an emulator's database, say) is not this test's to report
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # a coroutine never awaited would be a RuntimeWarning
        assert asyncio.run(notebook_cell()) == [thread_id]
