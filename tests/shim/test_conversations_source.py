"""Conversations as a source: the documented examples parse, every item kind maps, the CLI reads conv_ ids."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from threadshim import ThreadShim, UnsupportedOperation
from threadshim._mapping_conversations import item_from_conversation, thread_from_conversation
from threadshim.cli import main
from threadshim.testing import Emulator, EmulatorServer
from threadshim_api.models import Conversation, ConversationItemList, DeletedConversation

from tests.conftest import FIXTURES

EXAMPLES: dict[str, Any] = json.loads((FIXTURES / "conversations_examples.json").read_text())["examples"]


def test_every_documented_example_parses_in_the_generated_client_and_the_shim() -> None:
    for name in ("createConversation", "getConversation", "updateConversation", "deleteConversationItem"):
        example = EXAMPLES[name]
        assert Conversation.from_dict(example).id == example["id"]
        thread = thread_from_conversation(example)
        assert (thread.source, thread.id, thread.raw) == ("conversations", example["id"], example)
    assert DeletedConversation.from_dict(EXAMPLES["deleteConversation"]).deleted is True
    for name in ("listConversationItems", "createConversationItems"):
        page = ConversationItemList.from_dict(EXAMPLES[name])
        assert len(page.data) == len(EXAMPLES[name]["data"])
        for raw in EXAMPLES[name]["data"]:
            item = item_from_conversation(raw, "conv_123")
            assert item.raw == raw and item.id == raw["id"] and item.source == "conversations"


@pytest.mark.parametrize(
    ("raw", "kind", "text"),
    [
        (
            {
                "type": "message",
                "id": "m",
                "role": "user",
                "content": [{"type": "input_text", "text": "a"}, {"type": "input_text", "text": "b"}],
            },
            "user_message",
            "a\nb",
        ),
        (
            {"type": "message", "id": "m", "role": "assistant", "content": [{"type": "refusal", "refusal": "no"}]},
            "assistant_message",
            "no",
        ),
        (
            {"type": "message", "id": "m", "role": "developer", "content": [{"type": "input_text", "text": "rules"}]},
            "developer_message",
            "rules",
        ),
        ({"type": "function_call", "id": "fc", "call_id": "c", "name": "f", "arguments": "{}"}, "function_call", None),
        ({"type": "reasoning", "id": "rs", "summary": [{"type": "summary_text", "text": "s"}]}, "reasoning", None),
        ({"type": "mcp_list_tools", "id": "x", "server_label": "s", "tools": []}, "mcp_list_tools", None),
        ({"id": "x"}, "unknown", None),
        ({"type": "message", "role": 7, "content": "not a list"}, "unknown_message", None),
    ],
)
def test_every_item_kind_maps_and_keeps_its_json(raw: dict[str, Any], kind: str, text: str | None) -> None:
    item = item_from_conversation(raw)
    assert (item.kind, item.text, item.raw, item.created_at) == (kind, text, raw, None)


def test_parts_and_citations_map_to_blocks_and_annotations() -> None:
    raw = {
        "type": "message",
        "id": "m",
        "role": "assistant",
        "content": [
            {
                "type": "output_text",
                "text": "See [1] and the site.",
                "annotations": [
                    {"type": "file_citation", "file_id": "file-1", "filename": "a.pdf", "index": 4},
                    {
                        "type": "url_citation",
                        "url": "https://example.com",
                        "title": "Site",
                        "start_index": 12,
                        "end_index": 20,
                    },
                ],
            },
            {"type": "input_image", "detail": "auto", "image_url": "https://example.com/i.png"},
        ],
    }
    item = item_from_conversation(raw)
    assert [(a.type, a.file_id, a.url, a.start_index) for a in item.annotations] == [
        ("file_citation", "file-1", None, 4),
        ("url_citation", None, "https://example.com", 12),
    ]
    assert item.content[1].url == "https://example.com/i.png" and item.text == "See [1] and the site."


def test_a_conversation_has_no_tool_resources_to_update() -> None:
    emulator = Emulator()
    shim = ThreadShim(api_key="sk-x", http_client=httpx.Client(transport=emulator.transport()))
    with pytest.raises(UnsupportedOperation, match="no tool_resources"):
        shim.update("conv_abc", tool_resources={"code_interpreter": {"file_ids": ["f"]}})


@pytest.fixture
def served() -> Iterator[tuple[str, str]]:
    emulator = Emulator(deterministic=True)
    answer = emulator.handle(
        "POST",
        "/v1/conversations",
        {},
        {"authorization": "Bearer sk-x"},
        json.dumps({"items": [{"role": "user", "content": "hello"}], "metadata": {"title": "Hi"}}).encode(),
    )
    with EmulatorServer(emulator) as server:
        yield server.base_url, json.loads(answer.body)["id"]


def test_the_cli_reads_conversations(
    served: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Any
) -> None:
    url, conversation = served
    assert main(["get", conversation, "--json", "--api-key", "sk-x", "--base-url", url]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Hi"
    assert main(["items", conversation, "--api-key", "sk-x", "--base-url", url]) == 0
    assert "user  " in capsys.readouterr().out
    ids = tmp_path / "ids.txt"
    ids.write_text(conversation + "\n")
    assert main(["list", "--legacy-ids", str(ids), "--json", "--api-key", "sk-x", "--base-url", url]) == 0
    assert [json.loads(line)["source"] for line in capsys.readouterr().out.splitlines()] == ["conversations"]
