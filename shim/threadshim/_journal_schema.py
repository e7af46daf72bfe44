"""The journal's tables, their version, and the upgrade of journals written by earlier releases.

Version 2 is target-neutral: ``threads`` holds what every target records of a thread (its state,
where it went, its losses and kept fields), and ``target_rows`` holds a target's own rows for a
thread (the Conversations target's batches and uncertain creates, say) under a kind it names.
Version 1 had Conversations' columns in ``threads`` and a ``batches`` table; it is upgraded in one
transaction when a run opens it, and read through an upgraded copy in memory when only read.
"""

from __future__ import annotations

import json
import sqlite3

SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS threads (
    legacy_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    target_id TEXT,
    total INTEGER NOT NULL DEFAULT 0,
    lossy INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    losses TEXT NOT NULL DEFAULT '[]',
    kept TEXT NOT NULL DEFAULT '{}',
    tools TEXT NOT NULL DEFAULT '[]',
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS target_rows (
    legacy_id TEXT NOT NULL REFERENCES threads (legacy_id),
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (legacy_id, kind, position)
);
"""

BATCH = "batch"
"""Version 1's batches become rows of this kind (the Conversations target's, under the name it uses)."""
UNCERTAIN_CREATE = "uncertain_create"
"""A create whose answer never came (it may have left an unreferenced thread in the target): one row each,
of any target that creates remotely; the summary and the report count them. Version 1's counts become these."""

_NEUTRAL = "legacy_id, state, target_id, total, lossy, error, losses, kept, tools, updated_at"


class NotAJournal(Exception):
    """The database has tables of another program (a ``threads`` table of other columns, say)."""


def layout(db: sqlite3.Connection) -> int:
    """The layout a database holds: 0 when it has no journal tables, 1 for version 1's, 2 for this one's."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(threads)")}
    if not columns:
        others = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        if others:
            raise NotAJournal(f"it holds tables of something else: {', '.join(others[:3])}")
        return 0
    missing = [name for name in ("legacy_id", "state", "target_id") if name not in columns]
    if missing:
        raise NotAJournal(f"its threads table has no {', '.join(missing)}")
    return 1 if "sent" in columns else 2


def upgrade(db: sqlite3.Connection) -> None:
    """Make the tables of this version, moving version 1's rows into them (inside the caller's transaction).

    The threads keep the order they were first seen in; every batch and every uncertain create is
    kept, as the Conversations target's rows.
    """
    if layout(db) == 1:
        db.execute("ALTER TABLE threads RENAME TO threads_v1")
        _make(db)
        db.execute(f"INSERT INTO threads ({_NEUTRAL}) SELECT {_NEUTRAL} FROM threads_v1 ORDER BY rowid")
        db.executemany(
            "INSERT INTO target_rows VALUES (?, ?, ?, ?, ?)",
            [
                (legacy_id, BATCH, first, state, json.dumps(_batch(count, message_ids, item_ids)))
                for legacy_id, first, count, state, message_ids, item_ids in db.execute("SELECT * FROM batches")
            ],
        )
        db.executemany(
            "INSERT INTO target_rows VALUES (?, ?, ?, 'counted', '{}')",
            [
                (legacy_id, UNCERTAIN_CREATE, n)
                for legacy_id, times in db.execute("SELECT legacy_id, uncertain_creates FROM threads_v1")
                for n in range(int(times))
            ],
        )
        db.execute("DROP TABLE batches")
        db.execute("DROP TABLE threads_v1")
    _make(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _make(db: sqlite3.Connection) -> None:
    """Create the tables one statement at a time (``executescript`` would commit the caller's transaction)."""
    for statement in (s for s in SCHEMA.split(";") if s.strip()):
        db.execute(statement)


def _batch(count: int, message_ids: str, item_ids: str | None) -> dict[str, object]:
    return {"count": count, "message_ids": _parsed(message_ids), "item_ids": _parsed(item_ids or "[]")}


def _parsed(text: str) -> object:
    """JSON text as its value; text that is not JSON (a damaged row) is kept as the text it is."""
    try:
        return json.loads(text)
    except ValueError:
        return text
