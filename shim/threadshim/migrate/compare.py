"""How a migrated thread differs from what its plan says the target must hold: each difference classified.

Items are aligned by their hashes along a longest common subsequence (:mod:`.align`), so one
deleted item is one *missing* difference, not a shift of every item after it. What is left over is classified: an
item of the plan found elsewhere in the target is *out of order*; a plan's item whose place
holds another item is *changed*; a plan's item with no place is *missing*; a target's item the
migration did not write is *extra* (someone continued the conversation: reported apart).
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

import attrs

from ..targets.held import Held
from .align import matches

Kind = Literal["missing", "extra", "changed", "out_of_order"]
KINDS: tuple[Kind, ...] = ("missing", "changed", "out_of_order", "extra")


@attrs.frozen
class Difference:
    """One difference: its class, where (the plan's item position; the target's for *extra*), and what."""

    kind: Kind
    position: int | None
    detail: str


def _moved(lost: list[tuple[int, str]], found: list[tuple[int, str]]) -> tuple[list[Difference], set[int], set[int]]:
    """Plan items that are in the target at another place: out of order (and the positions they explain)."""
    spare = Counter(h for _, h in found)
    differences, lost_done, found_done = [], set(), set()
    for position, wanted in lost:
        if spare[wanted] > 0:
            spare[wanted] -= 1
            at = next(p for p, h in found if h == wanted and p not in found_done)
            found_done.add(at)
            lost_done.add(position)
            differences.append(Difference("out_of_order", position, f"item {position} is at position {at}"))
    return differences, lost_done, found_done


def _gaps(pairs: list[tuple[int, int]], n: int, m: int) -> list[tuple[range, range]]:
    """The stretches of each list between matched pairs: what one side has there that the other has not."""
    gaps, i, j = [], 0, 0
    for a, b in [*pairs, (n, m)]:
        if a > i or b > j:
            gaps.append((range(i, a), range(j, b)))
        i, j = a + 1, b + 1
    return gaps


def compare_items(expected: tuple[str, ...], held: tuple[str, ...]) -> list[Difference]:
    """The differences between the plan's item hashes and the target's, in the plan's order (extra ones last)."""
    gaps = _gaps(matches(expected, held), len(expected), len(held))
    lost = [(i, expected[i]) for mine, _ in gaps for i in mine]
    found = [(j, held[j]) for _, theirs in gaps for j in theirs]
    differences, lost_done, found_done = _moved(lost, found)
    for mine, theirs in gaps:  # a plan's item whose place holds another one: changed
        left = [i for i in mine if i not in lost_done]
        others = [j for j in theirs if j not in found_done]
        for i, j in zip(left, others, strict=False):
            differences.append(Difference("changed", i, f"item {i} differs from what the target holds there"))
            lost_done.add(i)
            found_done.add(j)
    differences += [Difference("missing", i, f"item {i} is not in the target") for i, _ in lost if i not in lost_done]
    differences += [
        Difference("extra", j, f"the target's item {j} was not written by the migration")
        for j, _ in found
        if j not in found_done
    ]
    return sorted(differences, key=lambda d: (d.kind == "extra", d.position))


def compare(expected: Held, held: Held) -> list[Difference]:
    """Every difference between what the target must hold and what it holds: fields first, then items."""
    fields = [
        Difference("changed", None, f"the thread's {name} differs")
        for name in expected.fields
        if held.fields.get(name) != expected.fields[name]
    ]
    return fields + compare_items(expected.items, held.items)


def missing_tail(expected: Held, held: Held) -> int | None:
    """How many items the target holds when its only difference is items missing at the end, else None."""
    have = len(held.items)
    same_fields = all(held.fields.get(name) == value for name, value in expected.fields.items())
    return have if same_fields and have < len(expected.items) and held.items == expected.items[:have] else None
