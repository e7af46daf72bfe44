"""The emulator's Responses API subset, through the official openai SDK: continue a conversation offline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest
from openai.types.responses import ResponseTextDeltaEvent
from threadshim.testing import Emulator, EmulatorServer

Served = tuple[Emulator, openai.OpenAI, str]


@pytest.fixture
def served() -> Iterator[Served]:
    emulator = Emulator()
    with (
        EmulatorServer(emulator) as server,
        openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as sdk,
    ):
        yield emulator, sdk, server.base_url


def _items(sdk: openai.OpenAI, conversation: str) -> list[tuple[str, str | None, str]]:
    found = []
    for item in sdk.conversations.items.list(conversation, order="asc"):
        raw: dict[str, Any] = item.model_dump()
        text = next((part.get("text", "") for part in raw.get("content") or []), raw.get("name", ""))
        found.append((raw["type"], raw.get("role"), text))
    return found


def test_a_response_on_a_conversation_appends_the_input_and_the_output(served: Served) -> None:
    emulator, sdk, _ = served
    conversation = sdk.conversations.create(items=[{"type": "message", "role": "user", "content": "earlier"}])
    emulator.script_responses("Here you are.")
    response = sdk.responses.create(model="gpt-4.1", input="go on", conversation=conversation.id)
    assert response.output_text == "Here you are." and response.conversation is not None
    assert response.conversation.id == conversation.id and response.status == "completed"
    assert _items(sdk, conversation.id) == [
        ("message", "user", "earlier"),
        ("message", "user", "go on"),
        ("message", "assistant", "Here you are."),
    ]
    assert sdk.responses.retrieve(response.id).output_text == "Here you are."
    assert [i.type for i in sdk.responses.input_items.list(response.id)] == ["message"]


def test_a_streamed_response_on_a_conversation_appends_once_when_the_stream_ends(served: Served) -> None:
    emulator, sdk, _ = served
    conversation = sdk.conversations.create(items=[{"type": "message", "role": "user", "content": "earlier"}])
    emulator.script_responses("Streamed reply.")
    with sdk.responses.stream(model="gpt-4.1", input="go on", conversation=conversation.id) as stream:
        deltas = [event.delta for event in stream if isinstance(event, ResponseTextDeltaEvent)]
        final = stream.get_final_response()
    assert deltas == ["Streamed reply."] and final.output_text == "Streamed reply."
    assert final.conversation is not None and final.conversation.id == conversation.id
    assert _items(sdk, conversation.id) == [
        ("message", "user", "earlier"),
        ("message", "user", "go on"),
        ("message", "assistant", "Streamed reply."),
    ]


def test_previous_response_id_chains_streamed_and_not(served: Served) -> None:
    emulator, sdk, _ = served
    emulator.script_responses(
        "First.",
        {"function_calls": [{"name": "lookup", "arguments": '{"order": 42}', "namespace": "billing"}]},
        "Last.",
    )
    first = sdk.responses.create(model="gpt-4.1", input="one", instructions="be brief", metadata={"k": "v"})
    assert (first.output_text, first.instructions, first.metadata) == ("First.", "be brief", {"k": "v"})
    with sdk.responses.stream(model="gpt-4.1", input="two", previous_response_id=first.id) as stream:
        kinds = [event.type for event in stream]
        second = stream.get_final_response()
    call = second.output[0]
    assert call.type == "function_call" and (call.name, call.arguments) == ("lookup", '{"order": 42}')
    assert call.namespace == "billing"
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert "response.function_call_arguments.done" in kinds and second.previous_response_id == first.id
    output: Any = [{"type": "function_call_output", "call_id": call.call_id, "output": "shipped"}]
    streamed = sdk.responses.create(model="gpt-4.1", input=output, previous_response_id=second.id, stream=True)
    deltas = [event.delta for event in streamed if isinstance(event, ResponseTextDeltaEvent)]
    assert deltas == ["Last."]
    plain = sdk.responses.create(model="gpt-4.1", input="no script left")
    assert plain.output_text.startswith("This is threadshim's emulator, not a model")


def test_what_the_api_refuses_is_refused(served: Served) -> None:
    _, sdk, base = served
    conversation = sdk.conversations.create()
    first = sdk.responses.create(model="gpt-4.1", input="x", store=False)
    with pytest.raises(openai.NotFoundError):
        sdk.responses.retrieve(first.id)  # store=false keeps nothing
    with pytest.raises(openai.BadRequestError, match="cannot be used together"):
        kept = sdk.responses.create(model="gpt-4.1", input="x")
        sdk.responses.create(model="gpt-4.1", input="x", conversation=conversation.id, previous_response_id=kept.id)
    with pytest.raises(openai.NotFoundError, match="Previous response"):
        sdk.responses.create(model="gpt-4.1", input="x", previous_response_id="resp_none")
    with pytest.raises(openai.NotFoundError, match="Conversation"):
        sdk.responses.create(model="gpt-4.1", input="x", conversation="conv_none")
    raw = httpx.post(f"{base}/responses", json={"model": "m", "bogus": 1}, headers={"Authorization": "Bearer k"})
    assert raw.status_code == 400 and raw.json()["error"]["param"] == "bogus"
    raw = httpx.post(f"{base}/responses", json={"input": "x"}, headers={"Authorization": "Bearer k"})
    assert raw.status_code == 400 and raw.json()["error"]["param"] == "model"
    kept = sdk.responses.create(model="gpt-4.1", input="x")
    sdk.responses.delete(kept.id)
    with pytest.raises(openai.NotFoundError):
        sdk.responses.retrieve(kept.id)


def test_a_served_emulator_is_scripted_through_its_control_route(served: Served) -> None:
    _, sdk, base = served
    root = base.removesuffix("/v1")
    queued = httpx.post(f"{root}/_emulator/responses/script", json={"replies": ["From the route."]})
    assert queued.status_code == 200 and len(queued.json()["queued"]) == 1
    assert sdk.responses.create(model="gpt-4.1", input="x").output_text == "From the route."
    refused = httpx.post(f"{root}/_emulator/responses/script", json={"replies": [{"function_calls": "no"}]})
    assert refused.status_code == 400


def test_input_items_page_newest_first_by_default(served: Served) -> None:
    _, sdk, _ = served
    words = [{"type": "message", "role": "user", "content": f"m{n}"} for n in range(25)]
    response = sdk.responses.create(model="gpt-4.1", input=words)  # type: ignore[arg-type]
    newest = sdk.responses.input_items.list(response.id, limit=10)
    texts = [json.loads(item.model_dump_json())["content"][0]["text"] for item in newest.data]
    assert texts == [f"m{n}" for n in range(24, 14, -1)] and newest.has_more
    every = [item.id for item in sdk.responses.input_items.list(response.id, limit=7, order="asc")]  # all pages
    assert len(every) == 25 and len(set(every)) == 25
