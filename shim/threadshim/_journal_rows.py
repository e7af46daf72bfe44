"""The rows of a migration journal as objects: a thread's entry, a target's own row, and a thread moved whole."""

from __future__ import annotations

import json
from typing import Any

import attrs

from ._errors import JournalError
from ._json import STORED_DEPTH, loads


@attrs.frozen
class Entry:
    """One legacy thread's row: its state, where it went, and what it lost (the same for every target)."""

    legacy_id: str
    state: str
    target_id: str | None
    total: int
    lossy: bool
    error: str | None
    losses: list[Any]
    kept: dict[str, Any]
    tools: list[dict[str, Any]]


@attrs.frozen
class TargetRow:
    """A row a target keeps for a thread under a kind it names: its position, its state and its data."""

    position: int
    state: str
    data: Any


COLUMNS = "legacy_id, state, target_id, total, lossy, error, losses, kept, tools"


def entry_of(row: tuple[Any, ...]) -> Entry:
    """An entry from a row of the threads table (its :data:`COLUMNS`, in order)."""
    legacy_id, state, target_id, total, lossy, error, losses, kept, tools = row
    try:
        parsed = [loads(text, STORED_DEPTH) for text in (losses, kept, tools)]
    except (TypeError, ValueError) as exc:
        raise JournalError(
            f"the journal's row for {legacy_id} is damaged ({exc}); restore the journal from a copy"
        ) from None
    return Entry(legacy_id, state, target_id, total, bool(lossy), error, *parsed)


def target_row_of(legacy_id: str, row: tuple[Any, ...]) -> TargetRow:
    """A target's row from its position, state and data (JSON text)."""
    position, state, data = row
    try:
        return TargetRow(int(position), str(state), loads(data, STORED_DEPTH))
    except (TypeError, ValueError) as exc:
        raise JournalError(
            f"the journal's row for {legacy_id} is damaged ({exc}); restore the journal from a copy"
        ) from None


@attrs.frozen
class Moved:
    """A thread written whole into its target in one step (a ChatKit store), for :meth:`Journal.done_many`.

    ``losses``, ``kept`` and ``tools`` are JSON text (made by :meth:`of`, wherever the plan was made).
    """

    legacy_id: str
    target_id: str
    total: int
    lossy: bool
    losses: str
    kept: str
    tools: str

    @classmethod
    def of(cls, legacy_id: str, target_id: str, total: int, losses: Any, kept: Any, tools: Any) -> Moved:
        """The row for a thread, its lost content, kept fields and tools as JSON."""
        return cls(legacy_id, target_id, total, bool(losses), json.dumps(losses), json.dumps(kept), json.dumps(tools))
