"""A session factory a test names as ``python:tests.agents.factory:sqlite_sessions`` (what a team writes for Redis)."""

from __future__ import annotations

import os
from typing import Any

from agents import SQLiteSession

MADE: list[str] = []
"""The session ids the factory was asked for, in order."""


def sqlite_sessions(session_id: str) -> SQLiteSession:
    """A ``SQLiteSession`` in the file ``$THREADSHIM_TEST_SESSIONS`` names."""
    MADE.append(session_id)
    return SQLiteSession(session_id, os.environ["THREADSHIM_TEST_SESSIONS"])


async def not_a_session(session_id: str) -> str:
    """A factory that makes something else (the target refuses it, in one line)."""
    return session_id


def encrypted_sessions(session_id: str) -> object:
    """An ``EncryptedSession`` over a ``SQLiteSession``, its items expiring ten minutes after they are written."""
    from agents.extensions.memory import EncryptedSession

    inner = SQLiteSession(session_id, os.environ["THREADSHIM_TEST_SESSIONS"])
    return EncryptedSession(session_id=session_id, underlying_session=inner, encryption_key="k" * 32, ttl=600)


class FailingSession(SQLiteSession):
    """A session whose writes fail (a database that refuses them)."""

    async def add_items(self, items: list[Any]) -> None:
        raise RuntimeError("the database refused the write")


class NotedSession(SQLiteSession):
    """A session that also shows a bare string among its items (a custom session may hold anything)."""

    async def get_items(self, limit: int | None = None) -> list[Any]:
        return [*await super().get_items(limit), "a note"]


def failing_sessions(session_id: str) -> FailingSession:
    """Sessions that refuse every write."""
    return FailingSession(session_id, os.environ["THREADSHIM_TEST_SESSIONS"])


def noted_sessions(session_id: str) -> NotedSession:
    """Sessions that show one item more than they were given, a bare string."""
    return NotedSession(session_id, os.environ["THREADSHIM_TEST_SESSIONS"])


CLOSED: list[str] = []
"""The session ids whose sessions were closed, in order."""


class TrackedSession(SQLiteSession):
    """A session that says when it is closed."""

    def close(self) -> None:
        CLOSED.append(self.session_id)
        super().close()


def tracked_sessions(session_id: str) -> TrackedSession:
    """Sessions that record their closing (each one threadshim opens must be closed)."""
    MADE.append(session_id)
    return TrackedSession(session_id, os.environ["THREADSHIM_TEST_SESSIONS"])


def picky_sessions(session_id: str) -> SQLiteSession:
    """Sessions that refuse every write while ``$THREADSHIM_TEST_REFUSE`` is set (a database down for a while)."""
    file = os.environ["THREADSHIM_TEST_SESSIONS"]
    return (
        FailingSession(session_id, file)
        if os.environ.get("THREADSHIM_TEST_REFUSE")
        else SQLiteSession(session_id, file)
    )
