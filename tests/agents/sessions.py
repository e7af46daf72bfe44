"""Reading sessions back as the Agents SDK does: ``SQLiteSession`` or ``SQLAlchemySession`` on the same database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agents import SQLiteSession
from agents.extensions.memory import SQLAlchemySession
from sqlalchemy.ext.asyncio import create_async_engine


async def read_sessions(url: str, session_ids: list[str]) -> dict[str, list[Any]]:
    """Every item of each session, through the SDK's own session of the database ``url`` names."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return {sid: await SQLiteSession(sid, path).get_items() for sid in session_ids}
    engine = create_async_engine("postgresql+psycopg://" + url.partition("://")[2])
    try:
        return {sid: await SQLAlchemySession(sid, engine=engine).get_items() for sid in session_ids}
    finally:
        await engine.dispose()


def texts(items: list[Any]) -> list[str]:
    """Each item's first text, in order (the SDK saves a user's turn with its content as a string)."""
    found = []
    for item in items:
        content = item["content"]
        found.append(content if isinstance(content, str) else content[0].get("text") or content[0].get("refusal", ""))
    return found
