"""Scenarios that drive ThreadShim and AsyncThreadShim; each records one cassette both clients replay."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
from threadshim import AsyncThreadShim, RetryPolicy, ThreadShim, ThreadShimError
from threadshim.testing import Emulator, seed_demo

from tests.harness import Context, Scenario
from tests.scenarios_api import _message, _seed_one, _seed_pages

Flow = Callable[[Any], Any]


def _no_waiting(options: dict[str, Any]) -> dict[str, Any]:
    """The options with a retry policy that keeps the same number of retries but does not wait in between."""
    retries = options.pop("max_retries", 2)
    return {**options, "retry_policy": RetryPolicy(max_retries=retries, initial_delay=0.0, max_delay=0.0)}


def sync_shim(ctx: Context, **options: Any) -> ThreadShim:
    """A ThreadShim pointed where the context says, with no waiting between retries.

    Its legacy fetches run one at a time: worker threads would record them in a different order on
    each recording (the concurrent path is tested against the emulator directly).
    """
    client = httpx.Client(**ctx.httpx_args())
    options.setdefault("concurrency", 1)
    return ThreadShim(api_key=ctx.api_key, base_url=ctx.base_url, http_client=client, **_no_waiting(options))


def async_shim(ctx: Context, **options: Any) -> AsyncThreadShim:
    """The async twin of :func:`sync_shim`."""
    client = httpx.AsyncClient(**ctx.httpx_args(asynchronous=True))
    return AsyncThreadShim(api_key=ctx.api_key, base_url=ctx.base_url, http_client=client, **_no_waiting(options))


def _step_sync(shim: ThreadShim, facts: dict[str, Any], call: Callable[[Any, dict[str, Any]], Any], many: bool) -> Any:
    try:
        result = call(shim, facts)
        return list(result) if many else result
    except ThreadShimError as exc:
        return exc


async def _step_async(
    shim: AsyncThreadShim, facts: dict[str, Any], call: Callable[[Any, dict[str, Any]], Any], many: bool
) -> Any:
    try:
        if many:
            return [value async for value in call(shim, facts)]
        return await call(shim, facts)
    except ThreadShimError as exc:
        return exc


# Each flow is written once as a list of steps; the sync runner calls them directly and the async
# runner awaits them, so the two clients make the same requests in the same order.
Step = tuple[str, Callable[[Any, dict[str, Any]], Any], bool]  # name, call, is_iterator


def run_sync(steps: list[Step], **options: Any) -> Callable[[Context], dict[str, Any]]:
    def run(ctx: Context) -> dict[str, Any]:
        with sync_shim(ctx, **options) as shim:
            return {name: _step_sync(shim, ctx.facts, call, many) for name, call, many in steps}

    return run


def run_async(steps: list[Step], **options: Any) -> Callable[[Context], dict[str, Any]]:
    async def main(ctx: Context) -> dict[str, Any]:
        async with async_shim(ctx, **options) as shim:
            return {name: await _step_async(shim, ctx.facts, call, many) for name, call, many in steps}

    return lambda ctx: asyncio.run(main(ctx))


TOUR: list[Step] = [
    ("legacy", lambda s, f: s.retrieve(f["legacy_thread_ids"][0]), False),
    ("v1", lambda s, f: s.retrieve(f["legacy_thread_ids"][3]), False),
    ("nulls", lambda s, f: s.retrieve(f["legacy_thread_ids"][2]), False),
    ("chatkit", lambda s, f: s.retrieve(f["chatkit_thread_ids"][0]), False),
    ("locked", lambda s, f: s.retrieve(f["chatkit_thread_ids"][2]), False),
    ("closed", lambda s, f: s.retrieve(f["chatkit_thread_ids"][3]), False),
    ("legacy_items", lambda s, f: s.items(f["legacy_thread_ids"][0]), True),
    ("v1_items", lambda s, f: s.items(f["legacy_thread_ids"][3]), True),
    ("chatkit_items", lambda s, f: s.items(f["chatkit_thread_ids"][0]), True),
    ("merged_asc", lambda s, f: s.list(order="asc", legacy_ids=f["legacy_thread_ids"]), True),
    ("merged_desc", lambda s, f: s.list(order="desc", legacy_ids=list(reversed(f["legacy_thread_ids"]))), True),
    ("user_456", lambda s, f: s.list(user="user_456", legacy_ids=list(reversed(f["legacy_thread_ids"]))), True),
    (
        "update",
        lambda s, f: s.update(
            f["legacy_thread_ids"][1],
            metadata={"user": "user_9", "title": "Renamed"},
            tool_resources={"code_interpreter": {"file_ids": ["file-x"]}},
        ),
        False,
    ),
    ("delete_legacy", lambda s, f: s.delete(f["legacy_thread_ids"][2]), False),
    ("delete_chatkit", lambda s, f: s.delete(f["chatkit_thread_ids"][4]), False),
    ("gone", lambda s, f: s.retrieve(f["chatkit_thread_ids"][4]), False),
]


def check_tour(out: dict[str, Any], facts: dict[str, Any]) -> None:
    from threadshim import NotFoundError, UnifiedItem, UnifiedThread

    legacy: UnifiedThread = out["legacy"]
    assert (legacy.source, legacy.title, legacy.user, legacy.status.type) == (
        "assistants",
        "Refund for order 1182",
        "user_456",
        "active",
    )
    assert legacy.tool_resources is not None and legacy.tool_resources.file_search_vector_store_ids == (
        "vs_policies000000000000001",
    )
    assert legacy.created_at is not None and legacy.created_at.tzinfo is not None
    assert legacy.raw["metadata"] == legacy.metadata
    assert out["v1"].tool_resources is None and "tool_resources" not in out["v1"].raw
    assert out["nulls"].metadata == {} and out["nulls"].raw["metadata"] is None
    chatkit: UnifiedThread = out["chatkit"]
    assert (chatkit.source, chatkit.user, chatkit.metadata, chatkit.tool_resources) == ("chatkit", "user_456", {}, None)
    assert (out["locked"].status.type, out["locked"].status.reason) == ("locked", "Escalated to a human agent")
    assert (out["closed"].status.type, out["closed"].status.reason) == ("closed", None)
    items: list[UnifiedItem] = out["legacy_items"]
    assert [i.kind for i in items] == ["user_message", "assistant_message", "user_message", "assistant_message"]
    assert (
        items[1].annotations[0].type == "file_citation"
        and items[1].annotations[1].file_id == "file-invoice0000000000000001"
    )
    assert [a.tools for a in items[1].attachments] == [("code_interpreter",), ("file_search",)]
    assert [c.type for c in items[1].content] == ["text", "image_file"] and items[2].content[
        0
    ].url == "https://example.com/receipt.png"
    assert items[3].text == "I can't view that image."
    assert [a.id for a in out["v1_items"][0].attachments] == ["file-report000000000000000001"]
    kinds = [i.kind for i in out["chatkit_items"]]
    assert kinds == ["user_message", "client_tool_call", "task", "assistant_message", "task_group", "widget"]
    first = out["chatkit_items"][0]
    assert first.text == "I need help debugging an onboarding issue.\nError: workflow version 3 not found"
    assert [a.name for a in first.attachments] == ["screenshot.png", "onboarding.log"]
    assert [a.type for a in out["chatkit_items"][3].annotations] == ["url", "file"]
    for name, order in (("merged_asc", 1), ("merged_desc", -1)):
        stamps = [t.created_at for t in out[name]]
        assert stamps == sorted(stamps, reverse=order < 0), name
        assert {t.source for t in out[name]} == {"assistants", "chatkit"} and len(out[name]) == 9
    assert {t.user for t in out["user_456"]} == {"user_456"} and {t.source for t in out["user_456"]} == {
        "assistants",
        "chatkit",
    }
    assert (out["update"].title, out["update"].user) == ("Renamed", "user_9")
    assert out["update"].tool_resources.code_interpreter_file_ids == ("file-x",)
    assert out["delete_legacy"] is True and out["delete_chatkit"] is True
    assert isinstance(out["gone"], NotFoundError) and out["gone"].status_code == 404


PAGES: list[Step] = [
    ("threads_asc", lambda s, f: s.list(user="user_pages", order="asc"), True),
    ("items_desc", lambda s, f: s.items(f["chatkit_thread_ids"][0], order="desc"), True),
    ("messages_asc", lambda s, f: s.items(f["legacy_thread_id"]), True),
]


def _seed_many_pages(emulator: Emulator) -> dict[str, Any]:
    facts = _seed_pages(emulator)
    for n in range(7, 230):
        emulator.add_chatkit_thread(user="user_pages", title=f"T{n}")
        emulator.add_message(facts["legacy_thread_id"], _message(f"m{n}"))
    return facts


def check_pages(out: dict[str, Any], facts: dict[str, Any]) -> None:
    assert len(out["threads_asc"]) == 230 and len({t.id for t in out["threads_asc"]}) == 230
    assert out["threads_asc"][0].id == facts["chatkit_thread_ids"][0]
    assert [i.raw["widget"] for i in out["items_desc"]] == [f"w{n}" for n in reversed(range(7))]
    assert [i.text for i in out["messages_asc"]] == [f"m{n}" for n in range(230)]


def _failing(status: int, times: int, **headers: Any) -> Callable[[Emulator], dict[str, Any]]:
    def setup(emulator: Emulator) -> dict[str, Any]:
        facts = _seed_one(emulator)
        emulator.fail_next(status, times, **headers)
        return facts

    return setup


RETRIEVE: list[Step] = [("thread", lambda s, f: s.retrieve(f["thread_id"]), False)]


def check_succeeds(out: dict[str, Any], facts: dict[str, Any]) -> None:
    assert out["thread"].id == facts["thread_id"]


def check_raises(error: str, status: int | None) -> Callable[[dict[str, Any], dict[str, Any]], None]:
    def check(out: dict[str, Any], facts: dict[str, Any]) -> None:
        import threadshim

        assert type(out["thread"]) is getattr(threadshim, error), repr(out["thread"])
        if status is not None:
            assert out["thread"].status_code == status
            assert out["thread"].request_id.startswith("req_")
            assert out["thread"].message

    return check


def _pair(name: str, steps: list[Step], check: Any, setup: Any, **options: Any) -> list[Scenario]:
    return [
        Scenario(f"shim_{name}", run_sync(steps, **options), check, setup),
        Scenario(f"shim_{name}_async", run_async(steps, **options), check, setup),
    ]


SCENARIOS = [
    *_pair("tour", TOUR, check_tour, seed_demo),
    *_pair("pages", PAGES, check_pages, _seed_many_pages),
    *_pair("retry_429", RETRIEVE, check_succeeds, _failing(429, 1, retry_after=0)),
    *_pair("retry_500", RETRIEVE, check_succeeds, _failing(500, 2)),
    *_pair("retry_409", RETRIEVE, check_succeeds, _failing(409, 1)),
    *_pair("retry_exhausted", RETRIEVE, check_raises("InternalServerError", 500), _failing(500, 3)),
    *_pair("no_retry_when_told", RETRIEVE, check_raises("RateLimitError", 429), _failing(429, 1, should_retry=False)),
    *_pair("error_400", RETRIEVE, check_raises("BadRequestError", 400), _failing(400, 1)),
    *_pair("error_401", RETRIEVE, check_raises("AuthenticationError", 401), _failing(401, 1)),
    *_pair("error_403", RETRIEVE, check_raises("PermissionDeniedError", 403), _failing(403, 1)),
    *_pair("error_404", RETRIEVE, check_raises("NotFoundError", 404), _failing(404, 1)),
    *_pair("error_409_no_retries", RETRIEVE, check_raises("ConflictError", 409), _failing(409, 1), max_retries=0),
]
