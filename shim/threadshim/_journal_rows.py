"""The rows of a migration journal as objects: a thread's entry, a batch, and a thread moved whole."""

from __future__ import annotations

import json
from typing import Any

import attrs

from ._errors import JournalError
from ._json import STORED_DEPTH, loads

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS threads (
    legacy_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    target_id TEXT,
    total INTEGER NOT NULL DEFAULT 0,
    sent INTEGER NOT NULL DEFAULT 0,
    uncertain_creates INTEGER NOT NULL DEFAULT 0,
    lossy INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    losses TEXT NOT NULL DEFAULT '[]',
    kept TEXT NOT NULL DEFAULT '{}',
    tools TEXT NOT NULL DEFAULT '[]',
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS batches (
    legacy_id TEXT NOT NULL REFERENCES threads (legacy_id),
    first_item INTEGER NOT NULL,
    count INTEGER NOT NULL,
    state TEXT NOT NULL,
    message_ids TEXT NOT NULL,
    item_ids TEXT,
    PRIMARY KEY (legacy_id, first_item)
);
"""


@attrs.frozen
class Entry:
    """One legacy thread's row: its state, where it went, how far it got, and what it lost."""

    legacy_id: str
    state: str
    target_id: str | None
    total: int
    sent: int
    uncertain_creates: int
    lossy: bool
    error: str | None
    losses: list[Any]
    kept: dict[str, Any]
    tools: list[dict[str, Any]]


@attrs.frozen
class Batch:
    """A batch of items sent to a thread's target: where it starts, how many, and whether it was confirmed."""

    first_item: int
    count: int
    confirmed: bool


COLUMNS = "legacy_id, state, target_id, total, sent, uncertain_creates, lossy, error, losses, kept, tools"


def entry_of(row: tuple[Any, ...]) -> Entry:
    """An entry from a row of the threads table (its :data:`COLUMNS`, in order)."""
    legacy_id, state, target_id, total, sent, uncertain, lossy, error, losses, kept, tools = row
    try:
        parsed = [loads(text, STORED_DEPTH) for text in (losses, kept, tools)]
    except (TypeError, ValueError) as exc:
        raise JournalError(
            f"the journal's row for {legacy_id} is damaged ({exc}); restore the journal from a copy"
        ) from None
    return Entry(legacy_id, state, target_id, total, sent, uncertain, bool(lossy), error, *parsed)


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
