"""Target threads several legacy threads share (an Agents session with ``--concatenate``): whose part is where.

A target that puts several legacy threads into one of its own records, for each, where its part
starts (a ``slice`` row: the shared thread's id, the offset, when the legacy thread was made).
Reconcile, repair and undo then compare each legacy thread with its own part alone.
"""

from __future__ import annotations

from typing import Any

from .._errors import JournalError
from .._journal import Journal
from .._journal_rows import TargetRow
from .held import Held

SLICE = "slice"
"""The journal's target-row kind of where a thread starts in a shared one: session, offset, created_at."""


def where_of(legacy_id: str, row: TargetRow) -> tuple[str, int, float]:
    """A slice row's session, offset and creation time; :class:`JournalError` when the journal was damaged."""
    data = row.data
    try:
        return str(data["session"]), int(data["offset"]), float(data["created_at"])
    except (KeyError, TypeError, ValueError) as exc:
        raise JournalError(f"the journal's record of where thread {legacy_id} starts in its session is damaged") from (
            exc
        )


def slice_row(session: str, offset: int, created_at: float) -> dict[str, Any]:
    """The journal row of where a thread starts in the shared ``session``."""
    return {"session": session, "offset": offset, "created_at": created_at}


def slices(journal: Journal) -> dict[str, tuple[int, int | None]]:
    """Each thread of a shared session: the items of the session that are its own (``[start, end)``, None: the rest).

    Threads are ordered by where they start (then when they were made); the last one's part runs to
    the session's end, so items someone added afterwards are its extra ones.
    """
    by_session: dict[str, list[tuple[int, float, str]]] = {}
    for legacy_id, row in journal.rows_of_kind(SLICE):
        session, offset, created = where_of(legacy_id, row)
        by_session.setdefault(session, []).append((offset, created, legacy_id))
    found: dict[str, tuple[int, int | None]] = {}
    for members in by_session.values():
        members.sort()
        for n, (offset, _, legacy_id) in enumerate(members):
            found[legacy_id] = (offset, members[n + 1][0] if n + 1 < len(members) else None)
    return found


def part(held: Held, where: tuple[int, int | None]) -> Held:
    """The items of ``held`` in ``[start, end)`` (the thread's own part of a shared session)."""
    start, end = where
    return Held(held.fields, held.items[start:end], held.item_ids[start:end])
