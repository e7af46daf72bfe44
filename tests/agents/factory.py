"""A session factory a test names as ``python:tests.agents.factory:sqlite_sessions`` (what a team writes for Redis)."""

from __future__ import annotations

import os

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
