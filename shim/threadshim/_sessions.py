"""The Agents SDK sessions a URL names: ``SQLiteSession``, ``SQLAlchemySession`` on PostgreSQL, or a factory's.

``sqlite:///agents.db`` gives each session id a ``SQLiteSession`` on that file;
``postgresql://…`` a ``SQLAlchemySession`` on one shared async engine (psycopg 3), its tables
created as the SDK creates them; ``python:package.module:factory`` whatever ``factory(session_id)``
returns (or awaits to), so a Redis, MongoDB or encrypted session works without threadshim knowing it.
Needs the ``agents`` extra (the migration target and the successor source import it when chosen).
"""

from __future__ import annotations

import importlib
import inspect
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from agents import SQLiteSession
from agents.memory import Session

from ._db_urls import SESSION_URL_FORMS, database_identity, redact_url, sqlite_file
from ._errors import ConfigurationError, TargetUnusable


class BadSessionsURL(ConfigurationError, ValueError):
    """A sessions URL threadshim cannot use (a usage error: exit code 2 on the command line)."""


def sessions_file(url: str) -> Path | None:
    """The SQLite file a ``sqlite:///…`` sessions URL names, or None."""
    return sqlite_file(url, what="sessions database", refuse=BadSessionsURL)


def sessions_identity(url: str) -> str:
    """The one place a sessions URL names, as a journal records it (never a password)."""
    if url.startswith("python:"):
        return url
    if url.partition("://")[0].lower() not in ("sqlite", "postgresql", "postgres"):
        raise BadSessionsURL(f"cannot use sessions {redact_url(url)!r}: expected {SESSION_URL_FORMS}")
    return database_identity(url, what="sessions database", refuse=BadSessionsURL)


def _factory(url: str) -> Any:
    module_name, _, name = url.removeprefix("python:").partition(":")
    if not module_name or not name:
        raise BadSessionsURL(f"cannot use {url!r}: a factory is python:package.module:function")
    try:
        found = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError) as exc:
        raise BadSessionsURL(f"cannot load the session factory {url!r}: {exc}") from None
    if not callable(found):
        raise BadSessionsURL(f"{url!r} is not a function that makes a session for a session id")
    return found


class Sessions:
    """Opens the session of any id at ``url``; :meth:`open` first, :meth:`close` last."""

    def __init__(self, url: str, connections: int = 8) -> None:
        self.url = url
        self.connections = connections  # PostgreSQL: the pool holds one for each write at once, none made per write
        self.identity = sessions_identity(url)
        self.file = sessions_file(url)
        self._engine: Any = None
        self._factory: Any = None
        self._reader: sqlite3.Connection | None = None

    async def open(self) -> None:
        """Check the sessions can be reached (a database that cannot be is refused here, in one line)."""
        if self.url.startswith("python:"):
            self._factory = _factory(self.url)
            return
        if self.file is not None:
            if not self.file.parent.is_dir():
                raise TargetUnusable(f"cannot write sessions into {self.file}: its folder does not exist")
            return
        from sqlalchemy.ext.asyncio import create_async_engine

        rest = self.url.partition("://")[2]
        self._engine = create_async_engine(f"postgresql+psycopg://{rest}", pool_size=self.connections)
        try:
            async with self._engine.connect():
                pass
        except Exception as exc:  # a wrong host, password or database: say which, without the password
            await self._engine.dispose()
            self._engine = None
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise TargetUnusable(f"cannot reach the sessions database {redact_url(self.url)}: {first}") from None
        from agents.extensions.memory import SQLAlchemySession

        await SQLAlchemySession("threadshim-tables", engine=self._engine, create_tables=True).get_items(limit=1)

    async def session(self, session_id: str) -> Session:
        """The session of ``session_id``."""
        if self._factory is not None:
            made = self._factory(session_id)
            made = await made if inspect.isawaitable(made) else made
            if not callable(getattr(made, "get_items", None)) or not callable(getattr(made, "add_items", None)):
                raise BadSessionsURL(f"{self.url} made {type(made).__name__}, not an Agents SDK session")
            return made  # type: ignore[no-any-return]
        if self.file is not None:  # made here: every session of a file waits on the SDK's one lock of it anyway
            return SQLiteSession(session_id, self.file)
        from agents.extensions.memory import SQLAlchemySession

        return SQLAlchemySession(session_id, engine=self._engine)  # its tables were made by open()

    async def holding(self, session_ids: Sequence[str]) -> set[str] | None:
        """Which of these sessions hold any item, in one query of the SDK's own table; None for a factory's.

        A SQLite file is read on a connection of its own (a write-ahead log: a read never waits for the
        SDK's writers), the table not there yet meaning no session holds anything.
        """
        if self._factory is not None:
            return None
        ids = list(dict.fromkeys(session_ids))
        if not ids:
            return set()
        marks = ", ".join("?" * len(ids))
        if self.file is not None:
            if self._reader is None:
                self._reader = sqlite3.connect(self.file, check_same_thread=False)
            try:
                rows = self._reader.execute(
                    f"SELECT DISTINCT session_id FROM agent_messages WHERE session_id IN ({marks})", ids
                ).fetchall()
            except sqlite3.OperationalError as exc:
                if "no such table" not in str(exc):
                    raise
                return set()
            return {str(row[0]) for row in rows}
        from sqlalchemy import bindparam, text

        query = text("SELECT DISTINCT session_id FROM agent_messages WHERE session_id IN :ids")
        async with self._engine.connect() as connection:
            found = await connection.execute(query.bindparams(bindparam("ids", expanding=True)), {"ids": ids})
            return {str(row[0]) for row in found}

    async def close(self) -> None:
        """Let go of the database connections."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None


async def close_session(session: Session) -> None:
    """Close a session that holds connections of its own (a ``SQLiteSession``); others are left as they are.

    Closed here, not in a thread of its own: it waits on the SDK's lock of the file, which a thread
    would hold from the writes for just as long.
    """
    if isinstance(session, SQLiteSession):
        session.close()
