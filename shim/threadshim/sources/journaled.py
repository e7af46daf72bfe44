"""Legacy ids that keep working after the move: a migrated ``thread_…`` id resolves to where it went.

The migration journal says where each migrated thread went: a conversation, a thread in a
ChatKit store, or an Agents SDK session. Ids it does not list as migrated (not yet, skipped, failed) are answered by the
legacy source as before: the archive or the API. When the successor can list its threads (a
store), the legacy listing leaves out migrated threads, so each appears once.
"""

from __future__ import annotations

import attrs

from .._engine.steps import Call, Emit, Stream, local
from .._journal import Journal
from .._mapping import as_metadata, timestamp, tool_resources
from .._models import Page, UnifiedItem, UnifiedThread
from ._base import Changes, Order, Source


class JournaledSource(Source):
    """The legacy source, with migrated threads read from their successor (Conversations or a ChatKit store)."""

    kind = "assistants"

    def __init__(self, legacy: Source, successor: Source, journal: Journal) -> None:
        self.legacy, self.successor, self.journal = legacy, successor, journal
        self.name, self.can_list = legacy.name, legacy.can_list

    def _where(self, thread_id: str) -> Call[str | None]:
        """Where a migrated thread went (a local read of the journal), or None."""
        return local(lambda: self.journal.target_of(thread_id))

    def _moved(self, thread: UnifiedThread, legacy_id: str) -> Call[UnifiedThread]:
        entry = yield from local(lambda: self.journal.entry(legacy_id))
        kept = entry.kept.get("thread", {}) if entry is not None else {}
        legacy_time = timestamp(kept.get("created_at"))
        metadata = thread.metadata or as_metadata(kept.get("metadata"))  # a session holds none: the journal keeps it
        return attrs.evolve(
            thread,
            legacy_id=legacy_id,
            metadata=metadata,
            tool_resources=tool_resources(kept.get("tool_resources")),
            created_at=legacy_time or thread.created_at,
            moved_at=thread.created_at if legacy_time is not None else None,
        )

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """The conversation or store thread a migrated thread became (legacy id kept), else the legacy thread."""
        successor_id = yield from self._where(thread_id)
        if successor_id is None:
            return (yield from self.legacy.retrieve(thread_id))
        thread = yield from self.successor.retrieve(successor_id)
        return (yield from self._moved(thread, thread_id))

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """The successor's items for a migrated thread, else the legacy messages."""
        successor_id = yield from self._where(thread_id)
        if successor_id is None:
            yield from self.legacy.items(thread_id, order)
        else:
            yield from self.successor.items(successor_id, order)

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """One page of the successor's items, or of the legacy messages."""
        successor_id = yield from self._where(thread_id)
        if successor_id is None:
            return (yield from self.legacy.items_page(thread_id, order, limit, after))
        return (yield from self.successor.items_page(successor_id, order, limit, after))

    def list(self, user: str | None, order: Order) -> Stream[UnifiedThread]:
        """What the legacy source lists (the archive's threads), each migrated one as ``get`` shows it.

        A successor that lists its own threads (a store) shows the migrated ones itself, so they are
        left out here and each appears once; otherwise each is read from where it went.
        """
        stream = self.legacy.list(user, order)
        answer = None
        while True:
            try:
                step = stream.send(answer)
            except StopIteration:
                return
            if not isinstance(step, Emit):
                answer = yield step
                continue
            answer = None
            successor_id = yield from self._where(step.value.id)
            if successor_id is None:
                yield step
            elif not self.successor.can_list:
                thread = yield from self.successor.retrieve(successor_id)
                yield Emit((yield from self._moved(thread, step.value.id)))

    def update(self, thread_id: str, changes: Changes) -> Call[UnifiedThread]:
        """A migrated thread's conversation metadata, else the legacy thread."""
        successor_id = yield from self._where(thread_id)
        if successor_id is None:
            return (yield from self.legacy.update(thread_id, changes))
        thread = yield from self.successor.update(successor_id, changes)
        return (yield from self._moved(thread, thread_id))
