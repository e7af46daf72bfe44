"""The mapping of a legacy thread onto a ChatKit thread: ids, metadata, every content kind, annotations, losses."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from chatkit.types import AssistantMessageItem, FileSource, ImageAttachment, UserMessageItem
from threadshim import InvalidRequest
from threadshim.targets.chatkit.plan import chatkit_thread_id
from threadshim.targets.chatkit.plan import plan_chatkit_thread as plan
from threadshim.targets.chatkit.rows import stored

THREAD = {
    "id": "thread_abc",
    "created_at": 1700000000,
    "metadata": {"user": "u1", "title": "Refunds", "team": "billing"},
    "tool_resources": {"code_interpreter": {"file_ids": ["file-code"]}},
}


def _message(role: str, content: list[dict[str, Any]], number: int = 0, **fields: Any) -> dict[str, Any]:
    return {"id": f"msg_{role}{number}", "role": role, "content": content, "created_at": 1700000000 + number, **fields}


def _text(value: str, annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": "text", "text": {"value": value, "annotations": annotations or []}}


def test_the_thread_gets_a_derived_id_its_title_user_and_the_legacy_fields_in_metadata() -> None:
    planned = plan(THREAD, [])
    assert planned.thread == {
        "id": "thr_abc",
        "created_at": "2023-11-14T22:13:20Z",
        "title": "Refunds",
        "metadata": {
            "legacy_thread_id": "thread_abc",
            "legacy_metadata": {"user": "u1", "title": "Refunds", "team": "billing"},
            "tool_resources": {"code_interpreter": {"file_ids": ["file-code"]}},
        },
    }
    assert planned.user == "u1" and planned.thread_id == chatkit_thread_id("thread_abc") == "thr_abc"
    assert planned.tools == [{"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["file-code"]}}]
    assert stored(planned).thread.created_at.timestamp() == 1700000000


def test_other_metadata_keys_name_the_title_and_user_and_a_thread_without_one_gets_the_default() -> None:
    thread = {**THREAD, "metadata": {"owner": "acct_7", "subject": "Invoices"}}
    planned = plan(thread, [], title_key="subject", user_key="owner")
    assert (planned.user, planned.thread["title"]) == ("acct_7", "Invoices")
    anonymous = plan({"id": "thread_x", "created_at": 5, "metadata": {}}, [], default_user="nobody")
    assert (anonymous.user, anonymous.thread["title"]) == ("nobody", None)
    assert "tool_resources" not in anonymous.thread["metadata"]


def test_user_text_images_and_files_become_content_and_attachments() -> None:
    user = _message(
        "user",
        [
            _text("look at these"),
            {"type": "image_file", "image_file": {"file_id": "file-img", "detail": "high"}},
            {"type": "image_url", "image_url": {"url": "https://example.com/pics/cat.png"}},
            _text("thanks"),
        ],
        attachments=[{"file_id": "file-doc", "tools": [{"type": "file_search"}]}],
    )
    planned = plan(THREAD, [user])
    item = stored(planned).items[0]
    assert isinstance(item, UserMessageItem) and not planned.lossy
    assert [c.text for c in item.content] == ["look at these", "thanks"]
    kinds = [(a.id, a.type, a.name, a.mime_type, a.metadata) for a in item.attachments]
    assert kinds == [
        ("atc_user0_0", "file", "file-img", "application/octet-stream",
         {"openai_file_id": "file-img", "part": "image_file", "detail": "high"}),
        ("atc_user0_1", "image", "cat.png", "image/png", None),
        ("atc_user0_2", "file", "file-doc", "application/octet-stream",
         {"openai_file_id": "file-doc", "tools": ["file_search"]}),
    ]  # fmt: skip
    image = item.attachments[1]
    assert isinstance(image, ImageAttachment) and str(image.preview_url) == "https://example.com/pics/cat.png"
    assert [a["id"] for a in planned.attachments] == ["atc_user0_0", "atc_user0_1", "atc_user0_2"]
    assert all(a.thread_id == "thr_abc" for a in item.attachments)
    assert planned.counts.parts == 4 and planned.counts.attachments == 1


def test_assistant_text_keeps_citations_as_file_sources_at_the_marker_and_refusals_as_text() -> None:
    value = "Refunds take 5 days【4:0†policy.pdf】. Chart: sandbox:/mnt/data/t.csv"
    marker, link = "【4:0†policy.pdf】", "sandbox:/mnt/data/t.csv"
    notes = [
        {"type": "file_citation", "text": marker, "file_citation": {"file_id": "file-p"},
         "start_index": value.index(marker), "end_index": value.index(marker) + len(marker)},
        {"type": "file_path", "text": link, "file_path": {"file_id": "file-t"},
         "start_index": value.index(link), "end_index": value.index(link) + len(link)},
    ]  # fmt: skip
    planned = plan(THREAD, [_message("assistant", [_text(value, notes), {"type": "refusal", "refusal": "No."}])])
    item = stored(planned).items[0]
    assert isinstance(item, AssistantMessageItem) and not planned.lossy
    text = item.content[0]
    assert text.text == "Refunds take 5 days. Chart: sandbox:/mnt/data/t.csv"
    assert [(a.index, a.source) for a in text.annotations] == [
        (19, FileSource(title="policy.pdf", filename="policy.pdf")),
        (text.text.index(link), FileSource(title="file-t", filename="file-t")),
    ]
    assert item.content[1].text == "No." and planned.counts.annotations == 2
    assert planned.kept["messages"]["msg_assistant0"]["annotations"] == notes


@pytest.mark.parametrize(
    ("role", "part", "reason"),
    [
        ("assistant", {"type": "image_file", "image_file": {"file_id": "f"}}, "cannot hold an image"),
        ("assistant", {"type": "image_url", "image_url": {"url": "https://x/y.png"}}, "cannot hold an image"),
        ("user", {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}, "not an http(s) address"),
        ("user", {"type": "image_file", "image_file": {}}, "without a file id"),
        ("user", {"type": "refusal", "refusal": "no"}, "a refusal in a user turn"),
        ("user", {"type": "audio", "audio": {}}, "no equivalent for a 'audio' part"),
        ("user", {"type": "text", "text": {}}, "text without a value"),
    ],
)
def test_what_chatkit_cannot_show_is_reported_as_a_loss(role: str, part: dict[str, Any], reason: str) -> None:
    planned = plan(THREAD, [_message(role, [_text("kept"), part])])
    assert (
        planned.lossy
        and len(planned.losses) == 1
        and reason in planned.losses[0].reason
        and planned.losses[0].raw == part
    )
    assert planned.counts.parts_dropped == 1 and len(planned.items) == 1
    stored(planned)  # what is kept is valid ChatKit


def test_assistant_files_unknown_roles_and_unplaceable_annotations_are_losses_too() -> None:
    assistant = _message("assistant", [_text("hi", [{"type": "file_citation", "text": "【9†x】",
                                                      "file_citation": {"file_id": "f"}}])],
                         attachments=[{"file_id": "file-out"}])  # fmt: skip
    system = _message("system", [_text("be nice")], 1)
    planned = plan(THREAD, [assistant, system])
    reasons = [loss.reason for loss in planned.losses]
    assert any("cannot hold a file" in r for r in reasons) and any("role 'system'" in r for r in reasons)
    assert any(r.startswith("annotation not carried") for r in reasons)
    assert [item["id"] for item in planned.items] == ["msg_assistant0"]
    assert planned.counts.attachments_dropped == 1 and planned.counts.annotations_dropped == 1


def test_ids_are_derived_so_a_second_plan_is_identical_and_items_keep_message_order_and_times() -> None:
    messages = [_message("user" if n % 2 == 0 else "assistant", [_text(f"m{n}")], n) for n in range(5)]
    messages.append({"role": "user", "content": [_text("no id, no time")]})
    first, second = plan(THREAD, messages), plan(THREAD, messages)
    assert first == second
    assert first.message_ids == ("msg_user0", "msg_assistant1", "msg_user2", "msg_assistant3", "msg_user4", "msg_abc_5")
    assert [i["created_at"] for i in first.items][-2:] == ["2023-11-14T22:13:24Z", "2023-11-14T22:13:20Z"]


def test_odd_input_never_raises_and_a_message_with_nothing_to_show_is_not_an_item() -> None:
    odd: list[Any] = [{"role": "user"}, "x"]
    planned = plan({"id": "thread_odd", "created_at": "yesterday", "metadata": "nope"}, odd)
    assert planned.items == () and planned.thread["created_at"] == "1970-01-01T00:00:00Z"
    assert planned.user == "default" and stored(planned).thread.id == "thr_odd"


def test_a_plan_chatkit_refuses_is_a_clear_error() -> None:
    planned = plan(THREAD, [_message("user", [_text("x")])])
    broken = attrs.evolve(planned, items=({"type": "user_message", "id": "msg_1"},))
    with pytest.raises(InvalidRequest, match="ChatKit refuses the thread as planned"):
        stored(broken)


def test_a_message_id_that_repeats_in_a_thread_gets_an_id_of_its_own_so_neither_overwrites_the_other() -> None:
    first = _message("user", [_text("one")], 0)
    again = {**_message("assistant", [_text("two")], 1), "id": first["id"]}
    planned = plan(THREAD, [first, again])
    assert planned.message_ids == ("msg_user0", "msg_user0_1")
    assert [item["content"][0]["text"] for item in planned.items] == ["one", "two"]
