"""Legacy annotations in the Responses API's form, exactly: the text that remains, each index, each reason."""

from __future__ import annotations

from typing import Any

import pytest
from threadshim.targets._annotations import carry

from .conftest import citation, file_path_note


def test_markers_are_cut_links_kept_and_every_index_is_in_the_new_text() -> None:
    value = "See【4:0†guide.pdf】 and【4:1†source】 then sandbox:/a.csv【7:2】."
    spans = ["【4:0†guide.pdf】", "【4:1†source】", "sandbox:/a.csv", "【7:2】"]
    at = [(value.index(span), value.index(span) + len(span)) for span in spans]
    notes = [
        citation(spans[0], *at[0], "file-1"),
        citation(spans[1], *at[1], "file-2"),
        file_path_note(spans[2], *at[2], "file-3"),
        citation(spans[3], *at[3], "file-4"),
    ]
    carried = carry(value, notes)
    assert carried.text == "See and then sandbox:/a.csv."
    assert carried.annotations == [
        {"type": "file_citation", "file_id": "file-1", "filename": "guide.pdf", "index": 3},
        {"type": "file_citation", "file_id": "file-2", "filename": "file-2", "index": 7},
        {"type": "file_path", "file_id": "file-3", "index": 13},
        {"type": "file_citation", "file_id": "file-4", "filename": "file-4", "index": 27},
    ]
    assert carried.dropped == []


def test_annotations_given_out_of_order_are_placed_in_text_order() -> None:
    value = "A【1†x】B【2†y】C"
    carried = carry(value, [citation("【2†y】", 6, 11, "file-y"), citation("【1†x】", 1, 6, "file-x")])
    assert carried.text == "ABC"
    assert [(a["file_id"], a["filename"], a["index"]) for a in carried.annotations] == [
        ("file-x", "x", 1),
        ("file-y", "y", 2),
    ]


def test_two_spans_starting_together_keep_the_shorter_and_report_the_other() -> None:
    value = "ab sandbox:/f.txt cd"
    short, long = file_path_note("sandbox:/f", 3, 13, "file-s"), file_path_note("sandbox:/f.txt", 3, 17, "file-l")
    carried = carry(value, [long, short])
    assert carried.text == value
    assert carried.annotations == [{"type": "file_path", "file_id": "file-s", "index": 3}]
    assert carried.dropped == [{"annotation": long, "reason": "it overlaps another annotation"}]


def test_a_citation_over_ordinary_text_keeps_the_text_and_labels_fall_back_to_the_file() -> None:
    value = "Plain words here【0†  】 end"
    notes = [citation("words", 6, 11, "file-w"), citation("【0†  】", 16, 22, "file-blank")]
    carried = carry(value, notes)
    assert carried.text == "Plain words here end"
    assert carried.annotations == [
        {"type": "file_citation", "file_id": "file-w", "filename": "file-w", "index": 6},
        {"type": "file_citation", "file_id": "file-blank", "filename": "file-blank", "index": 16},
    ]


def test_a_half_marker_is_ordinary_text() -> None:
    carried = carry("x【ab y", [citation("【ab", 1, 4)])
    assert (carried.text, carried.annotations[0]["index"], carried.annotations[0]["filename"]) == (
        "x【ab y",
        1,
        "file-c",
    )
    ends = carry("x ab】 y", [citation("ab】", 2, 5)])
    assert ends.text == "x ab】 y"


def test_a_marker_label_is_stripped_and_the_dagger_is_needed() -> None:
    assert carry("【1† doc.md 】", [citation("【1† doc.md 】", 0, 11)]).annotations[0]["filename"] == "doc.md"
    assert carry("【doc.md】", [citation("【doc.md】", 0, 8)]).annotations[0]["filename"] == "file-c"
    assert carry("【1†a†b】", [citation("【1†a†b】", 0, 7)]).annotations[0]["filename"] == "a†b"


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, None), (True, 5), (0, False), (-1, 4), (5, 4), (0, 99), ("0", "4"), (2, 6)],
)
def test_indexes_that_do_not_hold_the_text_fall_back_to_its_one_occurrence(start: Any, end: Any) -> None:
    value = "Hi 【1†a】 there"
    carried = carry(value, [citation("【1†a】", start, end)])
    assert carried.text == "Hi  there"
    assert carried.annotations == [{"type": "file_citation", "file_id": "file-c", "filename": "a", "index": 3}]


def test_indexes_are_trusted_when_the_annotation_has_no_text_of_its_own() -> None:
    note = {"type": "file_path", "file_path": {"file_id": "file-p"}, "start_index": 2, "end_index": 4}
    assert carry("abcdef", [note]).annotations == [{"type": "file_path", "file_id": "file-p", "index": 2}]
    empty_span = file_path_note("", 3, 3)
    assert carry("abcdef", [empty_span]).annotations == [{"type": "file_path", "file_id": "file-p", "index": 3}]
    at_end = file_path_note("ef", 4, 6)
    assert carry("abcdef", [at_end]).annotations == [{"type": "file_path", "file_id": "file-p", "index": 4}]


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("a【1】 b【1】", citation("【1】", 0, 1)),
        ("abc", citation("zz", 0, 2)),
        ("abc", citation("", 9, 10)),
        (
            "abc",
            {"type": "file_citation", "text": 5, "file_citation": {"file_id": "f"}, "start_index": 0, "end_index": 9},
        ),
    ],
)
def test_an_annotation_that_cannot_be_located_is_reported_and_the_text_kept(value: str, note: dict[str, Any]) -> None:
    carried = carry(value, [note])
    assert (carried.text, carried.annotations) == (value, [])
    assert carried.dropped == [
        {"annotation": note, "reason": "neither its indexes nor its text locate it in the message text"}
    ]


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        (
            {"type": "url_citation", "text": "a", "start_index": 0, "end_index": 1},
            "no equivalent for a 'url_citation' annotation",
        ),
        ({"text": "a", "start_index": 0, "end_index": 1}, "no equivalent for a None annotation"),
        (citation("a", 0, 1, file_id=""), "no equivalent for a 'file_citation' annotation"),
        (citation("a", 0, 1, file_id=7), "no equivalent for a 'file_citation' annotation"),
        (
            {"type": "file_citation", "text": "a", "file_path": {"file_id": "f"}},
            "no equivalent for a 'file_citation' annotation",
        ),
        ({"type": "file_path", "text": "a", "file_path": "f"}, "no equivalent for a 'file_path' annotation"),
    ],
)
def test_an_annotation_with_no_file_is_reported_with_its_kind(note: dict[str, Any], reason: str) -> None:
    carried = carry("abc", [note])
    assert (carried.text, carried.annotations, carried.dropped) == ("abc", [], [{"annotation": note, "reason": reason}])


def test_something_that_is_not_an_object_is_reported_as_such() -> None:
    carried = carry("abc", ["x", None])
    assert carried.dropped == [
        {"annotation": "x", "reason": "not an object"},
        {"annotation": None, "reason": "not an object"},
    ]
    assert (carried.text, carried.annotations) == ("abc", [])


def test_a_label_right_after_the_opening_bracket_is_read() -> None:
    assert carry("【†doc.md】", [citation("【†doc.md】", 0, 8)]).annotations[0]["filename"] == "doc.md"


def test_a_citation_over_ordinary_text_with_a_dagger_is_named_by_its_file() -> None:
    carried = carry("see [a†b] here", [citation("[a†b]", 4, 9, "file-d")])
    assert carried.text == "see [a†b] here"
    assert carried.annotations == [{"type": "file_citation", "file_id": "file-d", "filename": "file-d", "index": 4}]


def test_indexes_at_either_end_of_the_text_are_trusted_without_a_text() -> None:
    value = "abcabc"
    first = {"type": "file_path", "file_path": {"file_id": "f0"}, "start_index": 0, "end_index": 3}
    last = {"type": "file_path", "file_path": {"file_id": "f1"}, "start_index": 3, "end_index": 6}
    assert carry(value, [first, last]).annotations == [
        {"type": "file_path", "file_id": "f0", "index": 0},
        {"type": "file_path", "file_id": "f1", "index": 3},
    ]


def test_overlaps_keep_the_earliest_start_in_the_order_given_and_the_run_goes_on() -> None:
    value = "0123456789 sandbox:/z"
    wide = file_path_note("0123456789", 0, 10, "file-wide")
    inner = file_path_note("234", 2, 5, "file-inner")
    twin = file_path_note("0123456789", 0, 10, "file-wide")
    later = file_path_note("sandbox:/z", 11, 21, "file-later")
    carried = carry(value, [inner, wide, twin, later])
    assert carried.text == value
    assert carried.annotations == [
        {"type": "file_path", "file_id": "file-wide", "index": 0},
        {"type": "file_path", "file_id": "file-later", "index": 11},
    ]
    overlap = "it overlaps another annotation"
    assert carried.dropped == [{"annotation": twin, "reason": overlap}, {"annotation": inner, "reason": overlap}]


def test_two_kinds_over_one_span_keep_the_first_given() -> None:
    value = "x sandbox:/f y"
    link, cite = file_path_note("sandbox:/f", 2, 12, "file-1"), citation("sandbox:/f", 2, 12, "file-1")
    assert [a["type"] for a in carry(value, [link, cite]).annotations] == ["file_path"]
    assert [a["type"] for a in carry(value, [cite, link]).annotations] == ["file_citation"]


def test_only_citations_and_file_paths_are_carried_whatever_else_they_hold() -> None:
    note = {"type": "url_citation", "url_citation": {"file_id": "f"}, "text": "a", "start_index": 0, "end_index": 1}
    carried = carry("abc", [note])
    assert carried.annotations == [] and carried.dropped == [
        {"annotation": note, "reason": "no equivalent for a 'url_citation' annotation"}
    ]
