"""Scenarios that drive the generated client (threadshim_api) through every operation and error."""

from __future__ import annotations

from typing import Any

from threadshim.testing import Emulator, seed_demo
from threadshim_api import AuthenticatedClient
from threadshim_api.api.assistants import (
    create_message,
    create_thread,
    delete_message,
    delete_thread,
    list_messages,
    modify_message,
    modify_thread,
    retrieve_message,
    retrieve_thread,
)
from threadshim_api.api.chatkit import (
    delete_chatkit_thread,
    list_chatkit_thread_items,
    list_chatkit_threads,
    retrieve_chatkit_thread,
)
from threadshim_api.models import (
    ChatKitThreadList,
    CreateMessageRequest,
    CreateThreadRequest,
    ErrorResponse,
    ModifyMessageRequest,
    ModifyThreadRequest,
)
from threadshim_api.types import UNSET, Response

from tests.harness import READ_ONLY_KEY, Context, Scenario


def client(ctx: Context, key: str | None = None, *, asynchronous: bool = False) -> AuthenticatedClient:
    """The generated client, pointed where the context says (its async client gets the async transport)."""
    args = ctx.httpx_args(asynchronous=asynchronous)
    return AuthenticatedClient(base_url=ctx.base_url, token=key or ctx.api_key, httpx_args=args)


def _summary(response: Response[Any]) -> dict[str, Any]:
    parsed = response.parsed
    return {
        "status": int(response.status_code),
        "headers": {k.lower(): v for k, v in response.headers.items()},
        "parsed": parsed,
        "body": parsed.to_dict() if parsed is not None else None,
    }


# ----------------------------------------------------------------------------- legacy CRUD


def legacy_crud(ctx: Context) -> dict[str, Any]:
    """Every Assistants operation, in the order a user would call them."""
    c = client(ctx)
    out: dict[str, Any] = {}
    body = CreateThreadRequest.from_dict(
        {
            "messages": [{"role": "user", "content": "Where is my order?"}],
            "metadata": {"user": "user_456", "title": "Order status"},
            "tool_resources": {"code_interpreter": {"file_ids": ["file-a"]}},
        }
    )
    out["create"] = _summary(create_thread.sync_detailed(client=c, body=body))
    thread_id = out["create"]["body"]["id"]
    out["retrieve"] = _summary(retrieve_thread.sync_detailed(thread_id, client=c))
    out["modify"] = _summary(
        modify_thread.sync_detailed(
            thread_id,
            client=c,
            body=ModifyThreadRequest.from_dict(
                {
                    "metadata": {"user": "user_456", "title": "Order 1182"},
                    "tool_resources": {"file_search": {"vector_store_ids": ["vs_1"]}},
                }
            ),
        )
    )
    out["add"] = _summary(
        create_message.sync_detailed(
            thread_id,
            client=c,
            body=CreateMessageRequest.from_dict(
                {
                    "role": "assistant",
                    "content": [
                        {"type": "text", "text": "It ships today."},
                        {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
                    ],
                    "attachments": [{"file_id": "file-a", "tools": [{"type": "code_interpreter"}]}],
                    "metadata": {"source": "agent"},
                }
            ),
        )
    )
    message_id = out["add"]["body"]["id"]
    out["list"] = _summary(list_messages.sync_detailed(thread_id, client=c, order="asc"))
    out["get_message"] = _summary(retrieve_message.sync_detailed(thread_id, message_id, client=c))
    out["modify_message"] = _summary(
        modify_message.sync_detailed(
            thread_id, message_id, client=c, body=ModifyMessageRequest.from_dict({"metadata": {"k": "v"}})
        )
    )
    out["delete_message"] = _summary(delete_message.sync_detailed(thread_id, message_id, client=c))
    out["list_after_delete"] = _summary(list_messages.sync_detailed(thread_id, client=c))
    out["delete"] = _summary(delete_thread.sync_detailed(thread_id, client=c))
    out["retrieve_deleted"] = _summary(retrieve_thread.sync_detailed(thread_id, client=c))
    return out


def check_legacy_crud(out: dict[str, Any], facts: dict[str, Any]) -> None:
    thread = out["create"]["body"]
    assert thread["id"].startswith("thread_") and len(thread["id"]) == 31
    assert thread["metadata"] == {"user": "user_456", "title": "Order status"}
    assert thread["tool_resources"] == {"code_interpreter": {"file_ids": ["file-a"]}}
    assert out["retrieve"]["body"] == thread
    assert out["modify"]["body"]["metadata"]["title"] == "Order 1182"
    assert out["modify"]["body"]["tool_resources"] == {"file_search": {"vector_store_ids": ["vs_1"]}}
    message = out["add"]["body"]
    assert message["id"].startswith("msg_") and message["thread_id"] == thread["id"]
    assert message["content"][0] == {"type": "text", "text": {"value": "It ships today.", "annotations": []}}
    assert message["content"][1]["image_url"]["url"] == "https://example.com/a.png"
    listed = out["list"]["body"]
    assert [m["role"] for m in listed["data"]] == ["user", "assistant"]
    assert listed["first_id"] == listed["data"][0]["id"] and listed["last_id"] == message["id"]
    assert out["get_message"]["body"] == message
    assert out["modify_message"]["body"]["metadata"] == {"k": "v"}
    assert out["delete_message"]["body"] == {"id": message["id"], "object": "thread.message.deleted", "deleted": True}
    assert len(out["list_after_delete"]["body"]["data"]) == 1
    assert out["delete"]["body"] == {"id": thread["id"], "object": "thread.deleted", "deleted": True}
    assert out["retrieve_deleted"]["status"] == 404
    assert isinstance(out["retrieve_deleted"]["parsed"], ErrorResponse)
    assert out["retrieve_deleted"]["headers"]["x-request-id"].startswith("req_")


# ----------------------------------------------------------------------------- ChatKit, every shape


def chatkit_tour(ctx: Context) -> dict[str, Any]:
    """List, retrieve every thread, list every thread's items, delete one."""
    c = client(ctx)
    out: dict[str, Any] = {"threads": {}, "items": {}}
    out["list"] = _summary(list_chatkit_threads.sync_detailed(client=c, limit=100))
    for thread_id in ctx.facts["chatkit_thread_ids"]:
        out["threads"][thread_id] = _summary(retrieve_chatkit_thread.sync_detailed(thread_id, client=c))
        out["items"][thread_id] = _summary(list_chatkit_thread_items.sync_detailed(thread_id, client=c, order="asc"))
    doomed = ctx.facts["chatkit_thread_ids"][-1]
    out["delete"] = _summary(delete_chatkit_thread.sync_detailed(doomed, client=c))
    out["items_after_delete"] = _summary(list_chatkit_thread_items.sync_detailed(doomed, client=c))
    out["by_user"] = _summary(list_chatkit_threads.sync_detailed(client=c, user="user_789"))
    return out


def check_chatkit_tour(out: dict[str, Any], facts: dict[str, Any]) -> None:
    listing = out["list"]["body"]
    assert isinstance(out["list"]["parsed"], ChatKitThreadList)
    assert len(listing["data"]) == 5 and listing["has_more"] is False
    created = [t["created_at"] for t in listing["data"]]
    assert created == sorted(created, reverse=True)
    statuses = {t["body"]["status"]["type"] for t in out["threads"].values()}
    assert statuses == {"active", "locked", "closed"}
    titles = [t["body"]["title"] for t in out["threads"].values()]
    assert None in titles and "Customer escalation" in titles
    kinds = {item["type"] for page in out["items"].values() for item in page["body"]["data"]}
    assert kinds == {
        "chatkit.user_message",
        "chatkit.assistant_message",
        "chatkit.widget",
        "chatkit.client_tool_call",
        "chatkit.task",
        "chatkit.task_group",
    }
    first = out["items"][facts["chatkit_thread_ids"][0]]["body"]["data"][0]
    assert [a["type"] for a in first["attachments"]] == ["image", "file"]
    assert first["content"][1] == {"type": "quoted_text", "text": "Error: workflow version 3 not found"}
    assert out["delete"]["body"]["object"] == "chatkit.thread.deleted"
    assert out["items_after_delete"]["status"] == 404
    assert {t["user"] for t in out["by_user"]["body"]["data"]} == {"user_789"}


# ----------------------------------------------------------------------------- pagination


def _message(text: str) -> dict[str, Any]:
    return {
        "assistant_id": None,
        "run_id": None,
        "status": "completed",
        "incomplete_details": None,
        "completed_at": None,
        "incomplete_at": None,
        "role": "user",
        "content": [{"type": "text", "text": {"value": text, "annotations": []}}],
        "attachments": [],
        "metadata": {},
    }


def _seed_pages(emulator: Emulator) -> dict[str, Any]:
    threads = [emulator.add_chatkit_thread(user="user_pages", title=f"T{n}")["id"] for n in range(7)]
    for n in range(7):
        emulator.add_chatkit_item(threads[0], {"type": "chatkit.widget", "widget": f"w{n}"})
    legacy = emulator.add_thread({"metadata": {}, "tool_resources": {}})["id"]
    for n in range(7):
        emulator.add_message(legacy, _message(f"m{n}"))
    return {"chatkit_thread_ids": threads, "legacy_thread_id": legacy}


def _walk(fetch: Any, order: str) -> list[dict[str, Any]]:
    pages = []
    after = None
    while True:
        page = fetch(order=order, after=after).to_dict()
        pages.append(page)
        if not page["has_more"]:
            return pages
        after = page["last_id"]


def pagination(ctx: Context) -> dict[str, Any]:
    """Walk threads, items and messages three at a time, in both orders, and step back with ``before``."""
    c = client(ctx)
    facts = ctx.facts
    out: dict[str, Any] = {}
    for order in ("asc", "desc"):
        out[f"threads_{order}"] = _walk(
            lambda order, after: list_chatkit_threads.sync(
                client=c, user="user_pages", limit=3, order=order, after=after or UNSET
            ),
            order,
        )
        out[f"items_{order}"] = _walk(
            lambda order, after: list_chatkit_thread_items.sync(
                facts["chatkit_thread_ids"][0],
                client=c,
                limit=3,
                order=order,
                after=after or UNSET,
            ),
            order,
        )
        out[f"messages_{order}"] = _walk(
            lambda order, after: list_messages.sync(
                facts["legacy_thread_id"], client=c, limit=3, order=order, after=after or UNSET
            ),
            order,
        )
    last = out["threads_desc"][-1]["first_id"]
    out["before"] = _summary(
        list_chatkit_threads.sync_detailed(client=c, user="user_pages", limit=3, order="desc", before=last)
    )["body"]
    out["empty"] = _summary(list_chatkit_threads.sync_detailed(client=c, user="nobody"))["body"]
    return out


def check_pagination(out: dict[str, Any], facts: dict[str, Any]) -> None:
    threads = facts["chatkit_thread_ids"]
    for kind in ("threads", "items", "messages"):
        for order in ("asc", "desc"):
            pages = out[f"{kind}_{order}"]
            assert [len(p["data"]) for p in pages] == [3, 3, 1]
            assert [p["has_more"] for p in pages] == [True, True, False]
            ids = [item["id"] for p in pages for item in p["data"]]
            assert len(set(ids)) == 7
            assert all(p["first_id"] == p["data"][0]["id"] and p["last_id"] == p["data"][-1]["id"] for p in pages)
        asc = [item["id"] for p in out[f"{kind}_asc"] for item in p["data"]]
        desc = [item["id"] for p in out[f"{kind}_desc"] for item in p["data"]]
        assert asc == desc[::-1]
    assert [t["id"] for p in out["threads_asc"] for t in p["data"]] == threads
    assert [t["id"] for t in out["before"]["data"]] == [threads[3], threads[2], threads[1]]
    assert out["before"]["has_more"] is True
    assert out["empty"] == {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}


# ----------------------------------------------------------------------------- errors


def _seed_one(emulator: Emulator) -> dict[str, Any]:
    return {"thread_id": emulator.add_thread({"metadata": {}, "tool_resources": {}})["id"], **seed_demo(emulator)}


def errors(ctx: Context) -> dict[str, Any]:
    """One request for each error status the API sends."""
    c = client(ctx)
    thread_id = ctx.facts["thread_id"]
    out: dict[str, Any] = {}
    out["400_limit"] = _summary(list_chatkit_threads.sync_detailed(client=c, limit=101))
    too_many = {f"k{n}": "v" for n in range(17)}
    out["400_metadata"] = _summary(
        modify_thread.sync_detailed(thread_id, client=c, body=ModifyThreadRequest.from_dict({"metadata": too_many}))
    )
    out["400_files"] = _summary(
        modify_thread.sync_detailed(
            thread_id,
            client=c,
            body=ModifyThreadRequest.from_dict(
                {"tool_resources": {"code_interpreter": {"file_ids": [f"f{n}" for n in range(21)]}}}
            ),
        )
    )
    out["401"] = _summary(retrieve_thread.sync_detailed(thread_id, client=client(ctx, key="sk-not-a-known-key-000000")))
    out["403"] = _summary(delete_thread.sync_detailed(thread_id, client=client(ctx, key=READ_ONLY_KEY)))
    out["404"] = _summary(retrieve_chatkit_thread.sync_detailed("cthr_missing", client=c))
    return out


def check_errors(out: dict[str, Any], facts: dict[str, Any]) -> None:
    expected = {"400_limit": 400, "400_metadata": 400, "400_files": 400, "401": 401, "403": 403, "404": 404}
    for name, status in expected.items():
        assert out[name]["status"] == status, name
        assert isinstance(out[name]["parsed"], ErrorResponse), name
        assert out[name]["body"]["error"]["message"], name
    assert out["400_limit"]["body"]["error"]["param"] == "limit"
    assert out["400_metadata"]["body"]["error"]["param"] == "metadata"
    assert out["400_files"]["body"]["error"]["code"] == "array_above_max_length"
    assert out["401"]["body"]["error"]["code"] == "invalid_api_key"
    assert "insufficient permissions" in out["403"]["body"]["error"]["message"]


def _scripted(status: int, times: int, **headers: Any) -> Any:
    def setup(emulator: Emulator) -> dict[str, Any]:
        facts = _seed_one(emulator)
        emulator.fail_next(status, times, **headers)
        return facts

    return setup


def _until_success(ctx: Context, attempts: int) -> list[dict[str, Any]]:
    c = client(ctx)
    seen = []
    for _ in range(attempts):
        seen.append(_summary(retrieve_thread.sync_detailed(ctx.facts["thread_id"], client=c)))
        if seen[-1]["status"] == 200:
            break
    return seen


def check_then_success(status: int, failures: int) -> Any:
    def check(out: list[dict[str, Any]], facts: dict[str, Any]) -> None:
        assert [r["status"] for r in out] == [status] * failures + [200]
        assert all(isinstance(r["parsed"], ErrorResponse) for r in out[:-1])
        assert out[-1]["body"]["id"] == facts["thread_id"]

    return check


def check_exhausted(out: list[dict[str, Any]], facts: dict[str, Any]) -> None:
    assert [r["status"] for r in out] == [500, 500, 500]


def check_429(out: list[dict[str, Any]], facts: dict[str, Any]) -> None:
    check_then_success(429, 1)(out, facts)
    assert out[0]["headers"]["retry-after"] == "1"
    assert out[0]["body"]["error"]["code"] == "rate_limit_exceeded"


SCENARIOS = [
    Scenario("api_legacy_crud", legacy_crud, check_legacy_crud, lambda e: {}),
    Scenario("api_chatkit_tour", chatkit_tour, check_chatkit_tour, seed_demo),
    Scenario("api_pagination", pagination, check_pagination, _seed_pages),
    Scenario("api_errors", errors, check_errors, _seed_one),
    Scenario("api_409_then_success", lambda ctx: _until_success(ctx, 3), check_then_success(409, 1), _scripted(409, 1)),
    Scenario("api_429_then_success", lambda ctx: _until_success(ctx, 3), check_429, _scripted(429, 1, retry_after=1)),
    Scenario("api_500_then_success", lambda ctx: _until_success(ctx, 3), check_then_success(500, 1), _scripted(500, 1)),
    Scenario("api_500_exhausted", lambda ctx: _until_success(ctx, 3), check_exhausted, _scripted(500, 3)),
]
