"""Agents SDK sessions as the successor of migrated threads: a session's items read as a thread's.

A session has no id prefix, title, user or creation time of its own, so it is read only through a
migration journal (``ThreadShim(journal=…, sessions=URL)``): the journal says which session a
``thread_…`` id went to and keeps what the session cannot hold (the legacy thread's time,
metadata and tool resources). Sessions are async; as for a ChatKit store, they run on a private
event loop in a background thread, each read a local step.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import attrs

from .._engine.steps import Call, Emit, Stream, local
from .._mapping_conversations import item_from_conversation
from .._models import Page, ThreadStatus, UnifiedItem, UnifiedThread
from .._sessions import Sessions, close_session
from .._validation import check_limit
from ._base import Order, Source

T = TypeVar("T")


def item_from_session(raw: Any, session_id: str, position: int) -> UnifiedItem:
    """A session item (a Responses input item); one without an id (a user message) is named by its position."""
    found = raw if isinstance(raw, dict) else {"type": "unknown", "value": raw}
    item = item_from_conversation(found, conversation_id=session_id)
    return attrs.evolve(item, id=item.id or f"item_{position}", source="agents")


class SessionsSource(Source):
    """The sessions at a URL: a session read as a thread and its items (nothing is listed or changed here)."""

    kind = "assistants"  # reached only through a journal, for thread_… ids

    def __init__(self, url: str) -> None:
        self.sessions = Sessions(url)
        self.name = f"the Agents SDK sessions {self.sessions.identity}"
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="threadshim-sessions", daemon=True)
        self._thread.start()
        self._wait(self.sessions.open())

    def _wait(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result()

    async def _items(self, session_id: str) -> list[UnifiedItem]:
        session = await self.sessions.session(session_id)
        try:
            raw = await session.get_items()
        finally:
            await close_session(session)
        return [item_from_session(item, session_id, n) for n, item in enumerate(raw)]

    def _read(self, session_id: str) -> Call[list[UnifiedItem]]:
        return local(lambda: self._wait(self._items(session_id)))

    def close(self) -> None:
        """Close the sessions' connections and stop the background loop."""
        if self._loop.is_running():
            self._wait(self.sessions.close())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        self._loop.close()

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """The session as a thread (the journal adds the legacy thread's time, metadata and tools)."""
        items = yield from self._read(thread_id)
        raw = {"session_id": thread_id, "items": len(items)}
        return UnifiedThread(
            id=thread_id, source="agents", created_at=None, title=None, status=ThreadStatus("active"), user=None,
            metadata={}, tool_resources=None, raw=raw,
        )  # fmt: skip

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """One page of the session's items, after the item ``after``."""
        check_limit(limit)
        items = yield from self._read(thread_id)
        ordered = items if order == "asc" else items[::-1]
        start = next(
            (n + 1 for n, item in enumerate(ordered) if item.id == after), 0 if after is None else len(ordered)
        )
        data = tuple(ordered[start : start + limit])
        last = data[-1].id if data else None
        return Page(data, has_more=start + limit < len(ordered), first_id=data[0].id if data else None, last_id=last)

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """Every item of the session, in order."""
        items = yield from self._read(thread_id)
        for item in items if order == "asc" else items[::-1]:
            yield Emit(item)
