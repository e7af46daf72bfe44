"""Wire JSON to unified objects: pure, lossless, and lenient toward what the spec did not foresee."""

from __future__ import annotations

import json
from typing import Any

import pytest
from threadshim._mapping import item_from_chatkit, item_from_message, thread_from_assistants, thread_from_chatkit

from tests.conftest import FIXTURES

EXAMPLES: list[dict[str, Any]] = json.loads((FIXTURES / "documented_examples.json").read_text())


def _threads(example: dict[str, Any]) -> list[dict[str, Any]]:
    body = example["example"]
    return body["data"] if "data" in body and example["schema"].endswith("List") else [body]


@pytest.mark.parametrize(
    "example",
    [e for e in EXAMPLES if e["schema"].startswith("ChatKitThread") and "Item" not in e["schema"]],
    ids=lambda e: e["name"],
)
def test_every_documented_chatkit_thread_parses(example: dict[str, Any]) -> None:
    for raw in _threads(example):
        thread = thread_from_chatkit(raw)
        assert thread.id == raw["id"] and thread.raw is raw and thread.title == raw.get("title")
        assert thread.status.type in ("active", "locked", "closed")


def test_the_retrieve_example_keeps_its_undocumented_items_and_misses_nothing_else() -> None:
    raw = next(e for e in EXAMPLES if "GetThreadMethod" in e["name"])["example"]
    thread = thread_from_chatkit(raw)
    assert (thread.created_at, thread.user, thread.status.type) == (None, None, "active")
    assert thread.raw["items"]["data"][0]["id"] == "cthi_user_001"


def test_the_items_example_parses_with_unprefixed_types() -> None:
    raw = next(e for e in EXAMPLES if "ListThreadItemsMethod" in e["name"])["example"]
    items = [item_from_chatkit(entry) for entry in raw["data"]]
    assert [(i.kind, i.role) for i in items] == [("user_message", "user"), ("assistant_message", "assistant")]
    assert items[1].text == "Let's start by confirming the workflow version you deployed."
    assert items[0].created_at is None and items[0].thread_id is None


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e["schema"] in ("Thread",)], ids=lambda e: e["name"])
def test_every_documented_legacy_thread_parses(example: dict[str, Any]) -> None:
    thread = thread_from_assistants(example["example"])
    assert thread.source == "assistants" and thread.status.type == "active" and thread.raw is example["example"]
    assert thread.created_at is not None and thread.created_at.tzinfo is not None


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e["schema"] in ("Message", "MessageList")], ids=lambda e: e["name"]
)
def test_every_documented_message_parses(example: dict[str, Any]) -> None:
    body = example["example"]
    for raw in body.get("data", [body]):
        item = item_from_message(raw)
        assert item.kind == f"{raw['role']}_message" and item.text and item.raw is raw


def test_the_seed_legacy_thread_reads_its_tool_resources() -> None:
    raw = next(e for e in EXAMPLES if e["name"].startswith("seed 004"))["example"]
    thread = thread_from_assistants(raw)
    assert thread.metadata == {"foo": "string"}
    assert thread.tool_resources is not None
    assert thread.tool_resources.code_interpreter_file_ids == ("string",)
    assert thread.tool_resources.file_search_vector_store_ids == ("string",)


def test_title_and_user_keys_are_configurable() -> None:
    raw = {
        "id": "thread_a",
        "object": "thread",
        "created_at": 1,
        "metadata": {"owner": "u1", "subject": "Hi"},
        "tool_resources": {},
    }
    thread = thread_from_assistants(raw, title_key="subject", user_key="owner")
    assert (thread.title, thread.user) == ("Hi", "u1")


@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"id": 5, "created_at": "yesterday", "metadata": ["a"], "tool_resources": "x"},
        {"id": "thread_a", "created_at": 10**20, "metadata": {"n": 3}, "tool_resources": {"code_interpreter": None}},
        {
            "id": "thread_a",
            "tool_resources": {"code_interpreter": {"file_ids": [1, "f"]}, "web_browser": {"urls": ["u"]}},
        },
    ],
)
def test_odd_legacy_threads_never_raise(raw: dict[str, Any]) -> None:
    thread = thread_from_assistants(raw)
    assert thread.raw is raw
    assert all(isinstance(v, str) for v in thread.metadata.values())


def test_unknown_tools_are_kept() -> None:
    thread = thread_from_assistants({"id": "thread_a", "tool_resources": {"web_browser": {"urls": ["u"]}}})
    assert thread.tool_resources is not None and thread.tool_resources.other == {"web_browser": {"urls": ["u"]}}
    assert thread.tool_resources.to_api() == {"web_browser": {"urls": ["u"]}}


@pytest.mark.parametrize(
    "raw",
    [
        {"status": {"type": "archived", "reason": "old"}},
        {"status": "weird"},
        {"status": None, "title": 7, "user": ["x"]},
        {"status": {"reason": "no type"}},
    ],
)
def test_odd_chatkit_threads_become_unknown_variants(raw: dict[str, Any]) -> None:
    thread = thread_from_chatkit(raw)
    assert not thread.status.is_known or thread.status.type == "active"
    assert thread.raw is raw


def test_an_unknown_status_keeps_its_name() -> None:
    thread = thread_from_chatkit({"id": "cthr_a", "status": {"type": "archived", "reason": "old"}})
    assert (thread.status.type, thread.status.reason, thread.status.is_known) == ("archived", "old", False)


def test_unknown_item_kinds_blocks_and_annotations_keep_their_raw_json() -> None:
    raw = {
        "id": "cthi_a",
        "type": "chatkit.hologram",
        "content": [
            {"type": "output_text", "text": "hi", "annotations": [{"type": "footnote", "n": 1}]},
            {"type": "sticker", "name": "cat"},
            "not even an object",
        ],
        "attachments": [None, {"id": "f", "type": "audio"}],
    }
    item = item_from_chatkit(raw)
    assert (item.kind, item.role, item.text) == ("unknown", None, "hi")
    assert [b.type for b in item.content] == ["output_text", "sticker", "unknown"]
    assert item.content[1].raw == {"type": "sticker", "name": "cat"}
    assert item.annotations[0].type == "footnote" and item.annotations[0].raw == {"type": "footnote", "n": 1}
    assert [a.type for a in item.attachments] == [None, "audio"]


def test_an_unknown_message_role_is_an_unknown_item() -> None:
    item = item_from_message({"id": "msg_a", "role": "system", "content": [{"type": "text", "text": {"value": "x"}}]})
    assert (item.kind, item.role, item.text, item.annotations) == ("unknown", "system", "x", ())
