"""Threads and messages found in any order, grouped on disk (a temporary SQLite file) so memory stays bounded.

The same object found twice, identical (``None`` fields aside, keys in any order), counts once as a
duplicate. Two different copies of one id are a conflict: the copy kept is the one whose canonical
JSON (keys sorted) is longer, the one that says more, ties broken by that text, so the choice never
depends on the order the copies were found; both places are recorded. A message without an id
gets a deterministic one from its thread, its position there and its content.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .._json import loads
from .records import MessageRecord, ThreadRecord, message_record

SCHEMA = """
CREATE TABLE threads (id TEXT PRIMARY KEY, body TEXT NOT NULL, place TEXT NOT NULL, made INTEGER NOT NULL);
CREATE TABLE messages (
    id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, created_at REAL, seq INTEGER NOT NULL,
    body TEXT NOT NULL, unified TEXT NOT NULL, place TEXT NOT NULL
);
CREATE INDEX messages_by_thread ON messages (thread_id, created_at, seq, id);
CREATE TABLE counts (thread_id TEXT PRIMARY KEY, found INTEGER NOT NULL);
"""


@attrs.frozen
class Conflict:
    """Two different copies of one id: which was kept and which was not, by place."""

    kind: str
    id: str
    kept: str
    other: str


def _better(text: str, than: str) -> bool:
    return (len(text), text) > (len(than), than)


class Pile:
    """Collected threads and messages in a temporary SQLite file under ``folder``, removed on :meth:`close`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "collect.pile.db"
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute(
            "PRAGMA page_size = 65536"
        )  # rows of a few kilobytes: twice as fast to add as with 4 KiB pages
        self._db.execute("PRAGMA cache_size = -65536")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.executescript(SCHEMA)
        self._db.execute("BEGIN")
        self._seq = 0
        self.duplicates = 0
        self.conflicts: list[Conflict] = []

    def close(self) -> None:
        """Drop the file."""
        self._db.close()
        self.path.unlink(missing_ok=True)

    def add_thread(self, thread: ThreadRecord) -> None:
        """Add a thread object (its id checked by the caller)."""
        row = (thread.body, thread.place, int(thread.synthesized), thread.id)
        held = self._db.execute("SELECT body, place FROM threads WHERE id = ?", (thread.id,)).fetchone()
        if held is None:
            self._db.execute("INSERT INTO threads (body, place, made, id) VALUES (?, ?, ?, ?)", row)
        elif not self._settle("thread", thread.id, held, thread.body, thread.place):
            self._db.execute("UPDATE threads SET body = ?, place = ?, made = ? WHERE id = ?", row)

    def add_message(self, message: MessageRecord) -> None:
        """Add a message (its ``thread_id`` checked by the caller); one without an id is given one."""
        if message.id is None or message.unified is None:
            message = self._named(message)
        self._seq += 1
        row = (
            message.thread_id,
            message.created_at,
            self._seq,
            message.body,
            message.unified,
            message.place,
            message.id,
        )
        added = self._db.execute(
            "INSERT INTO messages (thread_id, created_at, seq, body, unified, place, id) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            row,
        )
        if added.rowcount == 1:
            return
        held = self._db.execute("SELECT body, place FROM messages WHERE id = ?", (message.id,)).fetchone()
        if not self._settle("message", str(message.id), held, message.body, message.place):
            self._db.execute(
                "UPDATE messages SET thread_id = ?, created_at = ?, seq = ?, body = ?, unified = ?, place = ? "
                "WHERE id = ?",
                row,
            )

    def _named(self, message: MessageRecord) -> MessageRecord:
        """The message with its id: from its thread, its position among the thread's messages found, and its JSON."""
        found = self._db.execute(
            "INSERT INTO counts VALUES (?, 1) ON CONFLICT (thread_id) DO UPDATE SET found = found + 1 RETURNING found",
            (message.thread_id,),
        ).fetchone()[0]
        digest = hashlib.sha256(f"{message.thread_id}\n{found - 1}\n{message.body}".encode()).hexdigest()
        return message_record({"id": f"msg_{digest[:24]}", **json.loads(message.body)}, message.place)

    def _settle(self, kind: str, object_id: str, held: tuple[str, str], body: str, place: str) -> bool:
        """Count a second copy; True when the one held stays (identical, or it says more)."""
        text, where = held
        if text == body:
            self.duplicates += 1
            return True
        keep_held = not _better(body, text)
        self.conflicts.append(Conflict(kind, object_id, where if keep_held else place, place if keep_held else where))
        return keep_held

    def count(self) -> int:
        """How many threads there are (saved, or only named by their messages)."""
        found = self._db.execute("SELECT count(*) FROM (SELECT id FROM threads UNION SELECT thread_id FROM messages)")
        return int(found.fetchone()[0])

    def holds(self, thread_id: str) -> bool:
        """Whether the thread is here (saved, or named by a message)."""
        found = self._db.execute(
            "SELECT EXISTS (SELECT 1 FROM threads WHERE id = ?) OR EXISTS (SELECT 1 FROM messages WHERE thread_id = ?)",
            (thread_id, thread_id),
        )
        return bool(found.fetchone()[0])

    def thread_ids(self) -> Iterator[str]:
        """Every thread, by its creation time (a synthesized one's: its first message's), then id, as they are read."""
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")
        rows = self._db.execute(
            "WITH ids AS (SELECT id FROM threads UNION SELECT DISTINCT thread_id FROM messages) "
            "SELECT ids.id, coalesce(json_extract(t.body, '$.created_at'), "
            "(SELECT min(created_at) FROM messages m WHERE m.thread_id = ids.id)) AS at "
            "FROM ids LEFT JOIN threads t ON t.id = ids.id ORDER BY at IS NULL, at, ids.id"
        )
        for thread_id, _ in rows:
            yield str(thread_id)

    def thread(self, thread_id: str) -> tuple[dict[str, Any], bool]:
        """The thread object kept for ``thread_id`` and whether it was synthesized (from its messages, or rows).

        A thread found only through its messages is made from them: its ``created_at`` the first
        message's, no metadata.
        """
        row = self._db.execute("SELECT body, made FROM threads WHERE id = ?", (thread_id,)).fetchone()
        if row is not None and not row[1]:
            return loads(row[0]), False
        made: dict[str, Any] = loads(row[0]) if row is not None else {"id": thread_id, "object": "thread"}
        made.setdefault("metadata", {})
        first = self._db.execute("SELECT min(created_at) FROM messages WHERE thread_id = ?", (thread_id,)).fetchone()
        if first[0] is not None and "created_at" not in made:
            made["created_at"] = int(first[0])
        return made, True

    def messages(self, thread_id: str) -> list[tuple[str, str, float | None]]:
        """A thread's messages (canonical JSON, unified view, time) by ``created_at``, then the order found, then id."""
        rows = self._db.execute(
            "SELECT body, unified, created_at FROM messages WHERE thread_id = ? "
            "ORDER BY created_at IS NULL, created_at, seq, id",
            (thread_id,),
        )
        return rows.fetchall()
