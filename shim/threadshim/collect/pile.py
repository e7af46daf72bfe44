"""Threads and messages found in any order, grouped on disk (a temporary SQLite file) so memory stays bounded.

The same object found twice, identical (``None`` fields aside, keys in any order), counts once as a
duplicate. Two different copies of one id are a conflict: the copy kept is the one whose canonical
JSON (keys sorted) is longer, the one that says more, ties broken by that text, so the choice never
depends on the order the copies were found; both places are recorded. A message without an id
gets a deterministic one from its thread, its position there and its content.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from .._json import loads
from .records import MessageRecord, ThreadRecord, message_record
from .texts import Texts, TextsFile

SCHEMA = """
CREATE TABLE threads (id TEXT PRIMARY KEY, body TEXT NOT NULL, place TEXT NOT NULL, made INTEGER NOT NULL);
CREATE TABLE files (number INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);  -- where message texts are (texts.py)
CREATE TABLE messages (
    id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, created_at REAL, seq INTEGER NOT NULL,
    file INTEGER NOT NULL, at INTEGER NOT NULL, body_len INTEGER NOT NULL, unified_len INTEGER NOT NULL,
    place TEXT NOT NULL
);
CREATE INDEX messages_by_thread ON messages (thread_id, created_at, seq);  -- seq is unique: id never decides
CREATE TABLE counts (thread_id TEXT PRIMARY KEY, found INTEGER NOT NULL);
"""


_INSERT = (
    "INSERT INTO messages (thread_id, created_at, seq, file, at, body_len, unified_len, place, id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)
_ORDER = (
    "DROP TABLE IF EXISTS ordered",
    "CREATE TABLE ordered (id TEXT PRIMARY KEY, at)",
    "CREATE INDEX ordered_by_time ON ordered (at IS NULL, at, id)",
    "INSERT INTO ordered SELECT id, json_extract(body, '$.created_at') FROM threads "
    "WHERE json_extract(body, '$.created_at') IS NOT NULL",
    "INSERT OR IGNORE INTO ordered SELECT thread_id, min(created_at) FROM messages GROUP BY thread_id",
    "INSERT OR IGNORE INTO ordered SELECT id, NULL FROM threads",
    "COMMIT",  # what was added is in the file for workers to read from here on
    "BEGIN",
)
"""The threads' order, built in the file: a saved thread's own time, else its first message's, else none (last)."""

CHUNK = 64
"""Threads read back from the pile at a time."""


class Kept(NamedTuple):
    """A thread as the archive holds it: its object, whether it was made from its messages, and its messages
    (canonical JSON, unified view, time) by ``created_at``, then the order found, then id.
    """

    id: str
    thread: dict[str, Any]
    synthesized: bool
    messages: list[tuple[str, str, float | None]]


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
        self._db.execute("PRAGMA page_size = 16384")
        self._db.execute("PRAGMA cache_size = -8192")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.executescript(SCHEMA)
        self._db.execute("BEGIN")
        self._seq = 0
        self.duplicates = 0
        self.conflicts: list[Conflict] = []
        self._own = TextsFile(folder / "texts-pile")
        self._files: dict[str, int] = {}
        self._texts = Texts(self._db)

    def close(self) -> None:
        """Drop the file and the pile's own texts (workers' texts files go with the scratch folder)."""
        self._own.close()
        self._texts.close()
        self._db.close()
        self.path.unlink(missing_ok=True)
        self._own.path.unlink(missing_ok=True)

    def add_thread(self, thread: ThreadRecord) -> None:
        """Add a thread object (its id checked by the caller)."""
        row = (thread.body, thread.place, int(thread.synthesized), thread.id)
        held = self._db.execute("SELECT body, place FROM threads WHERE id = ?", (thread.id,)).fetchone()
        if held is None:
            self._db.execute("INSERT INTO threads (body, place, made, id) VALUES (?, ?, ?, ?)", row)
        elif not self._settle("thread", thread.id, held, thread.body, thread.place):
            self._db.execute("UPDATE threads SET body = ?, place = ?, made = ? WHERE id = ?", row)

    def add_message(self, message: MessageRecord, texts: str | None = None) -> None:
        """Add a message (its ``thread_id`` checked by the caller); one without an id is given one.

        ``texts``: the file a worker wrote the message's texts to (at ``message.stored``); else they
        are written to the pile's own.
        """
        if message.id is None or (message.unified is None and message.stored is None):
            message = self._named(message)
        if message.stored is None or texts is None:
            file, stored = self._number(str(self._own.path)), self._own.add(message.body, str(message.unified))
        else:
            file, stored = self._number(texts), message.stored
        self._seq += 1
        row = (message.thread_id, message.created_at, self._seq, file, *stored, message.place, message.id)
        if self._db.execute(_INSERT, row).rowcount != 1:
            self._again(row)

    def add_stored(self, messages: Sequence[MessageRecord], texts: str) -> None:
        """Add messages a worker read, one after another (each with an id, its texts ``stored`` in ``texts``).

        One statement adds them all; then, only if some were not added, each of those is settled as
        :meth:`add_message` would, in the same order, against the copy held by then.
        """
        file, first = self._number(texts), self._seq + 1
        rows = [(m.thread_id, m.created_at, first + n, file, *(m.stored or ()), m.place, m.id)
                for n, m in enumerate(messages)]  # fmt: skip
        self._seq += len(rows)
        before = self._db.total_changes
        self._db.executemany(_INSERT, rows)
        if self._db.total_changes - before == len(rows):
            return
        for row in rows:  # a second copy was not added: the copy held has another seq
            if self._db.execute("SELECT seq FROM messages WHERE id = ?", (row[-1],)).fetchone()[0] != row[2]:
                self._again(row)

    def _again(self, row: tuple[Any, ...]) -> None:
        """Settle a second copy of a message (``row``: as inserted) against the one held."""
        held_file, *held_stored, held_place = self._db.execute(
            "SELECT file, at, body_len, unified_len, place FROM messages WHERE id = ?", (row[-1],)
        ).fetchone()
        held = (self._texts.read(held_file, tuple(held_stored))[0], held_place)
        if not self._settle("message", str(row[-1]), held, self._texts.read(row[3], row[4:7])[0], row[7]):
            self._db.execute(
                "UPDATE messages SET thread_id = ?, created_at = ?, seq = ?, file = ?, at = ?, body_len = ?, "
                "unified_len = ?, place = ? WHERE id = ?",
                row,
            )

    def _number(self, path: str) -> int:
        """The number of the texts file at ``path`` (numbered when first seen)."""
        number = self._files.get(path)
        if number is None:
            found = self._db.execute("INSERT INTO files (path) VALUES (?) RETURNING number", (path,)).fetchone()
            number = self._files[path] = int(found[0])
        return number

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

    def order(self) -> int:
        """Put every thread in the order :meth:`thread_ids` reads them in (once all are added); how many there are
        (saved, or only named by their messages).
        """
        for statement in _ORDER:
            self._db.execute(statement)
        return int(self._db.execute("SELECT count(*) FROM ordered").fetchone()[0])

    def holds(self, thread_id: str) -> bool:
        """Whether the thread is here (saved, or named by a message)."""
        found = self._db.execute(
            "SELECT EXISTS (SELECT 1 FROM threads WHERE id = ?) OR EXISTS (SELECT 1 FROM messages WHERE thread_id = ?)",
            (thread_id, thread_id),
        )
        return bool(found.fetchone()[0])

    def thread_ids(self) -> Iterator[str]:
        """Every thread, by its creation time (a synthesized one's: its first message's), then id, as they are read.

        The order is built by :meth:`order` (here, if it has not been) as a table with an index, in the
        file, so no sort of every id waits in memory: a saved thread's own time first, else its first
        message's, else none (those come last).
        """
        if not self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'ordered'").fetchone():
            self.order()
        for (thread_id,) in self._db.execute("SELECT id FROM ordered ORDER BY at IS NULL, at, id"):
            yield str(thread_id)

    def chunks(self) -> Iterator[tuple[str, ...]]:
        """Every thread's id in :meth:`thread_ids`' order, ``CHUNK`` at a time."""
        ids = self.thread_ids()
        while chunk := tuple(itertools.islice(ids, CHUNK)):
            yield chunk

    def kept(self, chunk: Sequence[str]) -> list[Kept]:
        """The threads of ``chunk`` with their messages, in its order."""
        return kept(self._db, self._texts, chunk)


def reader(path: str) -> sqlite3.Connection:
    """A read-only connection to the pile at ``path`` (once :meth:`Pile.thread_ids` has begun), for another process."""
    db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True, isolation_level=None)
    db.execute("PRAGMA cache_size = -8192")
    return db


def kept(db: sqlite3.Connection, texts: Texts, chunk: Sequence[str]) -> list[Kept]:
    """The threads of ``chunk`` (ids the pile holds) with their messages, in its order, read from ``db`` and the
    texts files it numbers.
    """
    marks = ",".join("?" * len(chunk))
    saved = {row[0]: row[1:] for row in db.execute(f"SELECT id, body, made FROM threads WHERE id IN ({marks})", chunk)}
    held: dict[str, list[tuple[str, str, float | None]]] = {thread_id: [] for thread_id in chunk}
    for thread_id, file, at, body, unified, created_at in db.execute(
        f"SELECT thread_id, file, at, body_len, unified_len, created_at FROM messages WHERE thread_id IN ({marks}) "
        "ORDER BY thread_id, created_at IS NULL, created_at, seq, id",
        chunk,
    ):
        held[thread_id].append((*texts.read(file, (at, body, unified)), created_at))
    return [_kept(thread_id, saved.get(thread_id), held[thread_id]) for thread_id in chunk]


def _kept(thread_id: str, saved: tuple[str, int] | None, messages: list[tuple[str, str, float | None]]) -> Kept:
    """A thread as written: the object kept, or one made from its messages (its ``created_at`` the first
    message's, no metadata), whether it was made, and its messages.
    """
    if saved is not None and not saved[1]:
        return Kept(thread_id, loads(saved[0]), False, messages)
    made: dict[str, Any] = loads(saved[0]) if saved is not None else {"id": thread_id, "object": "thread"}
    made.setdefault("metadata", {})
    times = [at for _, _, at in messages if at is not None]
    if times and "created_at" not in made:
        made["created_at"] = int(min(times))
    return Kept(thread_id, made, True, messages)
