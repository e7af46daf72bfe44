"""The official openai SDK, pointed at the served emulator, works unchanged for every covered operation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest
from threadshim.testing import Emulator, EmulatorServer, seed_demo


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[openai.OpenAI, dict[str, Any], EmulatorServer]]:
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    with (
        EmulatorServer(emulator) as server,
        openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as sdk,
    ):
        yield sdk, facts, server


def test_chatkit_operations(served: tuple[openai.OpenAI, dict[str, Any], EmulatorServer]) -> None:
    sdk, facts, _ = served
    every = [t.id for t in sdk.beta.chatkit.threads.list(limit=2)]  # auto-paginates over 3 pages
    assert len(every) == 5
    mine = sdk.beta.chatkit.threads.list(user="user_789", order="asc")
    assert [t.status.type for t in mine.data] == ["locked", "closed"]
    thread = sdk.beta.chatkit.threads.retrieve(facts["chatkit_thread_ids"][0])
    assert thread.title == "Customer escalation" and thread.user == "user_456"
    items = list(sdk.beta.chatkit.threads.list_items(thread.id, order="asc", limit=2))
    assert [i.type for i in items] == [
        "chatkit.user_message",
        "chatkit.client_tool_call",
        "chatkit.task",
        "chatkit.assistant_message",
        "chatkit.task_group",
        "chatkit.widget",
    ]
    deleted = sdk.beta.chatkit.threads.delete(facts["chatkit_thread_ids"][-1])
    assert deleted.deleted is True
    with pytest.raises(openai.NotFoundError):
        sdk.beta.chatkit.threads.retrieve(facts["chatkit_thread_ids"][-1])


def test_assistants_operations(served: tuple[openai.OpenAI, dict[str, Any], EmulatorServer]) -> None:
    sdk, facts, _ = served
    thread = sdk.beta.threads.create(messages=[{"role": "user", "content": "hi"}], metadata={"user": "u1"})
    assert sdk.beta.threads.retrieve(thread.id).metadata == {"user": "u1"}
    updated = sdk.beta.threads.update(
        thread.id, metadata={"user": "u2"}, tool_resources={"code_interpreter": {"file_ids": ["f1"]}}
    )
    assert updated.tool_resources is not None and updated.tool_resources.code_interpreter is not None
    assert updated.tool_resources.code_interpreter.file_ids == ["f1"]
    message = sdk.beta.threads.messages.create(thread.id, role="assistant", content="hello back")
    listed = sdk.beta.threads.messages.list(thread.id, order="asc")
    assert [m.role for m in listed.data] == ["user", "assistant"]
    got = sdk.beta.threads.messages.retrieve(message.id, thread_id=thread.id)
    assert got.content[0].type == "text" and got.content[0].text.value == "hello back"
    assert sdk.beta.threads.messages.update(message.id, thread_id=thread.id, metadata={"a": "b"}).metadata == {"a": "b"}
    assert sdk.beta.threads.messages.delete(message.id, thread_id=thread.id).deleted is True
    assert sdk.beta.threads.delete(thread.id).deleted is True
    demo = sdk.beta.threads.messages.list(facts["legacy_thread_ids"][0], order="asc")
    assert {c.type for m in demo.data for c in m.content} == {"text", "image_file", "image_url", "refusal"}
    with pytest.raises(openai.BadRequestError):
        sdk.beta.threads.create(metadata={f"k{n}": "v" for n in range(17)})


def test_a_dropped_connection_reaches_the_sdk_as_a_connection_error(
    served: tuple[openai.OpenAI, dict[str, Any], EmulatorServer],
) -> None:
    sdk, _, server = served
    server.emulator.fail_next(0)
    with pytest.raises(openai.APIConnectionError):
        sdk.beta.chatkit.threads.list()
    assert (
        httpx.get(
            server.base_url + "/chatkit/threads",
            headers={"Authorization": "Bearer k", "OpenAI-Beta": "chatkit_beta=v1"},
        ).status_code
        == 200
    )


def test_conversations_operations(served: tuple[openai.OpenAI, dict[str, Any], EmulatorServer]) -> None:
    sdk, _, _ = served
    conversation = sdk.conversations.create(
        items=[{"type": "message", "role": "user", "content": "Where is my order?"}], metadata={"user": "u1"}
    )
    assert conversation.id.startswith("conv_") and conversation.metadata == {"user": "u1"}
    assert sdk.conversations.retrieve(conversation.id).created_at == conversation.created_at
    updated = sdk.conversations.update(conversation.id, metadata={"user": "u2", "title": "Order"})
    assert updated.metadata == {"user": "u2", "title": "Order"}
    added = sdk.conversations.items.create(
        conversation.id,
        items=[
            {
                "type": "message",
                "role": "assistant",
                "id": "msg_reply",
                "status": "completed",
                "content": [{"type": "output_text", "text": "On its way.", "annotations": []}],
            },
            {"type": "function_call", "call_id": "call_1", "name": "track", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "call_1", "output": "shipped"},
        ],
        include=["message.output_text.logprobs"],
    )
    assert [i.type for i in added.data] == ["message", "function_call", "function_call_output"]
    every = list(sdk.conversations.items.list(conversation.id, limit=2, order="asc"))  # auto-paginates
    assert [i.type for i in every] == ["message", "message", "function_call", "function_call_output"]
    first, second = (i.model_dump() for i in every[:2])
    assert first["content"][0]["type"] == "input_text" and second["content"][0]["text"] == "On its way."
    newest = sdk.conversations.items.list(conversation.id, limit=1)
    assert newest.data[0].type == "function_call_output" and newest.has_more
    call_id = str(every[2].id)
    one = sdk.conversations.items.retrieve(call_id, conversation_id=conversation.id)
    assert one.model_dump()["type"] == "function_call" and one.model_dump()["name"] == "track"
    after = sdk.conversations.items.delete(call_id, conversation_id=conversation.id)
    assert after.id == conversation.id
    with pytest.raises(openai.NotFoundError):
        sdk.conversations.items.retrieve(call_id, conversation_id=conversation.id)
    with pytest.raises(openai.BadRequestError, match="Supported values are: 'output_text' and 'refusal'"):
        sdk.conversations.items.create(
            conversation.id,
            items=[{"type": "message", "role": "assistant", "content": [{"type": "input_text", "text": "x"}]}],
        )
    deleted = sdk.conversations.delete(conversation.id)
    assert deleted.deleted is True and deleted.id == conversation.id
    with pytest.raises(openai.NotFoundError):
        sdk.conversations.retrieve(conversation.id)
    with pytest.raises(openai.NotFoundError):
        sdk.conversations.items.list(conversation.id)
