"""ThreadShim's configuration, id checks, local validation, retries and secrecy, without cassettes."""

from __future__ import annotations

import email.utils
import re
from typing import Any

import httpx
import pytest
import threadshim
from threadshim import (
    APIConnectionError,
    AsyncThreadShim,
    ConfigurationError,
    InvalidRequest,
    InvalidThreadId,
    RetryPolicy,
    RetryTransport,
    ThreadShim,
    UnexpectedResponse,
    UnsupportedOperation,
)
from threadshim.testing import Emulator, EmulatorServer, Faults
from threadshim_api import AuthenticatedClient
from threadshim_api.api.assistants import retrieve_thread

KEY = "sk-secret-key-that-must-not-leak-000"


class Recorder(httpx.BaseTransport):
    """Remembers every request and answers with a fixed response."""

    def __init__(self, status: int = 200, body: bytes = b"{}", headers: dict[str, str] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.status, self.body, self.headers = status, body, headers or {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, content=self.body, headers=self.headers)


def shim(transport: httpx.BaseTransport, **options: Any) -> ThreadShim:
    return ThreadShim(api_key=KEY, http_client=httpx.Client(transport=transport), **options)


@pytest.mark.parametrize(
    ("thread_id", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("thread_a/b", "'/'"),
        ("thread_a?x=1", "'?'"),
        ("thread_a#x", "'#'"),
        ("thread_%2e", "'%'"),
        ("thread_..", "'..'"),
        ("thread_a\n", "control"),
        ("thread_" + "a" * 600, "512"),
        ("asst_abc", "unknown prefix"),
        ("thread_", "only letters"),
        ("thread_a b", "only letters"),
        (42, "expected a string"),
    ],
)
def test_malformed_ids_are_refused_before_any_request(thread_id: Any, reason: str) -> None:
    transport = Recorder()
    client = shim(transport)
    for call in (client.retrieve, client.delete, lambda i: list(client.items(i))):
        with pytest.raises(InvalidThreadId, match=re.escape(reason)):
            call(thread_id)
    assert transport.requests == []


def test_a_missing_key_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY"):
        ThreadShim()


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:9/v1/")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-1")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-1")
    transport = Recorder(body=b'{"id": "thread_a", "object": "thread", "created_at": 1}')
    ThreadShim(http_client=httpx.Client(transport=transport)).retrieve("thread_a")
    (request,) = transport.requests
    assert str(request.url) == "http://localhost:9/v1/threads/thread_a"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert (request.headers["OpenAI-Organization"], request.headers["OpenAI-Project"]) == ("org-1", "proj-1")
    assert request.headers["OpenAI-Beta"] == "assistants=v2"


@pytest.mark.parametrize("options", [{"max_retries": -1}, {"base_url": "api.openai.com"}])
def test_bad_settings_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        ThreadShim(api_key=KEY, **options)


def test_the_key_never_shows() -> None:
    transport = Recorder(
        status=401,
        body=b'{"error": {"message": "bad key", "type": "invalid_request_error", "param": null, "code": null}}',
    )
    client = shim(transport, max_retries=0)
    with pytest.raises(threadshim.AuthenticationError) as caught:
        client.retrieve("thread_a")
    for text in (repr(client), str(client), str(caught.value), repr(caught.value), repr(client.settings)):
        assert KEY not in text


def test_update_checks_the_limits_before_sending() -> None:
    transport = Recorder()
    client = shim(transport)
    cases: list[dict[str, Any]] = [
        {"metadata": {f"k{n}": "v" for n in range(17)}},
        {"metadata": {"k" * 65: "v"}},
        {"metadata": {"k": "v" * 513}},
        {"metadata": {"k": 1}},
        {"tool_resources": {"code_interpreter": {"file_ids": [str(n) for n in range(21)]}}},
        {"tool_resources": threadshim.ToolResources(file_search_vector_store_ids=("a", "b"))},
        {},
    ]
    for case in cases:
        with pytest.raises(InvalidRequest):
            client.update("thread_a", **case)
    assert transport.requests == []


def test_chatkit_threads_cannot_be_updated() -> None:
    with pytest.raises(UnsupportedOperation, match="ChatKit"):
        shim(Recorder()).update("cthr_a", metadata={"a": "b"})


@pytest.mark.parametrize(("body", "status"), [(b"<html>oops</html>", 200), (b"[1, 2]", 200), (b"\xff\xfe", 200)])
def test_a_body_that_is_not_a_json_object_is_an_unexpected_response(body: bytes, status: int) -> None:
    with pytest.raises(UnexpectedResponse) as caught:
        shim(Recorder(status, body)).retrieve("cthr_a")
    assert caught.value.body == body


def test_a_non_json_error_still_maps_to_its_status() -> None:
    with pytest.raises(threadshim.InternalServerError) as caught:
        shim(Recorder(502, b"Bad Gateway", {"x-request-id": "req_9"}), max_retries=0).retrieve("cthr_a")
    assert (caught.value.status_code, caught.value.request_id, caught.value.body) == (502, "req_9", b"Bad Gateway")


def test_dropped_connections_are_retried_then_raised() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    client = shim(emulator.transport(), retry_policy=RetryPolicy(max_retries=2, initial_delay=0, max_delay=0))
    emulator.fail_next(0, 2)
    assert client.retrieve(thread["id"]).id == thread["id"]
    emulator.fail_next(0, 3)
    with pytest.raises(APIConnectionError):
        client.retrieve(thread["id"])


async def test_the_async_client_retries_dropped_connections_too() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    async with AsyncThreadShim(
        api_key=KEY,
        http_client=httpx.AsyncClient(transport=emulator.transport()),
        retry_policy=RetryPolicy(initial_delay=0, max_delay=0),
    ) as client:
        emulator.fail_next(0, 1)
        assert (await client.retrieve(thread["id"])).id == thread["id"]


def test_missing_legacy_ids_can_be_skipped_and_chatkit_ids_are_refused_there() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    client = shim(emulator.transport())
    listed = list(client.list(legacy_ids=["thread_gone", thread["id"]], on_missing="skip"))
    assert [t.id for t in listed] == [thread["id"]]
    with pytest.raises(threadshim.NotFoundError):
        list(client.list(legacy_ids=["thread_gone"]))
    with pytest.raises(InvalidThreadId, match="legacy_ids"):
        list(client.list(legacy_ids=["cthr_abc"]))
    with pytest.raises(InvalidRequest):
        list(client.list(order="sideways"))  # type: ignore[arg-type]


def _headers(**values: str) -> httpx.Response:
    return httpx.Response(429, headers=values)


def test_retry_policy_honours_the_servers_wait() -> None:
    policy = RetryPolicy()
    now = 1_000_000.0
    assert policy.delay(0, _headers(**{"retry-after-ms": "1500"}), now=now) == 1.5
    assert policy.delay(0, _headers(**{"retry-after": "3"}), now=now) == 3.0
    date = email.utils.formatdate(now + 7, usegmt=True)
    assert policy.delay(0, _headers(**{"retry-after": date}), now=now) == pytest.approx(7, abs=1)
    capped = policy.delay(0, _headers(**{"retry-after": "3600"}), now=now)
    assert 0.375 <= capped <= 0.5
    for attempt, ceiling in ((0, 0.5), (1, 1.0), (2, 2.0), (5, 8.0), (9, 8.0)):
        assert ceiling * 0.75 <= policy.delay(attempt, None) <= ceiling


def test_retry_policy_decides_what_to_retry() -> None:
    policy = RetryPolicy()
    assert [policy.should_retry(httpx.Response(s)) for s in (400, 404, 408, 409, 429, 500, 503)] == [
        False,
        False,
        True,
        True,
        True,
        True,
        True,
    ]
    assert policy.should_retry(httpx.Response(400, headers={"x-should-retry": "true"}))
    assert not policy.should_retry(httpx.Response(503, headers={"x-should-retry": "false"}))
    assert policy.should_retry(None)


def test_the_generated_client_gets_the_same_retries_through_the_transport() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    emulator.fail_next(503, 2, retry_after=0)
    transport = RetryTransport(emulator.transport(), policy=RetryPolicy(max_retries=2))
    client = AuthenticatedClient(base_url="https://api.openai.com/v1", token=KEY, httpx_args={"transport": transport})
    response = retrieve_thread.sync_detailed(thread["id"], client=client)
    assert response.status_code == 200


def test_a_slow_server_is_a_timeout_error() -> None:
    emulator = Emulator(faults=Faults(latency=0.5))
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    with (
        EmulatorServer(emulator) as server,
        ThreadShim(api_key=KEY, base_url=server.base_url, timeout=0.05, max_retries=0) as client,
        pytest.raises(threadshim.APITimeoutError),
    ):
        client.retrieve(thread["id"])


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (422, threadshim.UnprocessableEntityError),
        (418, threadshim.APIStatusError),
        (503, threadshim.InternalServerError),
    ],
)
def test_every_status_maps_to_its_class(status: int, error: type[Exception]) -> None:
    body = b'{"error": {"message": "no", "type": "invalid_request_error", "param": "x", "code": "c"}}'
    with pytest.raises(error) as caught:
        shim(Recorder(status, body), max_retries=0).retrieve("thread_a")
    assert type(caught.value) is error
    assert (caught.value.param, caught.value.code, caught.value.type) == ("x", "c", "invalid_request_error")  # type: ignore[attr-defined]


def test_an_operation_a_source_lacks_names_the_source(tmp_path: Any) -> None:
    with pytest.raises(UnsupportedOperation, match="ChatKit threads cannot be updated"):
        shim(Recorder()).update("cthr_a", metadata={"a": "b"})
    archive = tmp_path / "empty.jsonl"
    archive.write_text("")
    archived = shim(Recorder(), archive=archive)
    with pytest.raises(UnsupportedOperation, match=f"read-only archive {archive}"):
        archived.delete("thread_a")


def test_unknown_options_are_refused_not_ignored() -> None:
    with pytest.raises(TypeError, match="base_urll"):
        ThreadShim(api_key=KEY, base_urll="http://127.0.0.1:8787/v1")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="retries"):
        AsyncThreadShim(api_key=KEY, retries=3)  # type: ignore[call-arg]


def test_the_retry_policy_is_a_public_option() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    patient = shim(emulator.transport(), retry_policy=RetryPolicy(max_retries=4, initial_delay=0, max_delay=0))
    assert patient.retry_policy.max_retries == patient.settings.max_retries == 4
    emulator.fail_next(500, 4)
    assert patient.retrieve(thread["id"]).id == thread["id"]
    emulator.fail_next(500, 5)
    with pytest.raises(threadshim.InternalServerError):
        patient.retrieve(thread["id"])
    with pytest.raises(ConfigurationError, match="not both"):
        shim(emulator.transport(), max_retries=1, retry_policy=RetryPolicy())
