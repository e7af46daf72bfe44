"""Recorded scenarios of the Conversations API: every operation through the generated client and the shim."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from threadshim.testing import Emulator
from threadshim.testing._ratelimit import RateLimiter
from threadshim_api.api.conversations import (
    create_conversation,
    create_conversation_items,
    delete_conversation,
    delete_conversation_item,
    list_conversation_items,
    retrieve_conversation,
    retrieve_conversation_item,
    update_conversation,
)
from threadshim_api.models import (
    CreateConversationItemsRequest,
    CreateConversationRequest,
    UpdateConversationRequest,
)

from tests.harness import TEST_KEY, Context, Scenario
from tests.scenarios_api import _summary, client
from tests.scenarios_shim import Step, _pair

ASSISTANT_REPLY = {
    "type": "message",
    "role": "assistant",
    "id": "msg_reply0001",
    "status": "completed",
    "content": [
        {
            "type": "output_text",
            "text": "Refunds take 30 days [1].",
            "annotations": [{"type": "file_citation", "file_id": "file-policy", "filename": "policy.pdf", "index": 23}],
        }
    ],
}


def _post(emulator: Emulator, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """Drive the emulator from Python (no HTTP, so nothing is recorded)."""
    reply = emulator.handle(
        "POST", f"/v1{path}", {}, {"authorization": f"Bearer {TEST_KEY}"}, json.dumps(body).encode()
    )
    assert reply.status == 200, reply.body
    answer: dict[str, Any] = json.loads(reply.body)
    return answer


def _seed_conversation(emulator: Emulator) -> dict[str, Any]:
    items = [
        {"type": "message", "role": "user", "content": "Can I get a refund?"},
        ASSISTANT_REPLY,
        {"type": "function_call", "call_id": "call_1", "name": "refund", "arguments": '{"order": 1182}'},
        {"type": "function_call_output", "call_id": "call_1", "output": "approved"},
        {"type": "reasoning", "id": "rs_0001", "summary": [{"type": "summary_text", "text": "Checked the policy."}]},
    ]
    conversation = _post(
        emulator, "/conversations", {"items": items, "metadata": {"user": "user_456", "title": "Refund"}}
    )
    return {"conversation_id": conversation["id"]}


def crud(ctx: Context) -> dict[str, Any]:
    """Every Conversations operation with the generated client, in the order a user would call them."""
    c = client(ctx)
    out: dict[str, Any] = {}
    body = CreateConversationRequest.from_dict(
        {"items": [{"type": "message", "role": "user", "content": "Where is my order?"}], "metadata": {"user": "u1"}}
    )
    out["create"] = _summary(create_conversation.sync_detailed(client=c, body=body))
    conversation = out["create"]["body"]["id"]
    out["retrieve"] = _summary(retrieve_conversation.sync_detailed(conversation, client=c))
    update = UpdateConversationRequest.from_dict({"metadata": {"user": "u1", "title": "Order"}})
    out["update"] = _summary(update_conversation.sync_detailed(conversation, client=c, body=update))
    added = CreateConversationItemsRequest.from_dict({"items": [ASSISTANT_REPLY]})
    out["add"] = _summary(create_conversation_items.sync_detailed(conversation, client=c, body=added))
    out["list"] = _summary(list_conversation_items.sync_detailed(conversation, client=c, order="asc"))
    out["item"] = _summary(retrieve_conversation_item.sync_detailed(conversation, "msg_reply0001", client=c))
    out["delete_item"] = _summary(delete_conversation_item.sync_detailed(conversation, "msg_reply0001", client=c))
    wrong = CreateConversationItemsRequest.from_dict(
        {"items": [{"type": "message", "role": "assistant", "content": [{"type": "input_text", "text": "Hi"}]}]}
    )
    out["refused"] = _summary(create_conversation_items.sync_detailed(conversation, client=c, body=wrong))
    too_many = CreateConversationItemsRequest.from_dict({"items": [{"role": "user", "content": "x"}] * 21})
    out["too_many"] = _summary(create_conversation_items.sync_detailed(conversation, client=c, body=too_many))
    out["delete"] = _summary(delete_conversation.sync_detailed(conversation, client=c))
    out["gone"] = _summary(retrieve_conversation.sync_detailed(conversation, client=c))
    return out


def crud_async(ctx: Context) -> dict[str, Any]:
    """The same calls through the generated client's asyncio functions."""

    async def main() -> dict[str, Any]:
        c = client(ctx, asynchronous=True)
        out: dict[str, Any] = {}
        body = CreateConversationRequest.from_dict(
            {
                "items": [{"type": "message", "role": "user", "content": "Where is my order?"}],
                "metadata": {"user": "u1"},
            }
        )
        out["create"] = _summary(await create_conversation.asyncio_detailed(client=c, body=body))
        conversation = out["create"]["body"]["id"]
        out["retrieve"] = _summary(await retrieve_conversation.asyncio_detailed(conversation, client=c))
        update = UpdateConversationRequest.from_dict({"metadata": {"user": "u1", "title": "Order"}})
        out["update"] = _summary(await update_conversation.asyncio_detailed(conversation, client=c, body=update))
        added = CreateConversationItemsRequest.from_dict({"items": [ASSISTANT_REPLY]})
        out["add"] = _summary(await create_conversation_items.asyncio_detailed(conversation, client=c, body=added))
        out["list"] = _summary(await list_conversation_items.asyncio_detailed(conversation, client=c, order="asc"))
        item = "msg_reply0001"
        out["item"] = _summary(await retrieve_conversation_item.asyncio_detailed(conversation, item, client=c))
        out["delete_item"] = _summary(await delete_conversation_item.asyncio_detailed(conversation, item, client=c))
        wrong = CreateConversationItemsRequest.from_dict(
            {"items": [{"type": "message", "role": "assistant", "content": [{"type": "input_text", "text": "Hi"}]}]}
        )
        out["refused"] = _summary(await create_conversation_items.asyncio_detailed(conversation, client=c, body=wrong))
        too_many = CreateConversationItemsRequest.from_dict({"items": [{"role": "user", "content": "x"}] * 21})
        out["too_many"] = _summary(
            await create_conversation_items.asyncio_detailed(conversation, client=c, body=too_many)
        )
        out["delete"] = _summary(await delete_conversation.asyncio_detailed(conversation, client=c))
        out["gone"] = _summary(await retrieve_conversation.asyncio_detailed(conversation, client=c))
        return out

    return asyncio.run(main())


def check_crud(out: dict[str, Any], facts: dict[str, Any]) -> None:
    assert out["create"]["status"] == 200 and out["create"]["body"]["id"].startswith("conv_")
    assert out["update"]["body"]["metadata"] == {"user": "u1", "title": "Order"}
    assert [i["type"] for i in out["list"]["body"]["data"]] == ["message", "message"]
    assert out["list"]["body"]["data"][0]["content"] == [{"type": "input_text", "text": "Where is my order?"}]
    assert out["item"]["body"]["content"][0]["annotations"][0]["filename"] == "policy.pdf"
    assert out["delete_item"]["body"]["object"] == "conversation"
    refused = out["refused"]["body"]["error"]
    assert out["refused"]["status"] == 400 and refused["code"] == "invalid_value"
    assert "Supported values are: 'output_text' and 'refusal'." in refused["message"]
    assert out["too_many"]["status"] == 400 and out["too_many"]["body"]["error"]["param"] == "items"
    assert out["delete"]["body"] == {
        "id": out["create"]["body"]["id"],
        "object": "conversation.deleted",
        "deleted": True,
    }
    assert out["gone"]["status"] == 404


def _rate_limited(emulator: Emulator) -> dict[str, Any]:
    facts = _seed_conversation(emulator)
    emulator.limiter = RateLimiter(500, clock=lambda: 0.0)  # a frozen clock keeps the headers reproducible
    emulator.fail_next(429, 1, retry_after=0, retry_after_ms=0)
    return facts


def rate_limited(ctx: Context) -> list[dict[str, Any]]:
    c = client(ctx)
    return [_summary(retrieve_conversation.sync_detailed(ctx.facts["conversation_id"], client=c)) for _ in range(2)]


def check_rate_limited(out: list[dict[str, Any]], facts: dict[str, Any]) -> None:
    assert [o["status"] for o in out] == [429, 200]
    for answer in out:
        assert answer["headers"]["x-ratelimit-limit-requests"] == "500"
        assert int(answer["headers"]["x-ratelimit-remaining-requests"]) < 500
    assert out[0]["headers"]["retry-after-ms"] == "0"


TOUR: list[Step] = [
    ("thread", lambda s, f: s.retrieve(f["conversation_id"]), False),
    ("items", lambda s, f: s.items(f["conversation_id"]), True),
    ("newest_first", lambda s, f: s.items(f["conversation_id"], order="desc"), True),
    ("listed", lambda s, f: s.list(legacy_ids=[f["conversation_id"]]), True),
    ("update", lambda s, f: s.update(f["conversation_id"], metadata={"user": "user_9", "title": "Renamed"}), False),
    ("delete", lambda s, f: s.delete(f["conversation_id"]), False),
    ("gone", lambda s, f: s.retrieve(f["conversation_id"]), False),
]


def check_tour(out: dict[str, Any], facts: dict[str, Any]) -> None:
    from threadshim import NotFoundError

    thread = out["thread"]
    assert (thread.source, thread.title, thread.user, thread.tool_resources) == (
        "conversations",
        "Refund",
        "user_456",
        None,
    )
    kinds = [i.kind for i in out["items"]]
    assert kinds == ["user_message", "assistant_message", "function_call", "function_call_output", "reasoning"]
    reply = out["items"][1]
    assert reply.role == "assistant" and reply.text == "Refunds take 30 days [1]."
    assert (reply.annotations[0].type, reply.annotations[0].filename) == ("file_citation", "policy.pdf")
    assert out["items"][2].raw["name"] == "refund" and out["items"][2].text is None
    assert [i.id for i in out["newest_first"]] == [i.id for i in out["items"]][::-1]
    assert [t.id for t in out["listed"]] == [facts["conversation_id"]]
    assert (out["update"].title, out["update"].user) == ("Renamed", "user_9")
    assert out["delete"] is True and isinstance(out["gone"], NotFoundError)


def _seed_pages(emulator: Emulator) -> dict[str, Any]:
    conversation = _post(emulator, "/conversations", {})["id"]
    for start in range(0, 250, 20):
        batch = [{"role": "user", "content": f"m{n}"} for n in range(start, min(start + 20, 250))]
        _post(emulator, f"/conversations/{conversation}/items", {"items": batch})
    return {"conversation_id": conversation}


PAGES: list[Step] = [
    ("asc", lambda s, f: s.items(f["conversation_id"]), True),
    ("desc", lambda s, f: s.items(f["conversation_id"], order="desc"), True),
]


def check_pages(out: dict[str, Any], facts: dict[str, Any]) -> None:
    assert [i.text for i in out["asc"]] == [f"m{n}" for n in range(250)]
    assert [i.text for i in out["desc"]] == [f"m{n}" for n in reversed(range(250))]


RETRIEVE: list[Step] = [("thread", lambda s, f: s.retrieve(f["conversation_id"]), False)]


def check_retried(out: dict[str, Any], facts: dict[str, Any]) -> None:
    assert out["thread"].id == facts["conversation_id"] and out["thread"].source == "conversations"


SCENARIOS = [
    Scenario("api_conversations_crud", crud, check_crud, lambda e: {}),
    Scenario("api_conversations_crud_async", crud_async, check_crud, lambda e: {}),
    Scenario("api_conversations_rate_limited", rate_limited, check_rate_limited, _rate_limited),
    *_pair("conversations_tour", TOUR, check_tour, _seed_conversation),
    *_pair("conversations_pages", PAGES, check_pages, _seed_pages),
    *_pair("conversations_429", RETRIEVE, check_retried, _rate_limited),
]
