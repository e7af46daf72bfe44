"""Wire JSON to unified objects, field by field: each payload is compared with the whole object users get."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from threadshim import Annotation, Attachment, ContentBlock, ThreadStatus, ToolResources, UnifiedItem, UnifiedThread
from threadshim._mapping import item_from_chatkit, item_from_message, thread_from_assistants, thread_from_chatkit

WHEN = datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)  # 1700000000


def test_a_legacy_thread_is_read_field_by_field() -> None:
    raw: dict[str, Any] = {
        "id": "thread_abc",
        "object": "thread",
        "created_at": 1700000000,
        "metadata": {"title": "Refunds", "user": "u-7", "n": 3, "flag": True},
        "tool_resources": {
            "code_interpreter": {"file_ids": ["file-1", 2, "file-3"]},
            "file_search": {"vector_store_ids": ["vs_1", None]},
            "web": {"x": 1},
        },
    }
    thread = thread_from_assistants(raw)
    assert thread == UnifiedThread(
        id="thread_abc",
        source="assistants",
        created_at=WHEN,
        title="Refunds",
        status=ThreadStatus("active"),
        user="u-7",
        metadata={"title": "Refunds", "user": "u-7", "n": "3", "flag": "True"},
        tool_resources=ToolResources(("file-1", "file-3"), ("vs_1",), {"web": {"x": 1}}),
        raw=raw,
    )
    assert thread.raw is raw and thread.legacy_id is None


def test_legacy_title_and_user_come_only_from_the_keys_named() -> None:
    raw = {"id": "thread_a", "created_at": 1, "metadata": {"title": "T", "user": "U", "t2": "X", "u2": "Y"}}
    thread = thread_from_assistants(raw, title_key="t2", user_key="u2")
    assert (thread.title, thread.user) == ("X", "Y")
    assert (thread_from_assistants(raw).title, thread_from_assistants(raw).user) == ("T", "U")


@pytest.mark.parametrize(
    ("resources", "expected"),
    [
        (None, None),
        ("code", None),
        ([], None),
        ({}, ToolResources()),
        ({"code_interpreter": "x", "file_search": []}, ToolResources()),
        ({"code_interpreter": {"file_ids": "file-1"}}, ToolResources()),
        ({"file_search": {"vector_store_ids": ["vs_2"]}}, ToolResources((), ("vs_2",))),
    ],
)
def test_odd_tool_resources_are_read_without_guessing(resources: Any, expected: ToolResources | None) -> None:
    assert thread_from_assistants({"id": "thread_a", "tool_resources": resources}).tool_resources == expected


@pytest.mark.parametrize(
    ("created_at", "expected"),
    [
        (1700000000, WHEN),
        (1700000000.5, datetime(2023, 11, 14, 22, 13, 20, 500000, tzinfo=timezone.utc)),
        (0, datetime(1970, 1, 1, tzinfo=timezone.utc)),
        (True, None),
        ("1700000000", None),
        (None, None),
        (10**20, None),
        (float("nan"), None),
    ],
)
def test_times_are_utc_and_unusable_ones_are_none(created_at: Any, expected: datetime | None) -> None:
    assert thread_from_assistants({"id": "thread_a", "created_at": created_at}).created_at == expected
    assert thread_from_chatkit({"id": "cthr_a", "created_at": created_at}).created_at == expected


def test_a_thread_without_an_id_or_metadata_is_still_a_thread() -> None:
    thread = thread_from_assistants({"id": 5, "metadata": ["a"]})
    assert (thread.id, thread.metadata, thread.title, thread.user, thread.created_at) == ("", {}, None, None, None)
    assert thread_from_chatkit({}).id == ""


def test_a_chatkit_thread_is_read_field_by_field() -> None:
    raw: dict[str, Any] = {
        "id": "cthr_1",
        "object": "chatkit.thread",
        "created_at": 1700000000,
        "title": "Hello",
        "status": {"type": "locked", "reason": "Escalated"},
        "user": "user_1",
    }
    assert thread_from_chatkit(raw) == UnifiedThread(
        id="cthr_1",
        source="chatkit",
        created_at=WHEN,
        title="Hello",
        status=ThreadStatus("locked", "Escalated"),
        user="user_1",
        metadata={},
        tool_resources=None,
        raw=raw,
    )


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ({"type": "closed"}, ThreadStatus("closed")),
        ({"type": "closed", "reason": 5}, ThreadStatus("closed")),
        ({"type": 3, "reason": "r"}, ThreadStatus("unknown")),
        ({"reason": "r"}, ThreadStatus("unknown")),
        ("paused", ThreadStatus("paused")),
        (None, ThreadStatus("unknown")),
        (7, ThreadStatus("unknown")),
    ],
)
def test_a_chatkit_status_is_read_as_sent(status: Any, expected: ThreadStatus) -> None:
    assert thread_from_chatkit({"id": "cthr_1", "status": status}).status == expected


def test_a_chatkit_thread_with_no_status_is_active_and_odd_strings_are_none() -> None:
    thread = thread_from_chatkit({"id": "cthr_1", "title": 5, "user": ["u"]})
    assert (thread.status, thread.title, thread.user) == (ThreadStatus("active"), None, None)


def test_a_legacy_message_is_read_block_by_block() -> None:
    citation = {
        "type": "file_citation",
        "text": "【4:0†a.pdf】",
        "file_citation": {"file_id": "file-c"},
        "start_index": 6,
        "end_index": 16,
    }
    path = {"type": "file_path", "text": "sandbox:/x.csv", "file_path": {"file_id": "file-p"}, "start_index": True}
    raw: dict[str, Any] = {
        "id": "msg_1",
        "object": "thread.message",
        "created_at": 1700000000,
        "thread_id": "thread_a",
        "role": "assistant",
        "content": [
            {"type": "text", "text": {"value": "First.", "annotations": [citation, path]}},
            {"type": "image_file", "image_file": {"file_id": "file-img"}},
            {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
            {"type": "refusal", "refusal": "No."},
            {"type": "text", "text": {"value": "", "annotations": "none"}},
            {"type": "text", "text": "flat"},
            {"type": "output_text", "text": "Second.", "annotations": [{"type": "url", "source": {"url": "u"}}]},
            "junk",
        ],
        "attachments": [
            {"file_id": "file-a", "tools": [{"type": "code_interpreter"}, {"type": ""}, "x", {"type": "file_search"}]},
            "odd",
        ],
        "file_ids": ["file-old", 9],
    }
    notes = (
        Annotation("file_citation", "【4:0†a.pdf】", "file-c", None, None, 6, 16, citation),
        Annotation("file_path", "sandbox:/x.csv", "file-p", None, None, None, None, path),
        Annotation("url", url="u", raw={"type": "url", "source": {"url": "u"}}),
    )
    content = raw["content"]
    assert item_from_message(raw) == UnifiedItem(
        id="msg_1",
        thread_id="thread_a",
        source="assistants",
        kind="assistant_message",
        role="assistant",
        text="First.\nNo.\nflat",
        content=(
            ContentBlock("text", "First.", raw=content[0]),
            ContentBlock("image_file", file_id="file-img", raw=content[1]),
            ContentBlock("image_url", url="https://example.com/a.png", raw=content[2]),
            ContentBlock("refusal", "No.", raw=content[3]),
            ContentBlock("text", "", raw=content[4]),
            ContentBlock("text", "flat", raw=content[5]),
            ContentBlock("output_text", "Second.", raw=content[6]),
            ContentBlock("unknown", raw={}),
        ),
        attachments=(
            Attachment("file-a", tools=("code_interpreter", "file_search"), raw=raw["attachments"][0]),
            Attachment(None, raw={}),
            Attachment("file-old", raw={"file_id": "file-old"}),
        ),
        annotations=notes,
        created_at=WHEN,
        raw=raw,
    )


@pytest.mark.parametrize(
    ("role", "kind"),
    [("user", "user_message"), ("assistant", "assistant_message"), ("system", "unknown"), (None, "unknown")],
)
def test_a_legacy_role_names_the_kind(role: Any, kind: str) -> None:
    item = item_from_message({"id": "msg_1", "role": role, "content": [{"type": "text", "text": {"value": "x"}}]})
    assert (item.kind, item.role, item.text) == (kind, role, "x")


def test_a_legacy_message_with_nothing_readable_has_no_text() -> None:
    item = item_from_message({"id": "msg_1", "role": "user", "content": "x", "attachments": {}, "file_ids": "f"})
    assert (item.text, item.content, item.attachments, item.annotations) == (None, (), (), ())
    assert (item.thread_id, item.created_at, item_from_message({}).id) == (None, None, "")


def test_an_input_text_block_keeps_its_annotations() -> None:
    note = {"type": "file", "source": {"filename": "a.pdf", "url": "https://x/a.pdf"}, "end_index": 4}
    item = item_from_chatkit(
        {"type": "user_message", "content": [{"type": "input_text", "text": "hi", "annotations": [note]}]}
    )
    assert item.annotations == (Annotation("file", filename="a.pdf", url="https://x/a.pdf", end_index=4, raw=note),)
    assert item.text == "hi"


def test_a_chatkit_item_is_read_field_by_field() -> None:
    attachment = {"id": "atc_1", "name": "a.png", "mime_type": "image/png", "type": "image", "preview_url": "https://p"}
    raw: dict[str, Any] = {
        "id": "cthi_1",
        "thread_id": "cthr_1",
        "object": "chatkit.thread_item",
        "type": "chatkit.user_message",
        "created_at": 1700000000,
        "content": [
            {"type": "input_text", "text": "Hi"},
            {"type": "quoted_text", "text": "quoted"},
            {"type": "refusal", "refusal": "not joined"},
            {"type": "input_tag", "text": "tag"},
        ],
        "attachments": [attachment, 4],
    }
    content = raw["content"]
    assert item_from_chatkit(raw) == UnifiedItem(
        id="cthi_1",
        thread_id="cthr_1",
        source="chatkit",
        kind="user_message",
        role="user",
        text="Hi\nquoted",
        content=(
            ContentBlock("input_text", "Hi", raw=content[0]),
            ContentBlock("quoted_text", "quoted", raw=content[1]),
            ContentBlock("refusal", "not joined", raw=content[2]),
            ContentBlock("input_tag", raw=content[3]),
        ),
        attachments=(Attachment("atc_1", "a.png", "image/png", "image", "https://p", raw=attachment), Attachment(None)),
        annotations=(),
        created_at=WHEN,
        raw=raw,
    )


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        ("user_message", "user"),
        ("assistant_message", "assistant"),
        ("widget", "assistant"),
        ("client_tool_call", "assistant"),
        ("task", "assistant"),
        ("task_group", "assistant"),
    ],
)
def test_each_chatkit_kind_has_its_role_with_or_without_the_prefix(kind: str, role: str) -> None:
    for name in (kind, f"chatkit.{kind}"):
        item = item_from_chatkit({"id": "cthi_1", "type": name})
        assert (item.kind, item.role) == (kind, role)


@pytest.mark.parametrize("name", ["chatkit.end_of_turn", "chatkit.", "chatkit.chatkit.task", "userx_message", None, 3])
def test_other_chatkit_types_are_unknown_with_no_role(name: Any) -> None:
    item = item_from_chatkit({"id": "cthi_1", "type": name})
    assert (item.kind, item.role, item.text) == ("unknown", None, None)


def test_task_text_is_heading_then_summary_and_a_group_joins_its_tasks() -> None:
    task = item_from_chatkit(
        {"type": "task", "heading": "Search", "summary": "Found 3", "content": [{"type": "input_text", "text": "no"}]}
    )
    assert task.text == "Search\nFound 3"
    assert item_from_chatkit({"type": "task", "summary": "Only"}).text == "Only"
    group = item_from_chatkit(
        {"type": "task_group", "tasks": [{"heading": "A", "summary": "a"}, "x", {"summary": 5}, {"heading": "B"}]}
    )
    assert group.text == "A\na\nB"
    assert item_from_chatkit({"type": "task_group", "tasks": {}}).text is None


def test_an_annotation_without_a_type_is_unknown_and_an_item_without_an_id_has_an_empty_one() -> None:
    note = {"text": "x", "start_index": 0}
    item = item_from_chatkit(
        {"type": "assistant_message", "content": [{"type": "output_text", "text": "x", "annotations": [note]}]}
    )
    assert item.annotations == (Annotation("unknown", "x", start_index=0, raw=note),)
    assert item.id == ""
