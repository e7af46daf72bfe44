"""The longest common subsequence of two lists of item hashes (Myers' diff), as the pairs of positions that match.

``difflib.SequenceMatcher`` is not a longest common subsequence: in a long thread whose items
repeat it anchors on a shifted block and reports a hundred items out of order where one is
missing. Myers' algorithm finds a shortest edit script in O((N+M)·D) for D differences; the
common start and end are matched first, and a middle with more than :data:`MAX_EDITS`
differences is matched no further (its items are then compared by position).
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_EDITS = 2000
"""Beyond this many differences between the middles, they are compared by position (bounds time and memory)."""


def _middle(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The matching pairs of a shortest edit script of ``a`` into ``b``; beyond :data:`MAX_EDITS` edits, the
    items equal at the same position.
    """
    n, m = len(a), len(b)
    v: dict[int, int] = {1: 0}
    trace: list[dict[int, int]] = []
    for d in range(min(n + m, MAX_EDITS) + 1):
        trace.append(dict(v))
        for k in range(-d, d + 1, 2):
            x = v[k + 1] if k == -d or (k != d and v[k - 1] < v[k + 1]) else v[k - 1] + 1
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            v[k] = x
            if x >= n and y >= m:
                return _back(trace, n, m)
    return [(i, i) for i in range(min(n, m)) if a[i] == b[i]]


def _back(trace: list[dict[int, int]], x: int, y: int) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    for d in range(len(trace) - 1, -1, -1):
        v, k = trace[d], x - y
        previous = k + 1 if k == -d or (k != d and v[k - 1] < v[k + 1]) else k - 1
        before_x = v[previous]
        before_y = before_x - previous
        while x > before_x and y > before_y:
            x, y = x - 1, y - 1
            pairs.append((x, y))
        x, y = before_x, before_y
    pairs.reverse()
    return pairs


def matches(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` with ``a[i] == b[j]`` along a longest common subsequence, in order."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    middle = [(start + i, start + j) for i, j in _middle(a[start:end_a], b[start:end_b])]
    tail = [(end_a + n, end_b + n) for n in range(len(a) - end_a)]
    return [(n, n) for n in range(start)] + middle + tail
