"""A legacy thread's conversation plan compared whole: every item, id, loss, count and kept field."""

from __future__ import annotations

import pytest
from threadshim.targets.common import Counts, Loss, responses_tools
from threadshim.targets.conversations.plan import LEGACY_ID_KEY
from threadshim.targets.conversations.plan import plan_conversation as plan

from .conftest import citation, file_path_note, text_part


def test_a_thread_of_every_part_kind_is_planned_exactly() -> None:
    cite = citation("【1†a.pdf】", 2, 10, "file-a")
    stray = {"type": "file_citation", "text": "nowhere", "file_citation": {"file_id": "file-z"}}
    image_file = {"type": "image_file", "image_file": {"file_id": "file-img", "detail": "high"}}
    image_url = {"type": "image_url", "image_url": {"url": "https://img", "detail": "huge"}}
    user = {
        "id": "msg_u",
        "role": "user",
        "status": "incomplete",
        "created_at": 1700000001,
        "completed_at": None,
        "metadata": {"channel": "web"},
        "content": [
            text_part("Hello"),
            image_file,
            image_url,
            {"type": "image_url", "image_url": {"url": ""}},
            {"type": "refusal", "refusal": "odd"},
            text_part(5),
        ],
        "attachments": [
            {"file_id": "file-doc", "tools": [{"type": "file_search"}]},
            {"file_id": "", "tools": []},
            {"tools": [{"type": "code_interpreter"}]},
        ],
    }
    assistant = {
        "id": "msg_a",
        "role": "assistant",
        "status": "weird",
        "assistant_id": "asst_1",
        "run_id": "run_1",
        "incomplete_details": {"reason": "max_tokens"},
        "content": [
            text_part("Hi【1†a.pdf】!", [cite, stray]),
            {"type": "refusal", "refusal": "No."},
            {"type": "refusal"},
        ],
        "attachments": [{"file_id": "file-out"}],
    }
    nothing = {"role": "user", "content": [{"type": "image_url", "image_url": {}}]}
    thread = {
        "id": "thread_abc",
        "created_at": 1700000000,
        "metadata": {"user": "u1"},
        "tool_resources": {"file_search": {"vector_store_ids": ["vs_1", 3]}, "code_interpreter": {"file_ids": []}},
    }
    planned = plan(thread, [user, assistant, nothing, "junk"])  # type: ignore[list-item]
    assert planned.legacy_id == "thread_abc"
    assert planned.metadata == {"user": "u1", LEGACY_ID_KEY: "thread_abc"}
    assert planned.items == (
        {
            "type": "message",
            "role": "user",
            "status": "incomplete",
            "content": [
                {"type": "input_text", "text": "Hello"},
                {"type": "input_image", "file_id": "file-img", "detail": "high"},
                {"type": "input_image", "image_url": "https://img", "detail": "auto"},
                {"type": "input_file", "file_id": "file-doc"},
            ],
        },
        {
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [
                {
                    "type": "output_text",
                    "text": "Hi!",
                    "annotations": [{"type": "file_citation", "file_id": "file-a", "filename": "a.pdf", "index": 2}],
                },
                {"type": "refusal", "refusal": "No."},
            ],
        },
    )
    assert planned.message_ids == ("msg_u", "msg_a")
    located = "annotation not carried: neither its indexes nor its text locate it in the message text"
    assert planned.losses == (
        Loss("msg_u", "image_url without a file id or URL", {"type": "image_url", "image_url": {"url": ""}}),
        Loss("msg_u", "a refusal in a user turn", {"type": "refusal", "refusal": "odd"}),
        Loss("msg_u", "text without a value", text_part(5)),
        Loss("msg_u", "an attachment without a file id", {"file_id": "", "tools": []}),
        Loss("msg_u", "an attachment without a file id", {"tools": [{"type": "code_interpreter"}]}),
        Loss("msg_a", "no equivalent for a 'refusal' part", {"type": "refusal"}),
        Loss("msg_a", located, stray),
        Loss("msg_a", "an assistant turn cannot hold a file", {"file_id": "file-out"}),
        Loss(None, "image_url without a file id or URL", {"type": "image_url", "image_url": {}}),
    )
    assert planned.counts == Counts(
        parts=5, attachments=1, annotations=1, parts_dropped=5, attachments_dropped=3, annotations_dropped=1
    )
    assert planned.kept == {
        "thread": {"created_at": 1700000000, "tool_resources": thread["tool_resources"]},
        "messages": {
            "msg_u": {
                "created_at": 1700000001,
                "metadata": {"channel": "web"},
                "attachment_tools": [[{"type": "file_search"}], [{"type": "code_interpreter"}]],
            },
            "msg_a": {
                "incomplete_details": {"reason": "max_tokens"},
                "assistant_id": "asst_1",
                "run_id": "run_1",
                "annotations": [cite, stray],
            },
        },
    }
    assert planned.tools == [{"type": "file_search", "vector_store_ids": ["vs_1"]}]
    assert planned.lossy


def test_a_user_turn_keeps_text_as_is_and_does_not_carry_annotations() -> None:
    note = file_path_note("x", 0, 1, "f")
    planned = plan({"id": "thread_a"}, [{"id": "m", "role": "user", "content": [text_part("x【1】", [note, 5])]}])
    assert planned.items[0]["content"] == [{"type": "input_text", "text": "x【1】"}]
    assert (planned.losses, planned.counts) == ((), Counts(parts=1))
    assert planned.kept == {"thread": {}, "messages": {"m": {"annotations": [note, 5]}}}


def test_an_assistant_text_with_no_annotation_list_carries_none() -> None:
    planned = plan({"id": "thread_a"}, [{"id": "m", "role": "assistant", "content": [text_part("x", "junk")]}])
    assert planned.items[0]["content"] == [{"type": "output_text", "text": "x", "annotations": []}]
    assert planned.items[0]["status"] == "completed" and not planned.lossy


@pytest.mark.parametrize("value", [5, None, ["x"]])
def test_an_assistant_text_whose_value_is_not_text_is_one_loss_whatever_its_annotations(value: object) -> None:
    part = text_part(value, [citation("【1】", 0, 3)])
    planned = plan({"id": "thread_a"}, [{"id": "m", "role": "assistant", "content": [part]}])
    assert planned.losses == (Loss("m", "text without a value", part),) and planned.items == ()


@pytest.mark.parametrize("status", ["completed", "incomplete", "in_progress"])
def test_each_message_status_is_carried(status: str) -> None:
    planned = plan({"id": "thread_a"}, [{"role": "assistant", "status": status, "content": [text_part("x")]}])
    assert planned.items[0]["status"] == status and planned.message_ids == ("#0",)


@pytest.mark.parametrize("detail", ["low", "high", "auto"])
def test_an_image_keeps_its_detail(detail: str) -> None:
    part = {"type": "image_url", "image_url": {"url": "https://i", "detail": detail}}
    planned = plan({"id": "thread_a"}, [{"role": "user", "content": [part]}])
    assert planned.items[0]["content"] == [{"type": "input_image", "image_url": "https://i", "detail": detail}]


def test_image_parts_without_their_own_object_are_losses() -> None:
    parts = [{"type": "image_file", "image_url": {"url": "u"}}, {"type": "image_url", "image_file": {"file_id": "f"}}]
    planned = plan({"id": "thread_a"}, [{"id": "m", "role": "user", "content": parts}])
    assert planned.items == () and planned.message_ids == ()
    assert [loss.reason for loss in planned.losses] == [
        "image_file without a file id or URL",
        "image_url without a file id or URL",
    ]


def test_thread_metadata_odd_shapes_and_the_legacy_key_already_present() -> None:
    assert plan({"id": "thread_a", "metadata": "x"}, []).metadata == {LEGACY_ID_KEY: "thread_a"}
    own = {LEGACY_ID_KEY: "thread_old"}
    assert plan({"id": "thread_a", "metadata": own}, []).metadata == own
    assert plan({"id": 5, "metadata": {"a": "b"}}, []).metadata == {"a": "b"}
    unnamed = plan({}, [])
    assert (unnamed.legacy_id, unnamed.metadata, unnamed.kept, unnamed.tools) == (
        "None",
        {},
        {"thread": {}, "messages": {}},
        [],
    )


def test_tool_resources_become_tools_in_a_fixed_order() -> None:
    resources = {"code_interpreter": {"file_ids": ["f1", None, "f2"]}, "file_search": {"vector_store_ids": ["vs"]}}
    assert responses_tools(resources) == [
        {"type": "file_search", "vector_store_ids": ["vs"]},
        {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["f1", "f2"]}},
    ]
    assert responses_tools({"file_search": {"vector_store_ids": "vs"}, "code_interpreter": {"file_ids": "f"}}) == []
    assert responses_tools({"code_interpreter": {"file_ids": ["f"]}}) == [
        {"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["f"]}}
    ]


def test_counts_add_field_by_field() -> None:
    total = Counts(1, 2, 3, 4, 5, 6)
    total.add(Counts(10, 20, 30, 40, 50, 60))
    assert total == Counts(11, 22, 33, 44, 55, 66)


def test_counts_add_up_over_every_part_and_attachment_of_a_thread() -> None:
    cite = file_path_note("a", 0, 1, "f")
    lost = {"type": "file_path", "text": "zz", "file_path": {"file_id": "f"}}
    assistant = {
        "role": "assistant",
        "content": [text_part("a", [cite, lost]), text_part("a", [cite, lost]), text_part("b", "junk")],
    }
    user = {"role": "user", "content": [text_part("x")], "attachments": [{"file_id": "f1"}, {"file_id": "f2"}]}
    planned = plan({"id": "thread_a"}, [assistant, user, user])
    assert planned.counts == Counts(
        parts=5, attachments=4, annotations=2, parts_dropped=0, attachments_dropped=0, annotations_dropped=2
    )
