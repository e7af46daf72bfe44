"""Conversations JSON to unified objects, field by field: each payload is compared with the whole object users get."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from threadshim import Annotation, ContentBlock, ThreadStatus, UnifiedItem, UnifiedThread
from threadshim._mapping_conversations import item_from_conversation, thread_from_conversation


def test_a_conversation_is_read_field_by_field() -> None:
    raw: dict[str, Any] = {
        "id": "conv_1",
        "object": "conversation",
        "created_at": 1700000000,
        "metadata": {"title": "Refunds", "user": "u-7", "legacy_thread_id": "thread_a"},
    }
    conversation = thread_from_conversation(raw)
    assert conversation == UnifiedThread(
        id="conv_1",
        source="conversations",
        created_at=datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc),
        title="Refunds",
        status=ThreadStatus("active"),
        user="u-7",
        metadata={"title": "Refunds", "user": "u-7", "legacy_thread_id": "thread_a"},
        tool_resources=None,
        raw=raw,
    )
    assert conversation.raw is raw


def test_a_conversations_title_and_user_come_from_the_keys_named() -> None:
    raw = {"id": "conv_1", "metadata": {"title": "T", "user": "U", "subject": "S", "owner": "O"}}
    named = thread_from_conversation(raw, title_key="subject", user_key="owner")
    assert (named.title, named.user, named.created_at) == ("S", "O", None)
    assert thread_from_conversation({"metadata": None}).id == ""


def test_a_message_item_is_read_part_by_part() -> None:
    citation = {"type": "file_citation", "file_id": "file-c", "filename": "a.pdf", "index": 5}
    link = {"type": "url_citation", "url": "https://x", "title": "X", "start_index": 0, "end_index": 3, "index": 9}
    raw: dict[str, Any] = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "status": "completed",
        "content": [
            {"type": "output_text", "text": "Hello", "annotations": [citation, link, 7]},
            {"type": "refusal", "refusal": "No."},
            {"type": "input_image", "image_url": "https://img", "file_id": "file-i"},
            {"type": "input_file", "file_url": "https://file", "file_id": "file-f"},
            {"type": "input_image", "image_url": "", "file_url": "https://second"},
            {"type": "reasoning_text", "text": "hidden"},
            {"type": "summary_text", "text": "Summary"},
            {"type": "text", "text": "Plain"},
            {"type": "input_text", "text": 5},
            "junk",
        ],
    }
    content = raw["content"]
    assert item_from_conversation(raw, "conv_1") == UnifiedItem(
        id="msg_1",
        thread_id="conv_1",
        source="conversations",
        kind="assistant_message",
        role="assistant",
        text="Hello\nNo.\nSummary\nPlain",
        content=(
            ContentBlock("output_text", "Hello", raw=content[0]),
            ContentBlock("refusal", "No.", raw=content[1]),
            ContentBlock("input_image", None, "file-i", "https://img", raw=content[2]),
            ContentBlock("input_file", None, "file-f", "https://file", raw=content[3]),
            ContentBlock("input_image", None, None, "https://second", raw=content[4]),
            ContentBlock("reasoning_text", "hidden", raw=content[5]),
            ContentBlock("summary_text", "Summary", raw=content[6]),
            ContentBlock("text", "Plain", raw=content[7]),
            ContentBlock("input_text", None, raw=content[8]),
            ContentBlock("unknown", raw={}),
        ),
        attachments=(),
        annotations=(
            Annotation("file_citation", None, "file-c", "a.pdf", None, 5, None, raw=citation),
            Annotation("url_citation", "X", None, None, "https://x", 0, 3, raw=link),
            Annotation("unknown", raw={}),
        ),
        created_at=None,
        raw=raw,
    )


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("user", "user_message"),
        ("assistant", "assistant_message"),
        ("system", "system_message"),
        ("developer", "developer_message"),
        (None, "unknown_message"),
        (3, "unknown_message"),
    ],
)
def test_a_message_kind_follows_its_role(role: Any, kind: str) -> None:
    item = item_from_conversation(
        {"id": "msg_1", "type": "message", "role": role, "content": [{"type": "input_text", "text": "x"}]}
    )
    expected_role = role if isinstance(role, str) else None
    assert (item.kind, item.role, item.text, item.thread_id) == (
        kind,
        expected_role,
        "x" if expected_role else None,
        None,
    )


def test_other_item_kinds_keep_their_type_and_have_no_role_or_text() -> None:
    raw = {
        "id": "fc_1",
        "type": "function_call",
        "role": "assistant",
        "content": [{"type": "output_text", "text": "x"}],
    }
    item = item_from_conversation(raw, "conv_1")
    assert (item.kind, item.role, item.text, item.content[0].text) == ("function_call", None, None, "x")
    assert item_from_conversation({"type": 5}).kind == "unknown"
    assert item_from_conversation({}).id == ""


def test_a_message_with_only_reasoning_has_no_text() -> None:
    raw = {
        "type": "message",
        "role": "user",
        "content": [{"type": "reasoning_text", "text": "t"}, {"type": "text", "text": ""}],
    }
    assert item_from_conversation(raw).text is None


def test_only_a_refusal_part_reads_its_refusal() -> None:
    raw = {"type": "message", "role": "assistant", "content": [{"type": "input_image", "refusal": "not text"}]}
    item = item_from_conversation(raw)
    assert (item.content[0].text, item.text) == (None, None)
