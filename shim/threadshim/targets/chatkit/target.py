"""A ChatKit store as a migration target: threads written whole, ``group`` to a transaction, exactly once.

The journal marks a group done only after its transaction commits, so a crash between the two
leaves threads the journal does not yet know are there; the next run writes them again under the
same ids (derived from the legacy ids), and the store's upserts leave one copy. A group the store
refuses is written again one thread at a time, so one bad thread fails alone. Needs the
``chatkit`` extra: this module is loaded only when the target is chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from ..._errors import InvalidRequest, ThreadShimError
from ..._journal import Journal
from ..._journal_rows import Moved
from ...chatkit import SQLStore, StoredThread, ThreadRows, open_store, rows_of, sqlite_path, store_identity
from ..base import Batch, Context, Prepared, Record, WriteResult
from ..held import Held
from . import ChatKitOptions
from . import held as holdings
from .plan import ChatKitPlan, plan_chatkit_thread
from .rows import split, stored


@attrs.frozen
class Note:
    """A ready thread's ChatKit id, and how many item and attachment rows it has in its batch's payload."""

    thread_id: str
    items: int
    attachments: int


class ChatKitPlanner:
    """Plans a legacy thread as a ChatKit thread, checks it against ChatKit's models, packs rows (picklable)."""

    def __init__(self, title_key: str, user_key: str, default_user: str) -> None:
        self.keys = {"title_key": title_key, "user_key": user_key, "default_user": default_user}

    def plan(self, thread: dict[str, Any], messages: list[dict[str, Any]]) -> ChatKitPlan:
        """The ChatKit thread, its items and attachments, and what it cannot show."""
        return plan_chatkit_thread(thread, messages, **self.keys)

    def check(self, planned: ChatKitPlan) -> tuple[StoredThread, Note]:
        """The thread as ChatKit objects (:class:`InvalidRequest` if refused), its journal row and row counts."""
        whole = stored(planned)
        return whole, Note(planned.thread_id, len(whole.items), len(whole.attachments))

    def pack(self, written: list[StoredThread]) -> ThreadRows:
        """The store rows of the batch's threads, one piece."""
        return rows_of(written)


class ChatKitTarget:
    """Writes whole threads into the store at ``options.store``, one transaction per batch."""

    name = "chatkit"
    concurrency = 1

    def __init__(self, options: ChatKitOptions, context: Context) -> None:
        self.url = str(options.store)
        self.group = options.group
        self.planner = ChatKitPlanner(options.title_key, options.user_key, options.default_user)
        self._store: SQLStore[Any] | None = None

    def identity(self) -> str:
        """The store's resolved SQLite file, or PostgreSQL's user@host:port/database (never a password)."""
        return store_identity(self.url)

    def files(self) -> dict[str, Path | None]:
        """The local file the target writes, so no other path of the run may be it."""
        return {"the store": sqlite_path(self.url)}

    def requests(self, record: Record) -> int:
        """A thread is part of one transaction."""
        return 1

    async def open(self) -> None:
        """Open the store: one that cannot be reached stops the run here, in one line."""
        store: SQLStore[Any] = open_store(self.url)
        await store.open()
        self._store = store

    async def write(self, batch: Batch, journal: Journal) -> WriteResult:
        """Write the batch in one transaction, then record it done; if the store refuses it, each thread alone."""
        return await self._write(batch.ready, batch.payload, journal)

    async def _write(self, ready: list[Prepared], rows: ThreadRows, journal: Journal) -> WriteResult:
        assert self._store is not None  # opened first
        try:
            await self._store.put_rows(rows)
        except ThreadShimError as exc:
            if len(ready) == 1:
                return [(ready[0], InvalidRequest(f"the store refused it: {exc}"))]
            results: WriteResult = []
            for prepared, own in split(ready, rows):  # find the one the store will not take
                results.extend(await self._write([prepared], own, journal))
            return results
        moved = [_moved(p) for p in ready]
        await journal.durable(lambda: journal.done_many(moved))  # synced beside the loop, which goes on reading
        return [(prepared, None) for prepared in ready]

    def expected(self, planned: ChatKitPlan) -> Held:
        """The thread's fields, attachments and items as the plan makes them."""
        return holdings.expected(planned)

    def _opened(self) -> SQLStore[Any]:
        assert self._store is not None, "open the target first"
        return self._store

    async def held(self, target_id: str) -> Held:
        """The thread as the store holds it now."""
        return await holdings.held(self._opened(), target_id)

    async def remove(self, target_id: str) -> None:
        """Delete the thread, its items and its attachments."""
        await holdings.remove(self._opened(), target_id)

    async def finish(self, planned: ChatKitPlan, target_id: str, have: int, journal: Journal) -> None:
        """Write the whole thread again: the store's upserts leave what it holds and add what it lacks."""
        await self._opened().put_rows(rows_of([stored(planned)]))

    async def close(self) -> None:
        """Close the store's connections."""
        if self._store is not None:
            await self._store.close()
            self._store = None


def _moved(prepared: Prepared) -> Moved:
    assert prepared.record is not None  # a ready thread was planned
    return prepared.record.moved(prepared.note.thread_id)


def build(options: ChatKitOptions, context: Context) -> ChatKitTarget:
    """The ChatKit target for a run."""
    return ChatKitTarget(options, context)
