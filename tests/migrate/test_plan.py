"""The mapping of a legacy thread onto a conversation: every content kind, annotations, metadata, losses."""

from __future__ import annotations

from typing import Any

from threadshim.targets.common import responses_tools
from threadshim.targets.conversations.plan import LEGACY_ID_KEY
from threadshim.targets.conversations.plan import plan_conversation as plan


def _message(role: str, content: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {"id": f"msg_{role}", "role": role, "content": content, "status": "completed", **fields}


def _text(value: str, annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": "text", "text": {"value": value, "annotations": annotations or []}}


THREAD = {"id": "thread_abc", "created_at": 1700000000, "metadata": {"user": "u1"}, "tool_resources": {}}


def test_user_parts_become_input_parts_and_attachments_input_files() -> None:
    user = _message(
        "user",
        [
            _text("look"),
            {"type": "image_file", "image_file": {"file_id": "file-img", "detail": "high"}},
            {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "low"}},
            {"type": "image_url", "image_url": {"url": "https://example.com/b.png"}},
        ],
        attachments=[{"file_id": "file-doc", "tools": [{"type": "file_search"}]}],
    )
    planned = plan(THREAD, [user])
    assert planned.items == (
        {
            "type": "message",
            "role": "user",
            "status": "completed",
            "content": [
                {"type": "input_text", "text": "look"},
                {"type": "input_image", "file_id": "file-img", "detail": "high"},
                {"type": "input_image", "image_url": "https://example.com/a.png", "detail": "low"},
                {"type": "input_image", "image_url": "https://example.com/b.png", "detail": "auto"},
                {"type": "input_file", "file_id": "file-doc"},
            ],
        },
    )
    assert not planned.lossy and planned.counts.parts == 4 and planned.counts.attachments == 1
    assert planned.kept["messages"]["msg_user"]["attachment_tools"] == [[{"type": "file_search"}]]


def test_assistant_text_is_output_text_with_markers_cut_and_citations_indexed() -> None:
    value = "Refunds within 30 days【4:0†policy.pdf】. See sandbox:/mnt/data/t.csv now【4:1†source】."
    marker, link, second = "【4:0†policy.pdf】", "sandbox:/mnt/data/t.csv", "【4:1†source】"
    notes = [
        {"type": "file_citation", "text": marker, "file_citation": {"file_id": "file-p"},
         "start_index": value.index(marker), "end_index": value.index(marker) + len(marker)},
        {"type": "file_path", "text": link, "file_path": {"file_id": "file-t"},
         "start_index": value.index(link), "end_index": value.index(link) + len(link)},
        {"type": "file_citation", "text": second, "file_citation": {"file_id": "file-q", "quote": "30 days"},
         "start_index": value.index(second), "end_index": value.index(second) + len(second)},
    ]  # fmt: skip
    planned = plan(THREAD, [_message("assistant", [_text(value, notes)], assistant_id="asst_1", run_id="run_1")])
    (item,) = planned.items
    assert item["role"] == "assistant" and item["status"] == "completed" and "id" not in item
    (part,) = item["content"]
    text = "Refunds within 30 days. See sandbox:/mnt/data/t.csv now."
    assert part == {
        "type": "output_text",
        "text": text,
        "annotations": [
            {"type": "file_citation", "file_id": "file-p", "filename": "policy.pdf", "index": text.index(".")},
            {"type": "file_path", "file_id": "file-t", "index": text.index("sandbox")},
            {"type": "file_citation", "file_id": "file-q", "filename": "file-q", "index": len(text) - 1},
        ],
    }
    kept = planned.kept["messages"]["msg_assistant"]
    assert kept["assistant_id"] == "asst_1" and kept["run_id"] == "run_1" and kept["annotations"] == notes
    assert not planned.lossy and planned.counts.annotations == 3


def test_misplaced_indexes_fall_back_to_the_text_and_unplaceable_ones_are_losses() -> None:
    value = "Allowed【1:0†source】 and more."
    notes = [
        {"type": "file_citation", "text": "【1:0†source】", "file_citation": {"file_id": "file-a"},
         "start_index": 3, "end_index": 9},
        {"type": "file_path", "text": "sandbox:/gone", "file_path": {"file_id": "file-b"},
         "start_index": 0, "end_index": 4},
        {"type": "url_citation", "text": "x", "start_index": 0, "end_index": 1},
    ]  # fmt: skip
    planned = plan(THREAD, [_message("assistant", [_text(value, notes)])])
    part = planned.items[0]["content"][0]
    assert part["text"] == "Allowed and more." and part["annotations"] == [
        {"type": "file_citation", "file_id": "file-a", "filename": "file-a", "index": 7}
    ]
    assert planned.lossy and [loss.reason.split(":")[0] for loss in planned.losses] == ["annotation not carried"] * 2
    assert planned.counts.annotations_dropped == 2


def test_refusals_carry_and_what_an_assistant_turn_cannot_hold_is_a_loss() -> None:
    chart = {"type": "image_file", "image_file": {"file_id": "file-chart"}}
    assistant = _message(
        "assistant",
        [{"type": "refusal", "refusal": "No."}, chart, {"type": "video", "video": {}}],
        attachments=[{"file_id": "file-out", "tools": []}],
    )
    planned = plan(THREAD, [assistant])
    assert planned.items[0]["content"] == [{"type": "refusal", "refusal": "No."}]
    reasons = [loss.reason for loss in planned.losses]
    assert reasons == [
        "an assistant turn cannot hold an image (image_file)",
        "no equivalent for a 'video' part",
        "an assistant turn cannot hold a file",
    ]
    assert planned.losses[0].raw == chart and planned.lossy
    assert (planned.counts.parts_dropped, planned.counts.attachments_dropped) == (2, 1)


def test_a_message_with_nothing_sendable_is_left_out_and_reported() -> None:
    planned = plan(
        THREAD, [_message("user", [{"type": "image_url", "image_url": {}}]), _message("user", [_text("hi")])]
    )
    assert len(planned.items) == 1 and planned.message_ids == ("msg_user",) and planned.lossy


def test_metadata_is_carried_with_the_legacy_id_when_there_is_room() -> None:
    assert plan(THREAD, []).metadata == {"user": "u1", LEGACY_ID_KEY: "thread_abc"}
    full = {f"key{n}": "v" for n in range(16)}
    assert plan({**THREAD, "metadata": full}, []).metadata == full
    fifteen = {f"key{n}": "v" for n in range(15)}
    assert plan({**THREAD, "metadata": fifteen}, []).metadata == {**fifteen, LEGACY_ID_KEY: "thread_abc"}


def test_timestamps_message_metadata_and_tool_resources_are_kept_for_the_journal() -> None:
    resources = {"code_interpreter": {"file_ids": ["file-1"]}, "file_search": {"vector_store_ids": ["vs_1"]}}
    message = _message("user", [_text("x")], created_at=1700000001, metadata={"channel": "web"})
    planned = plan({**THREAD, "tool_resources": resources}, [message])
    assert planned.kept["thread"] == {"created_at": 1700000000, "tool_resources": resources}
    assert planned.kept["messages"]["msg_user"] == {"created_at": 1700000001, "metadata": {"channel": "web"}}
    assert planned.tools == [
        {"type": "file_search", "vector_store_ids": ["vs_1"]},
        {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["file-1"]}},
    ]
    assert responses_tools({}) == [] and responses_tools(None) == []


def test_messages_go_in_batches_of_twenty() -> None:
    for count, starts in ((0, [0]), (1, [0]), (20, [0]), (21, [0, 20]), (45, [0, 20, 40])):
        messages = [_message("user", [_text(str(n))]) for n in range(count)]
        planned = plan(THREAD, messages)
        batches = [planned.batch(start) for start in starts]
        assert [len(b) for b in batches] == [min(20, count - s) for s in starts]
        assert [p["content"][0]["text"] for b in batches for p in b] == [str(n) for n in range(count)]
