"""How reconcile tells a migrated thread from its plan: each difference classified, placed and described exactly,
and how an item is hashed (what the API adds to an item, and the ids, never count)."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from threadshim.migrate.align import MAX_EDITS, matches
from threadshim.migrate.compare import Difference, compare, compare_items, missing_tail
from threadshim.targets.conversations.held import canonical_item
from threadshim.targets.held import Held, item_hash


def _d(kind: Any, position: int | None) -> Difference:
    details = {
        "missing": f"item {position} is not in the target",
        "changed": f"item {position} differs from what the target holds there",
        "extra": f"the target's item {position} was not written by the migration",
    }
    return Difference(kind, position, details[kind])


def _moved(position: int, at: int) -> Difference:
    return Difference("out_of_order", position, f"item {position} is at position {at}")


CASES = {
    "equal": ("abcd", "abcd", []),
    "one deleted": ("abcd", "acd", [_d("missing", 1)]),
    "the first deleted": ("abcd", "bcd", [_d("missing", 0)]),
    "all gone": ("abc", "", [_d("missing", 0), _d("missing", 1), _d("missing", 2)]),
    "one changed": ("abcd", "aXcd", [_d("changed", 1)]),
    "two swapped": ("xaby", "xbay", [_moved(1, 2)]),
    "the first moved to the end": ("abcd", "bcda", [_moved(0, 3)]),
    "two pairs swapped": ("abcdef", "bacdfe", [_moved(0, 1), _moved(4, 5)]),
    "appended": ("abc", "abcZ", [_d("extra", 3)]),
    "inserted first": ("abc", "Zabc", [_d("extra", 0)]),
    "two replaced by three": ("abcd", "aXYZd", [_d("changed", 1), _d("changed", 2), _d("extra", 3)]),
    "three replaced by one": ("abcde", "aXe", [_d("changed", 1), _d("missing", 2), _d("missing", 3)]),
    "a repeated item lost": ("aab", "ab", [_d("missing", 1)]),
    "repeated items swapped": ("aab", "aba", [_moved(1, 2)]),
    "changed, then one extra after": ("abc", "aXcZ", [_d("changed", 1), _d("extra", 3)]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_difference_is_classified_placed_and_described(case: str) -> None:
    expected, held, differences = CASES[case]
    assert compare_items(tuple(expected), tuple(held)) == differences


def test_a_long_thread_of_repeated_items_loses_one_item_not_a_hundred() -> None:
    # 300 items of two values: a block-matching diff anchors on a shifted block here and calls 100 items moved
    expected = tuple("ab" * 150)
    assert compare_items(expected, expected[:100] + expected[101:]) == [_d("missing", 100)]
    assert compare_items(expected, (*expected[:250], "Z", *expected[250:])) == [_d("extra", 250)]


def test_beyond_the_edit_bound_the_middles_are_compared_by_position() -> None:
    expected = tuple(f"e{n}" for n in range(MAX_EDITS + 10))
    held = tuple(f"h{n}" for n in range(MAX_EDITS + 10))
    found = compare_items(("s", *expected, "t"), ("s", *held, "t"))
    assert len(found) == len(expected) and {d.kind for d in found} == {"changed"}
    assert found[0] == _d("changed", 1) and found[-1] == _d("changed", len(expected))


def test_a_changed_field_comes_first_then_the_items() -> None:
    expected = Held({"metadata": {"a": "1"}, "title": "T"}, ("x", "y"))
    held = Held({"metadata": {"a": "2"}, "title": "T"}, ("x",))
    assert compare(expected, held) == [Difference("changed", None, "the thread's metadata differs"), _d("missing", 1)]
    assert compare(expected, Held({"metadata": {"a": "1"}}, ("x", "y"))) == [
        Difference("changed", None, "the thread's title differs")
    ]


@pytest.mark.parametrize(
    ("held", "fields", "have"),
    [
        ("ab", {"m": 1}, 2),
        ("", {"m": 1}, 0),
        ("abc", {"m": 1}, None),  # equal: nothing missing
        ("ab", {"m": 2}, None),  # its fields changed too
        ("ac", {"m": 1}, None),  # not the start of the plan
        ("abcZ", {"m": 1}, None),  # longer than the plan
    ],
)
def test_only_items_missing_at_the_end_can_be_repaired(held: str, fields: dict[str, int], have: int | None) -> None:
    assert missing_tail(Held({"m": 1}, tuple("abc")), Held(fields, tuple(held))) == have


ECHOED = {
    "id": "msg_123",
    "type": "message",
    "status": "completed",
    "role": "assistant",
    "content": [
        {
            "type": "output_text",
            "text": "See the file.",
            "logprobs": [],
            "annotations": [
                {"type": "file_citation", "file_id": "file-1", "filename": "a.pdf", "index": 7, "extra": None},
                "not an object",
            ],
        },
        {"type": "refusal", "refusal": "no", "image_url": None},
        "a bare string part",
    ],
}


def test_an_item_is_compared_by_its_kind_role_and_parts_only() -> None:
    assert canonical_item(ECHOED) == {
        "type": "message",
        "role": "assistant",
        "content": [
            {
                "type": "output_text",
                "text": "See the file.",
                "annotations": [
                    {"type": "file_citation", "file_id": "file-1", "filename": "a.pdf", "index": 7},
                    "not an object",
                ],
            },
            {"type": "refusal", "refusal": "no"},
            "a bare string part",
        ],
    }
    sent = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi", "annotations": []}]}
    assert canonical_item(sent) == {
        "type": "message",
        "role": "user",
        "content": [{"type": "input_text", "text": "hi"}],
    }


def test_what_the_api_adds_does_not_change_a_hash_and_what_a_person_changes_does() -> None:
    plain = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}
    echoed = {**plain, "id": "msg_9", "status": "completed"}
    assert item_hash(canonical_item(plain)) == item_hash(canonical_item(echoed))
    for changed in (
        {**plain, "role": "assistant"},
        {**plain, "type": "reasoning"},
        {**plain, "content": [{"type": "input_text", "text": "hello"}]},
        {**plain, "content": []},
    ):
        assert item_hash(canonical_item(changed)) != item_hash(canonical_item(plain)), changed


def _lcs_length(a: str, b: str) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[len(a)][len(b)]


def test_the_alignment_is_a_longest_common_subsequence_of_any_two_lists() -> None:
    draw = random.Random(7)
    for _ in range(400):
        a = "".join(draw.choice("abc") for _ in range(draw.randrange(0, 14)))
        b = "".join(draw.choice("abcd") for _ in range(draw.randrange(0, 14)))
        pairs = matches(tuple(a), tuple(b))
        assert all(a[i] == b[j] for i, j in pairs), (a, b, pairs)
        assert all(p[0] < q[0] and p[1] < q[1] for p, q in itertools.pairwise(pairs)), (a, b, pairs)
        assert len(pairs) == _lcs_length(a, b), (a, b, pairs)
        found = compare_items(tuple(a), tuple(b))
        accounted = sum(1 for d in found if d.kind != "extra") + len(pairs)
        assert accounted == len(a) and sum(d.kind in ("changed", "out_of_order", "extra") for d in found) + len(
            pairs
        ) == len(b), (a, b, found)


def test_the_edit_bound_is_exact_a_match_one_edit_beyond_it_is_not_made() -> None:
    half = MAX_EDITS // 2
    expected = (*(f"x{n}" for n in range(half)), "c")
    held = (*(f"z{n}" for n in range(half)), "c", "w")  # matching "c" takes MAX_EDITS + 1 edits
    found = compare_items(expected, held)  # compared by position: "c" is where it was, so it is equal
    assert [d.kind for d in found] == ["changed"] * half + ["extra"] and found[-1].position == half + 1
    shifted = compare_items(expected[1:], held)  # one edit fewer: "c" is matched though it moved up one
    assert [d.kind for d in shifted] == ["changed"] * (half - 1) + ["extra", "extra"]


def test_one_edit_beyond_the_bound_a_moved_item_is_found_out_of_order_not_matched() -> None:
    half = MAX_EDITS // 2
    expected = (*(f"x{n}" for n in range(half)), "c")
    held = (*(f"z{n}" for n in range(half - 1)), "c", "w", "w")  # matching "c" takes MAX_EDITS + 1 edits
    found = compare_items(expected, held)
    assert [d for d in found if d.kind == "out_of_order"] == [_moved(half, half - 1)]
    assert sum(d.kind == "changed" for d in found) == half and sum(d.kind == "extra" for d in found) == 1
