"""PostgreSQL through psycopg 3's async connections, from a psycopg_pool pool opened on first use.

Queries are written once with ``?`` placeholders (the SQLite style) and turned into psycopg's
``%s`` here. The schema is created or upgraded under a transaction-scoped advisory lock, so two
processes starting on an empty database do not race.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg_pool import AsyncConnectionPool

from ._backend import Row, Statement
from ._errors import StoreError
from ._schema import LATEST, VERSION_TABLE, Dialect, upgrade

_SCHEMA_LOCK = 0x74687368  # pg_advisory_xact_lock key: "thsh"
COPY_FROM = 100
"""From how many rows a many-row INSERT goes through COPY instead of one INSERT a row."""
_BULK = re.compile(r"INSERT INTO (chatkit_\w+) \(([\w, ]+)\) VALUES \([?, ]+\)(.*)", re.DOTALL)


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class PostgresBackend:
    """A PostgreSQL database; ``min_size`` to ``max_size`` pooled connections."""

    dialect: Dialect = "postgres"

    def __init__(
        self, conninfo: str, *, name: str, min_size: int = 1, max_size: int = 8, timeout: float = 30.0
    ) -> None:
        if (
            not isinstance(max_size, int)
            or max_size < 1
            or not isinstance(min_size, int)
            or not 0 <= min_size <= max_size
        ):
            raise ValueError(
                f"pool sizes must satisfy 0 <= min_size <= max_size, max_size >= 1: {min_size}, {max_size}"
            )
        self.name = name
        self._timeout = timeout
        self._conninfo = conninfo
        self._pool = AsyncConnectionPool(
            conninfo, min_size=min_size, max_size=max_size, timeout=timeout, open=False, kwargs={"autocommit": True}
        )
        self._ready: asyncio.Future[None] | None = None

    async def prepare(self) -> None:
        if self._ready is None:
            self._ready = asyncio.get_running_loop().create_future()
            try:
                await self._reach()
                await self._pool.open(wait=True, timeout=self._timeout)
                await self._schema()
            except BaseException as exc:
                failed, self._ready = self._ready, None
                failed.set_exception(exc)
                failed.exception()
                if isinstance(exc, (psycopg.Error, TimeoutError)):
                    raise StoreError(f"cannot open {self.name}: {_reason(exc)}") from None
                raise
            self._ready.set_result(None)
        await asyncio.shield(self._ready)

    async def _reach(self) -> None:
        """One plain connection first: a server that is not there fails at once with its reason."""
        conn = await psycopg.AsyncConnection.connect(self._conninfo, connect_timeout=max(1, round(self._timeout)))
        await conn.close()

    async def _schema(self) -> None:
        async with self._pool.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            await conn.execute(VERSION_TABLE)
            row = await (await conn.execute("SELECT max(version) FROM chatkit_schema")).fetchone()
            current = (row[0] if row else None) or 0
            if current > LATEST:
                raise StoreError(f"{self.name} has store schema {current}, newer than this threadshim knows: upgrade")
            for sql in upgrade("postgres", current):
                await conn.execute(sql.encode())

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        """The rows one query returns."""
        await self.prepare()
        try:
            async with self._pool.connection() as conn:
                cursor = await conn.execute(_pg(sql).encode(), params)
                return await cursor.fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"{self.name} failed: {_reason(exc)}") from None

    async def write(self, statements: Sequence[Statement]) -> None:
        """Run ``statements`` in one transaction."""
        await self.prepare()
        try:
            async with self._pool.connection() as conn, conn.transaction(), conn.cursor() as cursor:
                for statement in statements:
                    bulk = (
                        _BULK.fullmatch(statement.sql)
                        if statement.many and len(statement.params) >= COPY_FROM
                        else None
                    )
                    if bulk is not None:
                        await _copy_then_insert(cursor, bulk, statement.params)
                    elif statement.many:
                        await cursor.executemany(_pg(statement.sql).encode(), statement.params)
                    else:
                        await cursor.execute(_pg(statement.sql).encode(), statement.params)
                    statement.check(cursor.rowcount)
        except psycopg.Error as exc:
            raise StoreError(f"{self.name} failed: {_reason(exc)}") from None

    async def close(self) -> None:
        """Close the pool."""
        await self._pool.close()


async def _copy_then_insert(cursor: psycopg.AsyncCursor[Any], bulk: re.Match[str], rows: Sequence[Any]) -> None:
    """``INSERT … VALUES … ON CONFLICT …`` for many rows, as COPY into a scratch table and one INSERT from it.

    The scratch table numbers the rows as they arrive, and the INSERT takes them in that order, so
    ``seq`` is given out exactly as one INSERT a row would give it out.
    """
    table, columns, rest = bulk.group(1), bulk.group(2), bulk.group(3)
    await cursor.execute(b"DROP TABLE IF EXISTS pg_temp.threadshim_bulk")
    await cursor.execute(
        f"CREATE TEMP TABLE threadshim_bulk ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA".encode()
    )
    await cursor.execute(b"ALTER TABLE threadshim_bulk ADD COLUMN threadshim_order BIGSERIAL")
    async with cursor.copy(f"COPY threadshim_bulk ({columns}) FROM STDIN".encode()) as copy:
        for row in rows:
            await copy.write_row(row)
    select = f"SELECT {columns} FROM threadshim_bulk ORDER BY threadshim_order"
    await cursor.execute(f"INSERT INTO {table} ({columns}) {select} {rest}".encode())


def _reason(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
