"""openai-chatkit's own ChatKitServer on each store, driven with the JSON requests a ChatKit client sends."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    ThreadItemDoneEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
)
from threadshim.chatkit import SQLStore, StoredThread, StoreNotFound

from .helpers import ALICE, BOB, thread, user_item


class EchoServer(ChatKitServer[dict[str, str]]):
    """Answers every user message with its text, upper-cased."""

    async def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: dict[str, str]
    ) -> AsyncIterator[ThreadStreamEvent]:
        text = input_user_message.content[0].text if input_user_message else ""
        yield ThreadItemDoneEvent(
            item=AssistantMessageItem(
                id=self.store.generate_item_id("message", thread, context),
                thread_id=thread.id,
                created_at=datetime.now(),  # naive local time, as ChatKit itself makes them
                content=[AssistantMessageContent(text=text.upper())],
            )
        )


async def call(server: EchoServer, request: dict[str, Any], context: dict[str, str] = ALICE) -> Any:
    """Send one non-streaming request; the decoded JSON answer."""
    result = await server.process(json.dumps(request), context)
    assert isinstance(result, NonStreamingResult)
    return json.loads(result.json)


async def stream(server: EchoServer, request: dict[str, Any], context: dict[str, str] = ALICE) -> list[Any]:
    """Send one streaming request; the events it sent."""
    result = await server.process(json.dumps(request), context)
    assert isinstance(result, StreamingResult)
    chunks = [chunk async for chunk in result]
    body = b"".join(chunks).decode()
    return [json.loads(line[len("data: ") :]) for line in body.splitlines() if line.startswith("data: ")]


async def test_threads_list_get_by_id_and_items_list_page_through_a_store(store: SQLStore[Any]) -> None:
    server = EchoServer(store)
    imported = [
        StoredThread(
            "alice",
            thread(f"thr_{n}", seconds=n, title=f"chat {n}"),
            [user_item(f"msg_{n}_{i}", f"thr_{n}") for i in range(25)],
        )
        for n in range(5)
    ]
    await store.put_threads([*imported, StoredThread("bob", thread("thr_bob"))])

    listed, after = [], None
    while True:
        page = await call(
            server,
            {"type": "threads.list", "params": {"limit": 2, "order": "desc", **({"after": after} if after else {})}},
        )
        listed += [t["id"] for t in page["data"]]
        if not page["has_more"]:
            break
        after = page["after"]
    assert listed == ["thr_4", "thr_3", "thr_2", "thr_1", "thr_0"]

    got = await call(server, {"type": "threads.get_by_id", "params": {"thread_id": "thr_2"}})
    assert got["title"] == "chat 2" and [i["id"] for i in got["items"]["data"]][:3] == ["msg_2_0", "msg_2_1", "msg_2_2"]

    ids, after = [], None
    while True:
        params: dict[str, Any] = {"thread_id": "thr_3", "limit": 10, "order": "asc"}
        page = await call(server, {"type": "items.list", "params": {**params, **({"after": after} if after else {})}})
        ids += [i["id"] for i in page["data"]]
        if not page["has_more"]:
            break
        after = page["after"]
    assert ids == [f"msg_3_{i}" for i in range(25)]
    assert [t["id"] for t in (await call(server, {"type": "threads.list", "params": {}}, BOB))["data"]] == ["thr_bob"]


async def test_a_conversation_through_the_server_is_stored_and_read_back(store: SQLStore[Any]) -> None:
    server = EchoServer(store)
    message = {"content": [{"type": "input_text", "text": "hello"}], "attachments": [], "inference_options": {}}
    events = await stream(server, {"type": "threads.create", "params": {"input": message}})
    thread_id = events[0]["thread"]["id"]
    await stream(
        server,
        {
            "type": "threads.add_user_message",
            "params": {
                "thread_id": thread_id,
                "input": {**message, "content": [{"type": "input_text", "text": "again"}]},
            },
        },
    )
    await call(server, {"type": "threads.update", "params": {"thread_id": thread_id, "title": "greetings"}})
    items = await call(server, {"type": "items.list", "params": {"thread_id": thread_id, "limit": 50, "order": "asc"}})
    texts = [(i["type"], i["content"][0]["text"]) for i in items["data"]]
    assert texts == [
        ("user_message", "hello"),
        ("assistant_message", "HELLO"),
        ("user_message", "again"),
        ("assistant_message", "AGAIN"),
    ]
    assert (await store.load_thread(thread_id, ALICE)).title == "greetings"
    assert (await call(server, {"type": "threads.list", "params": {}}, BOB))["data"] == []

    await call(server, {"type": "threads.delete", "params": {"thread_id": thread_id}})
    assert (await call(server, {"type": "threads.list", "params": {}}))["data"] == []


class ReEmitting(EchoServer):
    """A responder that emits again an item the thread already holds (the user's answer, msg_answer)."""

    async def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: dict[str, str]
    ) -> AsyncIterator[ThreadStreamEvent]:
        yield ThreadItemDoneEvent(item=user_item("msg_answer", thread.id, text="overwritten"))


async def test_a_last_page_carries_no_after_as_chatkits_own_store(store: SQLStore[Any]) -> None:
    server = EchoServer(store)
    await store.put_threads([StoredThread("alice", thread(f"thr_{n}", seconds=n), []) for n in range(3)])
    await store.put_threads([StoredThread("alice", thread("thr_i", seconds=9), [user_item("msg_0", "thr_i")])])
    first = await call(server, {"type": "threads.list", "params": {"limit": 3, "order": "asc"}})
    assert first["has_more"] and first["after"] == "thr_2"
    last = await call(server, {"type": "threads.list", "params": {"limit": 3, "order": "asc", "after": "thr_2"}})
    assert [t["id"] for t in last["data"]] == ["thr_i"] and not last["has_more"] and last.get("after") is None
    items = await call(server, {"type": "items.list", "params": {"thread_id": "thr_i", "limit": 5}})
    assert [i["id"] for i in items["data"]] == ["msg_0"] and not items["has_more"] and items.get("after") is None


async def test_another_users_thread_shows_no_items_and_no_thread(store: SQLStore[Any]) -> None:
    server = EchoServer(store)
    await store.put_threads([StoredThread("alice", thread("thr_a"), [user_item("msg_a", "thr_a", text="secret")])])
    page = await call(server, {"type": "items.list", "params": {"thread_id": "thr_a"}}, BOB)
    assert page["data"] == [] and not page["has_more"]
    with pytest.raises(StoreNotFound, match=r"^Thread thr_a not found$"):
        await server.process(json.dumps({"type": "threads.get_by_id", "params": {"thread_id": "thr_a"}}), BOB)


async def test_a_re_emitted_item_never_overwrites_the_users_answer(store: SQLStore[Any]) -> None:
    await store.put_threads([StoredThread("alice", thread("thr_a"), [user_item("msg_answer", "thr_a", text="yes")])])
    message = {"content": [{"type": "input_text", "text": "go on"}], "attachments": [], "inference_options": {}}
    events = await stream(
        ReEmitting(store), {"type": "threads.add_user_message", "params": {"thread_id": "thr_a", "input": message}}
    )
    assert events[-1]["type"] == "error"  # the server reports the refused write to the client
    kept = await store.load_item("thr_a", "msg_answer", ALICE)
    assert kept.content[0].text == "yes"  # type: ignore[union-attr]


async def test_not_found_reads_as_chatkits_own_store_words_it(store: SQLStore[Any]) -> None:
    server = EchoServer(store)
    with pytest.raises(StoreNotFound, match=r"^Thread thr_none not found$"):
        await server.process(json.dumps({"type": "threads.get_by_id", "params": {"thread_id": "thr_none"}}), ALICE)
