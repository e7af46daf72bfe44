"""What real clients save into a conversation: id-less assistant turns, namespaced tools, tools returning images.

And item ids as the API keeps them: unique everywhere, so a save can never rewrite another
conversation's item; and a repeated query parameter keeps every value.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest
from threadshim.testing import Emulator, EmulatorServer

AUTH = {"Authorization": "Bearer sk-test"}
REPLY = {
    "type": "message",
    "role": "assistant",
    "status": "completed",
    "content": [{"type": "output_text", "text": "Done.", "annotations": []}],
}  # as the Agents SDK saves an assistant turn: no id
CALL = {
    "type": "function_call",
    "call_id": "call_1",
    "name": "lookup",
    "arguments": '{"q": "x"}',
    "namespace": "billing",
    "caller": {"type": "direct"},
}
OUTPUT = {
    "type": "function_call_output",
    "call_id": "call_1",
    "name": "lookup",
    "namespace": "billing",
    "caller": None,
    "output": [
        {"type": "input_text", "text": "the chart"},
        {"type": "input_image", "image_url": "https://example.com/chart.png"},
        {"type": "input_file", "file_id": "file-abc"},
    ],
}


@pytest.fixture
def api() -> Iterator[httpx.Client]:
    transport = Emulator(deterministic=True).transport()
    with httpx.Client(base_url="https://api.openai.com/v1", transport=transport, headers=AUTH) as client:
        yield client


def _conversation(api: httpx.Client, *items: dict[str, Any]) -> str:
    made = api.post("/conversations", json={"items": list(items)})
    assert made.status_code == 200, made.text
    return str(made.json()["id"])


def _items(api: httpx.Client, conversation: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = api.get(f"/conversations/{conversation}/items", params={"order": "asc"}).json()["data"]
    return data


def test_an_assistant_turn_without_an_id_gets_one_and_is_kept_as_sent(api: httpx.Client) -> None:
    conversation = _conversation(api)
    added = api.post(f"/conversations/{conversation}/items", json={"items": [REPLY, {**REPLY, "status": "incomplete"}]})
    assert added.status_code == 200, added.text
    stored = _items(api, conversation)
    assert [i["id"][:4] for i in stored] == ["msg_", "msg_"] and stored[0]["id"] != stored[1]["id"]
    assert [{k: v for k, v in i.items() if k != "id"} for i in stored] == [
        {**REPLY, "content": [{**REPLY["content"][0], "logprobs": []}]},  # type: ignore[dict-item]
        {**REPLY, "status": "incomplete", "content": [{**REPLY["content"][0], "logprobs": []}]},  # type: ignore[dict-item]
    ]


def test_namespaced_calls_and_outputs_with_parts_are_stored_with_the_apis_defaults(api: httpx.Client) -> None:
    conversation = _conversation(api, CALL, OUTPUT)
    call, output = _items(api, conversation)
    assert call == {**CALL, "id": call["id"], "status": "completed"} and call["id"].startswith("fc_")
    image = {"type": "input_image", "image_url": "https://example.com/chart.png", "detail": "auto"}
    assert output["output"] == [OUTPUT["output"][0], image, OUTPUT["output"][2]]  # type: ignore[index]
    assert (output["name"], output["namespace"], output["caller"]) == ("lookup", "billing", None)


@pytest.mark.parametrize(
    ("item", "param"),
    [
        ({**CALL, "namespace": "has space"}, "items[0].namespace"),
        ({**CALL, "namespace": "n" * 65}, "items[0].namespace"),
        ({**OUTPUT, "output": [{"type": "output_text", "text": "x"}]}, "items[0].output[0].type"),
        ({**OUTPUT, "output": 7}, "items[0].output"),
        ({k: v for k, v in OUTPUT.items() if k != "output"}, "items[0].output"),
        ({**CALL, "caller": "direct"}, "items[0].caller"),
        ({**CALL, "namespace": None}, "items[0].namespace"),
    ],
)
def test_malformed_tool_items_are_refused_with_their_param(api: httpx.Client, item: dict[str, Any], param: str) -> None:
    answer = api.post("/conversations", json={"items": [item]})
    assert answer.status_code == 400 and answer.json()["error"]["param"] == param


def test_an_id_already_used_anywhere_gets_a_new_one_and_touches_nothing(api: httpx.Client) -> None:
    reasoning = {"type": "reasoning", "id": "rs_kept_by_the_sdk", "summary": []}
    first = _conversation(api, {"type": "message", "role": "user", "content": "hi"}, reasoning)
    before = _items(api, first)
    second = _conversation(api)
    changed = {**reasoning, "summary": [{"type": "summary_text", "text": "changed"}]}
    added = api.post(f"/conversations/{second}/items", json={"items": [changed]}).json()["data"]
    assert added[0]["id"].startswith("rs_") and added[0]["id"] != "rs_kept_by_the_sdk"
    again = api.post(f"/conversations/{first}/items", json={"items": [reasoning]}).json()["data"]
    assert again[0]["id"] != "rs_kept_by_the_sdk"  # a repeated id in one conversation: a second item, its own id
    pair = [{**REPLY, "id": "msg_x"}, {**REPLY, "id": "msg_x"}]
    ids = [item["id"] for item in api.post(f"/conversations/{second}/items", json={"items": pair}).json()["data"]]
    assert ids[0] == "msg_x" and ids[1].startswith("msg_") and ids[1] != "msg_x"
    assert _items(api, first) == [*before, again[0]]  # the first conversation's items are as they were
    assert _items(api, second)[0]["summary"] == changed["summary"] and len(_items(api, second)) == 3


@pytest.mark.parametrize(
    "values", [["message.output_text.logprobs", "bogus"], ["bogus", "message.output_text.logprobs"]]
)
def test_every_value_of_a_repeated_include_is_checked(api: httpx.Client, values: list[str]) -> None:
    conversation = _conversation(api)
    answer = api.get(f"/conversations/{conversation}/items", params=[("include", v) for v in values])
    assert answer.status_code == 400 and answer.json()["error"]["param"] == "include"


def test_the_openai_sdk_saves_what_an_agent_saves() -> None:
    emulator = Emulator()
    with (
        EmulatorServer(emulator) as server,
        openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as sdk,
    ):
        conversation = sdk.conversations.create()
        sdk.conversations.items.create(conversation.id, items=[REPLY, CALL, OUTPUT])  # type: ignore[list-item]
        kinds = [item.type for item in sdk.conversations.items.list(conversation.id, order="asc")]
        assert kinds == ["message", "function_call", "function_call_output"]
        listed = sdk.conversations.items.list(
            conversation.id, include=["message.output_text.logprobs", "reasoning.encrypted_content"]
        )
        assert len(listed.data) == 3
