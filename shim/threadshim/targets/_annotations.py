"""Legacy text annotations as Responses-API annotations: the ``【…】`` citation markers cut out, indexes moved.

A legacy ``file_citation`` covers a marker such as ``【4:0†source】`` in the text; the Responses API
puts no marker in the text and gives a citation a single ``index``: the position in the text where
it applies. So each marker span is cut out and its citation's ``index`` is where the span began, in
the text that remains. A ``file_path`` covers the visible link (``sandbox:/mnt/data/…``): its text
stays, and its ``index`` is where that link begins in the text that remains. Positions count code
points, as the legacy ``start_index``/``end_index`` do. When the indexes do not hold the
annotation's own ``text`` but that text occurs exactly once, that occurrence is the span. An
annotation with no such span, or overlapping another, is not carried: it is reported, and the
text is kept whole.
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class Carried:
    """Text with its annotations in the target form, and the annotations that could not be carried."""

    text: str
    annotations: list[dict[str, Any]]
    dropped: list[dict[str, Any]]


def _marker_label(span: str) -> str | None:
    """``source`` in ``【4:0†source】``: the label after the dagger, when there is one."""
    inner = span[1:-1]
    _, dagger, label = inner.partition("†")
    return label.strip() or None if dagger else None


def _index(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _span(value: str, annotation: dict[str, Any]) -> tuple[int, int] | None:
    """Where the annotation's span is: its indexes when they hold its text, else its text's one occurrence."""
    start, end = _index(annotation.get("start_index")), _index(annotation.get("end_index"))
    text = annotation.get("text")
    placed = start is not None and end is not None and 0 <= start <= end <= len(value)
    if placed and (not isinstance(text, str) or value[start:end] == text):
        return start, end  # type: ignore[return-value]  # placed: both are ints
    if isinstance(text, str) and text and value.count(text) == 1:
        found = value.index(text)
        return found, found + len(text)
    return None


def _file_id(annotation: dict[str, Any], kind: str) -> str | None:
    inner = annotation.get(kind)
    file_id = inner.get("file_id") if isinstance(inner, dict) else None
    return file_id if isinstance(file_id, str) and file_id else None


def carry(value: str, annotations: list[Any]) -> Carried:
    """Move ``annotations`` of legacy text ``value`` into the Responses API's form (see the module docstring)."""
    dropped: list[dict[str, Any]] = []
    spans: list[tuple[int, int, str, str, dict[str, Any]]] = []
    for annotation in annotations:
        if not isinstance(annotation, dict):
            dropped.append({"annotation": annotation, "reason": "not an object"})
            continue
        kind = annotation.get("type")
        file_id = _file_id(annotation, kind) if kind in ("file_citation", "file_path") else None
        span = _span(value, annotation)
        if file_id is None or not isinstance(kind, str):
            dropped.append({"annotation": annotation, "reason": f"no equivalent for a {kind!r} annotation"})
        elif span is None:
            dropped.append(
                {"annotation": annotation, "reason": "neither its indexes nor its text locate it in the message text"}
            )
        else:
            spans.append((span[0], span[1], kind, file_id, annotation))
    spans.sort(key=lambda s: (s[0], s[1]))
    pieces: list[str] = []
    carried: list[dict[str, Any]] = []
    cursor = 0  # where the next piece of the legacy text begins
    length = 0  # how long the new text is so far
    for start, end, kind, file_id, annotation in spans:
        if start < cursor:
            dropped.append({"annotation": annotation, "reason": "it overlaps another annotation"})
            continue
        pieces.append(value[cursor:start])
        length += start - cursor
        covered = value[start:end]
        if kind == "file_citation":
            is_marker = covered.startswith("【") and covered.endswith("】")
            label = _marker_label(covered) if is_marker else None
            filename = label if label and label != "source" else file_id
            carried.append({"type": "file_citation", "file_id": file_id, "filename": filename, "index": length})
            if not is_marker:  # a citation over ordinary text keeps the text
                pieces.append(covered)
                length += len(covered)
        else:
            carried.append({"type": "file_path", "file_id": file_id, "index": length})
            pieces.append(covered)
            length += len(covered)
        cursor = end
    pieces.append(value[cursor:])
    return Carried("".join(pieces), carried, dropped)
