"""A legacy thread's ChatKit plan compared whole: the thread, every item and attachment, losses and counts."""

from __future__ import annotations

from typing import Any

import pytest
from threadshim import InvalidRequest
from threadshim.targets.chatkit.plan import DEFAULT_USER
from threadshim.targets.chatkit.plan import plan_chatkit_thread as plan
from threadshim.targets.chatkit.rows import stored
from threadshim.targets.common import Counts, Loss

from .conftest import citation, file_path_note, text_part


def test_a_thread_of_every_part_kind_is_planned_exactly() -> None:
    cite = citation("【1†a.pdf】", 2, 10, "file-a")
    bare = citation("【2】", 11, 14, "file-b")
    stray = {"type": "file_path", "text": "nowhere", "file_path": {"file_id": "file-z"}}
    user = {
        "id": "msg_u",
        "role": "user",
        "created_at": 1700000001.5,
        "content": [
            text_part("Hello"),
            {"type": "image_file", "image_file": {"file_id": "file-img", "detail": "low"}},
            {"type": "image_url", "image_url": {"url": "https://cdn.example/pics/cat.png"}},
            {"type": "image_url", "image_url": {"url": "https://cdn.example/"}},
            {"type": "image_url", "image_url": {"url": "ftp://cdn.example/a.png"}},
            {"type": "image_file", "image_file": {"file_id": ""}},
            {"type": "refusal", "refusal": "odd"},
            text_part(None),
            {"type": "audio"},
        ],
        "attachments": [{"file_id": "file-doc", "tools": [{"type": "file_search"}, {}, {"type": ""}]}, {"file_id": ""}],
    }
    assistant = {
        "id": "msg_a",
        "role": "assistant",
        "created_at": True,
        "content": [
            text_part("Hi【1†a.pdf】【2】!", [cite, bare, stray]),
            {"type": "refusal", "refusal": "No."},
            {"type": "refusal", "refusal": 3},
            {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
        ],
        "attachments": [{"file_id": "file-out"}],
    }
    system = {"id": "msg_s", "role": "system", "content": [text_part("a"), text_part("b")]}
    thread = {"id": "thread_abc", "created_at": 1700000000, "metadata": {"title": "Refunds", "user": "u1"}}
    planned = plan(thread, [user, assistant, system])
    when = "2023-11-14T22:13:20Z"
    assert (planned.legacy_id, planned.user, planned.thread_id) == ("thread_abc", "u1", "thr_abc")
    assert planned.thread == {
        "id": "thr_abc",
        "created_at": when,
        "title": "Refunds",
        "metadata": {"legacy_thread_id": "thread_abc", "legacy_metadata": {"title": "Refunds", "user": "u1"}},
    }
    img = {
        "id": "atc_u_0",
        "thread_id": "thr_abc",
        "type": "file",
        "name": "file-img",
        "mime_type": "application/octet-stream",
        "metadata": {"openai_file_id": "file-img", "part": "image_file", "detail": "low"},
    }
    cat = {
        "id": "atc_u_1",
        "thread_id": "thr_abc",
        "type": "image",
        "name": "cat.png",
        "mime_type": "image/png",
        "preview_url": "https://cdn.example/pics/cat.png",
    }
    root = {
        "id": "atc_u_2",
        "thread_id": "thr_abc",
        "type": "image",
        "name": "image",
        "mime_type": "application/octet-stream",
        "preview_url": "https://cdn.example/",
    }
    doc = {
        "id": "atc_u_3",
        "thread_id": "thr_abc",
        "type": "file",
        "name": "file-doc",
        "mime_type": "application/octet-stream",
        "metadata": {"openai_file_id": "file-doc", "tools": ["file_search"]},
    }
    assert planned.items == (
        {
            "id": "msg_u",
            "thread_id": "thr_abc",
            "created_at": "2023-11-14T22:13:21.500000Z",
            "type": "user_message",
            "content": [{"type": "input_text", "text": "Hello"}],
            "attachments": [img, cat, root, doc],
            "inference_options": {},
        },
        {
            "id": "msg_a",
            "thread_id": "thr_abc",
            "created_at": when,
            "type": "assistant_message",
            "content": [
                {
                    "type": "output_text",
                    "text": "Hi!",
                    "annotations": [
                        {
                            "type": "annotation",
                            "index": 2,
                            "source": {"type": "file", "title": "a.pdf", "filename": "a.pdf"},
                        },
                        {
                            "type": "annotation",
                            "index": 2,
                            "source": {"type": "file", "title": "file-b", "filename": "file-b"},
                        },
                    ],
                },
                {"type": "output_text", "text": "No.", "annotations": []},
            ],
        },
    )
    assert planned.attachments == (img, cat, root, doc)
    assert planned.message_ids == ("msg_u", "msg_a")
    not_http = "image_url that is not an http(s) address (ChatKit previews need one)"
    assert planned.losses == (
        Loss("msg_u", not_http, {"type": "image_url", "image_url": {"url": "ftp://cdn.example/a.png"}}),
        Loss("msg_u", "image_file without a file id", {"type": "image_file", "image_file": {"file_id": ""}}),
        Loss("msg_u", "a refusal in a user turn", {"type": "refusal", "refusal": "odd"}),
        Loss("msg_u", "text without a value", text_part(None)),
        Loss("msg_u", "no equivalent for a 'audio' part", {"type": "audio"}),
        Loss("msg_u", "an attachment without a file id", {"file_id": ""}),
        Loss("msg_a", "no equivalent for a 'refusal' part", {"type": "refusal", "refusal": 3}),
        Loss(
            "msg_a",
            "an assistant message cannot hold an image in ChatKit (image_url)",
            {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
        ),
        Loss(
            "msg_a",
            "annotation not carried: neither its indexes nor its text locate it in the message text",
            stray,
        ),
        Loss("msg_a", "an assistant message cannot hold a file in ChatKit", {"file_id": "file-out"}),
        Loss("msg_s", "no ChatKit item for a message of role 'system'", system),
    )
    assert planned.counts == Counts(
        parts=6, attachments=1, annotations=2, parts_dropped=9, attachments_dropped=2, annotations_dropped=1
    )
    assert planned.kept == {
        "thread": {"created_at": 1700000000},
        "messages": {
            "msg_u": {"created_at": 1700000001.5, "attachment_tools": [[{"type": "file_search"}, {}, {"type": ""}]]},
            "msg_a": {"created_at": True, "annotations": [cite, bare, stray]},
        },
    }
    assert planned.tools == [] and planned.lossy


def test_tool_resources_travel_in_the_metadata_and_as_tools() -> None:
    resources = {"code_interpreter": {"file_ids": ["f1"]}}
    planned = plan({"id": "thread_t", "tool_resources": resources}, [])
    assert planned.thread["metadata"] == {
        "legacy_thread_id": "thread_t",
        "legacy_metadata": {},
        "tool_resources": resources,
    }
    assert planned.tools == [{"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["f1"]}}]
    assert planned.kept == {"thread": {"tool_resources": resources}, "messages": {}}
    empty = plan({"id": "thread_t", "tool_resources": {}}, [])
    assert "tool_resources" not in empty.thread["metadata"] and empty.kept["thread"] == {"tool_resources": {}}


@pytest.mark.parametrize(
    ("created_at", "expected"),
    [
        (0, "1970-01-01T00:00:00Z"),
        (253402300799, "9999-12-31T23:59:59Z"),
        (253402300800, "1970-01-01T00:00:00Z"),
        (-1, "1970-01-01T00:00:00Z"),
        ("1700000000", "1970-01-01T00:00:00Z"),
        (None, "1970-01-01T00:00:00Z"),
    ],
)
def test_thread_times_are_utc_iso_and_unusable_ones_are_the_epoch(created_at: Any, expected: str) -> None:
    planned = plan(
        {"id": "thread_t", "created_at": created_at}, [{"id": "msg_1", "role": "user", "content": [text_part("x")]}]
    )
    assert planned.thread["created_at"] == expected
    assert planned.items[0]["created_at"] == expected  # a message with no time of its own takes its thread's


def test_title_user_and_default_user_come_from_the_keys_named() -> None:
    thread = {"id": "thread_t", "metadata": {"title": "T", "user": "U", "subject": "S", "owner": "O", "blank": ""}}
    named = plan(thread, [], title_key="subject", user_key="owner")
    assert (named.thread["title"], named.user) == ("S", "O")
    fallback = plan(thread, [], title_key="blank", user_key="blank", default_user="ops")
    assert (fallback.thread["title"], fallback.user) == (None, "ops")
    assert plan({"id": "thread_t"}, []).user == DEFAULT_USER == "default"
    assert plan({"id": "thread_t", "metadata": {"user": 5}}, []).user == "default"


def test_messages_without_ids_and_repeated_ids_get_their_own() -> None:
    messages = [
        {"role": "user", "content": [text_part("a")], "metadata": {"k": "v"}},
        {"id": "msg_x", "role": "user", "content": [text_part("b")]},
        {"id": "msg_x", "role": "user", "content": [text_part("c")], "metadata": {"n": "2"}},
        {"id": "", "role": "assistant", "content": [text_part("d")]},
        "junk",
    ]
    planned = plan({"id": "thread_t"}, messages)  # type: ignore[arg-type]
    assert planned.message_ids == ("msg_t_0", "msg_x", "msg_x_2", "msg_t_3")
    assert [item["content"][0]["text"] for item in planned.items] == ["a", "b", "c", "d"]
    assert planned.kept["messages"] == {"#0": {"metadata": {"k": "v"}}, "msg_x_2": {"metadata": {"n": "2"}}}
    assert planned.losses == (Loss("msg_t_4", "no ChatKit item for a message of role None", {}),)


def test_attachment_ids_count_per_message_and_an_item_of_attachments_alone_is_kept() -> None:
    message = {
        "id": "msg_only",
        "role": "user",
        "content": [],
        "attachments": [{"file_id": "f1"}, {"file_id": "f2", "tools": None}],
    }
    planned = plan({"id": "thread_t"}, [message])
    assert [a["id"] for a in planned.attachments] == ["atc_only_0", "atc_only_1"]
    assert planned.items[0]["content"] == [] and planned.items[0]["attachments"] == list(planned.attachments)
    assert [a["metadata"]["tools"] for a in planned.attachments] == [[], []]
    nothing = plan({"id": "thread_t"}, [{"id": "msg_n", "role": "assistant", "content": "text"}])
    assert (nothing.items, nothing.losses, nothing.counts) == ((), (), Counts())


def test_a_message_time_of_zero_is_the_epoch_not_the_threads_time() -> None:
    planned = plan(
        {"id": "thread_t", "created_at": 1700000000}, [{"role": "user", "created_at": 0, "content": [text_part("x")]}]
    )
    assert planned.items[0]["created_at"] == "1970-01-01T00:00:00Z"


def test_plain_http_image_urls_and_urls_without_a_path_are_attachments() -> None:
    parts = [
        {"type": "image_url", "image_url": {"url": "http://cdn.example/a/b/photo.jpg"}},
        {"type": "image_url", "image_url": {"url": "https://cdn.example"}},
    ]
    planned = plan({"id": "thread_t"}, [{"id": "msg_1", "role": "user", "content": parts}])
    assert [(a["name"], a["mime_type"]) for a in planned.attachments] == [
        ("photo.jpg", "image/jpeg"),
        ("image", "application/octet-stream"),
    ]


@pytest.mark.parametrize("url", ["http://[::1/a.png", "ftp://example.com/a.png", "not a url", ""])
def test_an_image_url_that_cannot_be_previewed_is_a_loss_never_an_error(url: str) -> None:
    parts = [{"type": "image_url", "image_url": {"url": url}}, {"type": "text", "text": {"value": "hi"}}]
    planned = plan({"id": "thread_t"}, [{"id": "msg_1", "role": "user", "content": parts}])
    assert [(loss.message_id, loss.reason) for loss in planned.losses] == [
        ("msg_1", "image_url that is not an http(s) address (ChatKit previews need one)")
    ]
    assert planned.attachments == () and planned.items[0]["content"] == [{"type": "input_text", "text": "hi"}]


def test_counts_add_up_and_a_refused_attachment_does_not_stop_the_next() -> None:
    cite = file_path_note("a", 0, 1, "f")
    lost = {"type": "file_path", "text": "zz", "file_path": {"file_id": "f"}}
    assistant = {
        "id": "msg_a",
        "role": "assistant",
        "content": [
            text_part("a", [cite, lost]),
            text_part("a", [cite, lost]),
            text_part("b", "junk"),
            text_part(None),
        ],
    }
    user = {
        "id": "msg_u",
        "role": "user",
        "content": [],
        "attachments": [{"file_id": ""}, {"file_id": "f1"}, {"file_id": "f2"}],
    }
    planned = plan({"id": "thread_t"}, [assistant, user])
    assert planned.counts == Counts(
        parts=3, attachments=2, annotations=2, parts_dropped=1, attachments_dropped=1, annotations_dropped=2
    )
    assert [a["id"] for a in planned.attachments] == ["atc_u_0", "atc_u_1"]
    assert Loss("msg_a", "text without a value", text_part(None)) in planned.losses


def test_what_chatkits_models_refuse_is_named_by_where_and_why() -> None:
    parts = [{"type": "text", "text": {"value": "see"}}, {"type": "image_url", "image_url": {"url": "http://"}}]
    planned = plan({"id": "thread_t"}, [{"id": "msg_1", "role": "user", "content": parts}])
    with pytest.raises(InvalidRequest) as refused:
        stored(planned)
    assert str(refused.value) == (
        "ChatKit refuses the thread as planned: user_message.attachments.0.image.preview_url: "
        "Input should be a valid URL, empty host"
    )
