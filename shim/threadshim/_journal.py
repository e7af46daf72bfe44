"""The migration journal: one SQLite file that records where each legacy thread went, whatever the target.

Every target records the same thing of a thread (its state, where it went, what it lost, the fields
kept); a target that writes a thread in several steps keeps its own rows beside it (the Conversations
target: every batch sent, every create whose answer never came). Each record is synced before the
request it announces goes out, so after a crash the journal says exactly what was confirmed and
which one batch per thread may have been sent without an answer; concurrent tasks share commits
(``_journal_commit``). A plain SQLite file (``_journal_files``): read it with any SQLite tool, copy
it when no run holds it. ``PRAGMA user_version`` is the schema version (``_journal_schema``).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import _journal_files
from ._errors import JournalError, JournalWriteError
from ._journal_commit import GroupCommit, Work
from ._journal_files import at_rest, write_ahead
from ._journal_rows import COLUMNS, Entry, Moved, entry_of
from ._journal_schema import SCHEMA_VERSION, NotAJournal, layout, upgrade
from ._journal_settings import recorded_identity, recorded_target
from ._journal_target_rows import JournalRows

STATES = ("creating", "sending", "done", "skipped", "failed", "undone")
"""creating: nothing of it is known to be in the target; sending: its target holds part of it; then done,
skipped or failed; undone: what the migration made of it was removed (it moves again on the next run)."""


class Journal(JournalRows):
    """Read and write a migration journal: one journal, one target.

    ``target`` is the kind (``"conversations"``, ``"chatkit"``), ``identity`` the one target of it (an
    API's base URL, organization and project; a store's resolved location, never a password). Both
    are recorded on first use and any other is refused: a staging journal never says "done" for
    production. A journal from before identities adopts the next one (:attr:`adopted` says so).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        target: str | None = None,
        identity: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.adopted = False
        if read_only and not self.path.is_file():
            raise JournalError(f"no migration journal at {self.path}; pass the file `threadshim migrate` wrote")
        self._lock = threading.RLock()  # one writing connection, shared by threads (a sync client's, the committer)
        self._in_transaction = False
        self._owner: int | None = None  # the thread inside a transaction, if one is
        self._reads: sqlite3.Connection | None = None  # reads beside the writer (WAL), while a run writes
        self._read_lock = threading.Lock()
        self._group: GroupCommit | None = None
        try:
            self._db = _journal_files.connect(self.path, read_only)
            try:
                self._setup(target, identity, read_only)
            except BaseException:
                self._db.close()  # a refused journal keeps no connection open
                raise
        except (sqlite3.DatabaseError, NotAJournal) as exc:
            raise JournalError(f"{self.path} is not a migration journal ({exc}); name another file") from None

    def _setup(self, target: str | None, identity: str | None, read_only: bool) -> None:
        self._db.execute("PRAGMA synchronous = FULL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(f"{self.path} is a journal of a newer threadshim (schema {version}); upgrade")
        if not read_only:  # in one transaction: a run killed here leaves the tables whole (or as they were)
            self._transaction(lambda: upgrade(self._db))
        elif layout(self._db) < 2:
            # an earlier release's journal is read through an upgraded copy; an empty database (a run killed
            # before it made its tables) records nothing, so it reads as a journal with nothing in it
            copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._db.backup(copy)
            self._db.close()
            self._db = copy
            self._transaction(lambda: upgrade(self._db))
        self.target = recorded_target(self._db, self.path, target, read_only)
        self.identity, self.adopted = recorded_identity(self._db, self.path, self.target, identity, read_only)
        if not read_only:
            self._reads = write_ahead(self._db, self.path)

    def close(self) -> None:
        """Write what is queued, close the file and leave it one file at rest."""
        if self._group is not None:
            self._group.close()
            self._group = None
        if self._reads is not None:
            self._reads.close()
            self._reads = None
            at_rest(self._db)
        self._db.close()

    def later(self, work: Work) -> None:
        """Queue ``work`` (this journal's writes) for the next group commit; it is durable once anything
        queued after it is, and before any transaction opened after it (queued records keep their order).
        """
        self._committer().put(work)

    async def durable(self, work: Work | None = None) -> None:
        """Queue ``work``; return once it and all queued before are committed and synced (with other tasks')."""
        await self._committer().durable(work)

    def share_commits(self, tasks: int) -> None:
        """Say how many tasks write at once: a group commit waits (briefly) for half of them to join it."""
        self._committer().quorum = max(1, tasks // 2)

    @property
    def commits(self) -> int:
        """How many group commits this journal made (each one transaction and one sync)."""
        return self._group.commits if self._group is not None else 0

    def _committer(self) -> GroupCommit:
        self._group = self._group or GroupCommit(self.transaction, str(self.path))
        return self._group

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, row: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """What is committed, read beside a commit in progress; inside a transaction, what it wrote so far."""
        if self._reads is not None and self._owner != threading.get_ident():
            with self._read_lock:
                return self._reads.execute(sql, row).fetchall()
        with self._lock:
            return self._db.execute(sql, row).fetchall()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Make every write inside one transaction, synced to disk when the block ends (none of it if it raises).

        SQLite's failures (a read-only journal, a full disk, a lock held too long, a value it cannot
        store) become a :class:`JournalWriteError` naming the file, on every Python version. Records
        queued for a group commit before it are written first.
        """
        group, here = self._group, threading.current_thread()
        if group is not None and self._owner != here.ident and group.thread is not here:
            group.flush()
        with self._lock:
            if self._in_transaction:  # already inside one: the outer block commits
                yield
                return
            self._in_transaction, self._owner = True, threading.get_ident()
            try:
                self._sql("BEGIN IMMEDIATE")
                try:
                    yield
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._sql("COMMIT")
            finally:
                self._in_transaction, self._owner = False, None

    def _sql(self, sql: str, row: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, row)
        except sqlite3.Error as exc:
            raise JournalWriteError(f"cannot write the migration journal {self.path}: {exc}") from None

    def _transaction(self, work: Callable[[], object]) -> None:
        with self.transaction():
            try:
                work()
            except sqlite3.Error as exc:
                raise JournalWriteError(f"cannot write the migration journal {self.path}: {exc}") from None

    def _write(self, sql: str, row: tuple[Any, ...]) -> None:
        with self.transaction():
            self._sql(sql, row)

    def entry(self, legacy_id: str) -> Entry | None:
        """The row of ``legacy_id``, or None when the journal has never seen it."""
        rows = self._query(f"SELECT {COLUMNS} FROM threads WHERE legacy_id = ?", (legacy_id,))
        return entry_of(rows[0]) if rows else None

    def entries(self) -> list[Entry]:
        """Every row, in the order the threads were first seen."""
        return [entry_of(r) for r in self._query(f"SELECT {COLUMNS} FROM threads ORDER BY rowid", ())]

    def states(self) -> dict[str, str]:
        """Every thread's state, in one query (for a run deciding what is left to do)."""
        return {
            str(legacy_id): str(state) for legacy_id, state in self._query("SELECT legacy_id, state FROM threads", ())
        }

    def started(self) -> set[str]:
        """The threads not done whose target holds some of their items already (finished whatever they lose)."""
        rows = self._query("SELECT legacy_id FROM threads WHERE state != 'done' AND target_id IS NOT NULL", ())
        return {str(legacy_id) for (legacy_id,) in rows}

    def target_of(self, legacy_id: str) -> str | None:
        """Where a migrated thread now lives (its id in the target), or None when it is not (yet) migrated."""
        rows = self._query(
            "SELECT target_id FROM threads WHERE legacy_id = ? AND state = 'done' AND target_id IS NOT NULL",
            (legacy_id,),
        )
        return str(rows[0][0]) if rows else None

    def plan(self, legacy_id: str, *, total: int, lossy: bool, losses: Any, kept: Any, tools: Any) -> None:
        """Record a thread about to be migrated (creating) with what it will lose, keeping any progress made."""
        row = (legacy_id, total, int(lossy), json.dumps(losses), json.dumps(kept), json.dumps(tools), time.time())
        self._write(
            "INSERT INTO threads (legacy_id, state, total, lossy, losses, kept, tools, updated_at) "
            "VALUES (?, 'creating', ?, ?, ?, ?, ?, ?) ON CONFLICT (legacy_id) DO UPDATE SET "
            "state = CASE WHEN target_id IS NULL THEN 'creating' ELSE 'sending' END, total = excluded.total, "
            "lossy = excluded.lossy, losses = excluded.losses, kept = excluded.kept, tools = excluded.tools, "
            "error = NULL, updated_at = excluded.updated_at",
            row,
        )

    def finish(self, legacy_id: str, state: str, error: str | None = None) -> None:
        """Record the end of a thread: done, skipped (with why) or failed (with why)."""
        if state not in ("done", "skipped", "failed"):
            raise ValueError(f"not a final state: {state!r}")
        self._write(
            "INSERT INTO threads (legacy_id, state, error, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (legacy_id) DO UPDATE SET state = excluded.state, error = excluded.error, "
            "updated_at = excluded.updated_at",
            (legacy_id, state, error, time.time()),
        )

    def skip(self, legacy_id: str, *, total: int, losses: Any, kept: Any, tools: Any, reason: str) -> None:
        """Record a thread left out (it would lose content and lossy threads were not allowed)."""
        row = (legacy_id, reason, total, json.dumps(losses), json.dumps(kept), json.dumps(tools), time.time())
        self._write(
            "INSERT INTO threads (legacy_id, state, error, total, lossy, losses, kept, tools, updated_at) "
            "VALUES (?, 'skipped', ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (legacy_id) DO UPDATE SET "
            "state = 'skipped', error = excluded.error, losses = excluded.losses, updated_at = excluded.updated_at",
            row,
        )

    def done_many(self, threads: list[Moved]) -> None:
        """Record threads written whole into their target (ids, counts, losses, kept fields) in one transaction."""
        now = time.time()
        rows = [(m.legacy_id, m.target_id, m.total, int(m.lossy), m.losses, m.kept, m.tools, now) for m in threads]
        sql = (
            "INSERT INTO threads (legacy_id, state, target_id, total, lossy, losses, kept, tools, updated_at) "
            "VALUES (?, 'done', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (legacy_id) DO UPDATE SET state = 'done', "
            "target_id = excluded.target_id, total = excluded.total, lossy = excluded.lossy, "
            "losses = excluded.losses, kept = excluded.kept, tools = excluded.tools, error = NULL, "
            "updated_at = excluded.updated_at"
        )
        self._transaction(lambda: self._db.executemany(sql, rows))

    def holds(self, legacy_id: str, target_id: str) -> None:
        """Record that ``target_id`` in the target holds part of the thread (it goes on there, never elsewhere)."""
        self._write(
            "UPDATE threads SET state = 'sending', target_id = ?, updated_at = ? WHERE legacy_id = ?",
            (target_id, time.time(), legacy_id),
        )
