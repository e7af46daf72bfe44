"""SQLite behind a small pool of worker threads, one connection each, so the event loop never waits on the disk.

The file is in WAL mode (readers do not block the writer) with ``synchronous=FULL`` (a committed
write survives a power loss); writers take the lock up front (``BEGIN IMMEDIATE``) and wait up to
``busy_timeout`` for one another, including other processes using the same file.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ._backend import Row, Statement
from ._errors import StoreError
from ._schema import LATEST, VERSION_TABLE, Dialect, upgrade

T = TypeVar("T")


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout, check_same_thread=False)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA wal_autocheckpoint = 16384")  # 64 MiB between checkpoints, not 4: imports spend 5% less
    return db


def _transaction(db: sqlite3.Connection, statements: Sequence[Statement]) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            cursor = (
                db.executemany(statement.sql, statement.params)
                if statement.many
                else db.execute(statement.sql, statement.params)
            )
            statement.check(cursor.rowcount)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _schema(db: sqlite3.Connection, name: str) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(VERSION_TABLE)
        row = db.execute("SELECT max(version) FROM chatkit_schema").fetchone()
        current = row[0] or 0
        if current > LATEST:
            raise StoreError(f"{name} has store schema {current}, newer than this threadshim knows ({LATEST}): upgrade")
        for sql in upgrade("sqlite", current):
            db.execute(sql)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class SQLiteBackend:
    """One SQLite file, ``pool_size`` connections on as many threads (reads run side by side, writes in turn)."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: str | Path, *, pool_size: int = 4, busy_timeout: float = 30.0) -> None:
        if not isinstance(pool_size, int) or pool_size < 1:
            raise ValueError(f"pool_size must be a whole number of at least 1, not {pool_size!r}")
        self.path = Path(path)
        self.name = f"the SQLite store {self.path}"
        self._busy_timeout = busy_timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="threadshim-sqlite")
        self._ready: asyncio.Future[None] | None = None

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = _connect(self.path, self._busy_timeout)
            self._local.db = db
            with self._guard:
                self._all.append(db)
        return db

    async def _run(self, work: Callable[[sqlite3.Connection], T], doing: str = "failed") -> T:
        def call() -> T:
            try:
                return work(self._db())
            except sqlite3.Error as exc:
                raise StoreError(f"{self.name} {doing}: {exc}") from None

        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    async def prepare(self) -> None:
        """Create or upgrade the schema once, before the first query (concurrent first calls wait for it)."""
        if self._ready is None:
            self._ready = asyncio.get_running_loop().create_future()
            try:
                if self.path.parent and not self.path.parent.is_dir():
                    raise StoreError(f"cannot open {self.name}: the folder {self.path.parent} does not exist")
                await self._run(lambda db: _schema(db, self.name), "cannot be opened")
            except BaseException as exc:
                failed, self._ready = self._ready, None  # the next call tries again
                failed.set_exception(exc)
                failed.exception()  # retrieved here; callers waiting on it get it too
                raise
            self._ready.set_result(None)
        await asyncio.shield(self._ready)

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        """The rows one query returns."""
        await self.prepare()
        return await self._run(lambda db: db.execute(sql, params).fetchall())

    async def write(self, statements: Sequence[Statement]) -> None:
        """Run ``statements`` in one transaction."""
        await self.prepare()
        await self._run(lambda db: _transaction(db, statements))

    async def close(self) -> None:
        """Close every connection and stop the worker threads (waiting for a query still running)."""
        self._pool.shutdown(wait=True)
        with self._guard:
            for db in self._all:
                db.close()
            self._all.clear()
