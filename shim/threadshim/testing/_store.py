"""The emulator's state: JSON objects in SQLite, in memory unless a file is named.

Objects are kept exactly as the API would send them; listing pages through them in creation
order with the API's cursor rules.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import attrs

Kind = Literal[
    "thread",
    "message",
    "chatkit_thread",
    "chatkit_item",
    "conversation",
    "conversation_item",
    "response",
    "scripted_reply",
]
Order = Literal["asc", "desc"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    parent TEXT,
    owner TEXT,
    created_at INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_listing ON objects (kind, parent, created_at, seq);
CREATE INDEX IF NOT EXISTS objects_owner ON objects (kind, owner, created_at, seq);
"""


@attrs.frozen
class Page:
    """One page of a listing, in the order asked for."""

    data: list[dict[str, Any]]
    has_more: bool


class Store:
    """A thread-safe collection of API objects keyed by id."""

    def __init__(self, path: str = ":memory:") -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()

    @contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    def put(
        self,
        kind: Kind,
        body: dict[str, Any],
        *,
        parent: str | None = None,
        owner: str | None = None,
        created: int | None = None,
    ) -> None:
        """Insert or replace an object; ``id`` and ``created_at`` come from the body unless ``created`` is given."""
        created = created if created is not None else body.get("created_at")
        row = (kind, body["id"], parent, owner, created if isinstance(created, int) else 0, json.dumps(body))
        with self._locked() as db:
            db.execute(
                "INSERT INTO objects (kind, id, parent, owner, created_at, body) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET body = excluded.body, owner = excluded.owner",
                row,
            )

    def get(self, kind: Kind, object_id: str, *, parent: str | None = None) -> dict[str, Any] | None:
        """Return the object, or None when there is none of that kind (and parent)."""
        with self._locked() as db:
            row = db.execute(
                "SELECT body FROM objects WHERE kind = ? AND id = ? AND (? IS NULL OR parent = ?)",
                (kind, object_id, parent, parent),
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def taken(self, object_id: str) -> bool:
        """Whether any object, of any kind, has this id (ids are unique across kinds)."""
        with self._locked() as db:
            return db.execute("SELECT 1 FROM objects WHERE id = ?", (object_id,)).fetchone() is not None

    def delete(self, kind: Kind, object_id: str) -> bool:
        """Delete an object and everything whose parent it is; say whether it existed."""
        with self._locked() as db:
            gone = db.execute("DELETE FROM objects WHERE kind = ? AND id = ?", (kind, object_id)).rowcount
            if gone:
                db.execute("DELETE FROM objects WHERE parent = ?", (object_id,))
        return bool(gone)

    def ids(self, kind: Kind) -> list[str]:
        """The ids of every object of a kind, in creation order."""
        with self._locked() as db:
            rows = db.execute("SELECT id FROM objects WHERE kind = ? ORDER BY created_at, seq", (kind,)).fetchall()
        return [row[0] for row in rows]

    def count(self, kind: Kind) -> int:
        """Return how many objects of a kind there are."""
        with self._locked() as db:
            return int(db.execute("SELECT COUNT(*) FROM objects WHERE kind = ?", (kind,)).fetchone()[0])

    def page(
        self,
        kind: Kind,
        *,
        parent: str | None = None,
        owner: str | None = None,
        order: Order = "desc",
        limit: int = 20,
        after: str | None = None,
        before: str | None = None,
    ) -> Page:
        """Return up to ``limit`` objects after/before cursors, in creation order or its reverse.

        ``after`` continues past the cursor in the chosen order; ``before`` alone returns the
        objects just ahead of it, still in the chosen order; both together bound a window read
        from ``after``. A cursor that names no object of the collection gives an empty page, as
        no known object follows it. ``has_more`` says whether the listing goes on past the page
        in the direction of travel.
        """
        where = ["kind = ?"]
        args: list[Any] = [kind]
        for column, value in (("parent", parent), ("owner", owner)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        forward = before is None or after is not None
        ascending = (order == "asc") == forward
        with self._locked() as db:
            for cursor, later in ((after, order == "asc"), (before, order != "asc")):
                if cursor is None:
                    continue
                mark = db.execute(
                    f"SELECT created_at, seq FROM objects WHERE {' AND '.join(where)} AND id = ?", (*args, cursor)
                ).fetchone()
                if mark is None:
                    return Page(data=[], has_more=False)
                where.append("(created_at, seq) > (?, ?)" if later else "(created_at, seq) < (?, ?)")
                args.extend(mark)
            direction = "ASC" if ascending else "DESC"
            rows = db.execute(
                f"SELECT body FROM objects WHERE {' AND '.join(where)} "
                f"ORDER BY created_at {direction}, seq {direction} LIMIT ?",
                (*args, limit + 1),
            ).fetchall()
        data = [json.loads(row[0]) for row in rows[:limit]]
        if not forward:
            data.reverse()
        return Page(data=data, has_more=len(rows) > limit)

    def close(self) -> None:
        """Close the database."""
        with self._locked() as db:
            db.close()
