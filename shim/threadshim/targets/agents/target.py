"""Agents SDK sessions as a migration target: each thread's items added to its session exactly once.

``Session.add_items`` is not idempotent, so before each write the journal records (durably) the
session the thread goes to, and the session's items are read back: a session holding the first
*k* items of the plan (a run killed after its write, before its record) gets the rest; one
holding anything else (another thread's items, someone's own) is a conflict, named, and nothing is
written. Needs the ``agents`` extra: this module is loaded only when the target is chosen.
"""

from __future__ import annotations

import asyncio
import time
from functools import partial
from pathlib import Path
from typing import Any

from ..._errors import JournalError
from ..._journal import Journal
from ..._sessions import Sessions, close_session
from ..base import Batch, Context, Record, WriteResult
from ..conversations.held import canonical_item
from ..conversations.writer import MigrationConflict
from ..held import Held, item_hash
from ..shared import SLICE, slice_row
from . import AgentsOptions
from .chain import Chains
from .expiry import ttl_warning
from .lookup import Lookup
from .plan import THREAD, SessionPlan, checked, plan_session


class AgentsPlanner:
    """Plans a legacy thread as a session's items (picklable: it may run in a worker)."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id

    def plan(self, thread: dict[str, Any], messages: list[dict[str, Any]]) -> SessionPlan:
        """The session's id and items, and what it cannot hold."""
        return plan_session(thread, messages, self.session_id)

    def check(self, planned: SessionPlan) -> tuple[SessionPlan, None]:
        """The plan (:class:`InvalidRequest` when its metadata names no session); the plan holds the session id."""
        return checked(planned), None

    def pack(self, written: list[SessionPlan]) -> list[SessionPlan]:
        """The plans, in order."""
        return written


def _hashes(items: list[Any] | tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(item_hash(canonical_item(item)) if isinstance(item, dict) else item_hash(item) for item in items)


class AgentsTarget:
    """Adds each planned thread's items to its session, several threads at once."""

    name = "agents"
    group = 1

    def __init__(self, options: AgentsOptions, context: Context) -> None:
        self.options = options
        self.concurrency = options.concurrency
        self.sessions = Sessions(str(options.sessions), connections=options.concurrency + 2)  # and the lookup's
        self.planner = AgentsPlanner(options.session_id)
        self._claims: dict[str, str] = {}  # session id → the legacy thread writing to it in this run
        self._claim_lock = asyncio.Lock()
        self.chains = Chains(options.session_id) if options.concatenate else None
        self.lookup = Lookup(self.sessions.holding)

    def identity(self) -> str:
        """The sessions' resolved SQLite file, PostgreSQL's user@host:port/database, or the factory's name."""
        return self.sessions.identity

    def files(self) -> dict[str, Path | None]:
        """The local file the target writes, so no other path of the run may be it."""
        return {"the sessions database": self.sessions.file}

    def requests(self, record: Record) -> int:
        """One ``add_items`` per thread."""
        return 1

    async def open(self) -> None:
        """Reach the sessions' database (or load the factory): one that cannot be used stops the run here."""
        await self.sessions.open()

    async def arrange(self, todo: list[str], reader: Any) -> list[str]:
        """The threads in time order when sessions are shared (``concatenate``); as given otherwise.

        Each session named by its legacy thread's id is known now, so which hold items is asked ahead.
        """
        if self.chains is not None:
            return await self.chains.arrange(todo, reader.read)
        if self.options.session_id == THREAD:
            self.lookup.expect(todo)
        return todo

    def batches(self, left: list[str]) -> list[list[str]]:
        """One thread a batch; a shared session's threads, oldest first, in one (written one after another)."""
        return self.chains.batches(left) if self.chains is not None else [[legacy_id] for legacy_id in left]

    async def write(self, batch: Batch, journal: Journal) -> WriteResult:
        """Move each planned thread of the batch into its session, exactly once."""
        results: WriteResult = []
        for prepared, planned in zip(batch.ready, batch.payload, strict=True):
            try:
                await self._move(planned, journal)
            except JournalError:
                raise
            except Exception as exc:  # the database refused, or the session holds what it should not
                results.append((prepared, exc))
            else:
                results.append((prepared, None))
        return results

    async def _claim(self, plan: SessionPlan, journal: Journal) -> None:
        """Refuse a session another thread of the journal (or of this run) already went to."""
        session_id = str(plan.session_id)
        if self.options.session_id == THREAD or self.chains is not None:  # none shared, or shared in time order
            return
        async with self._claim_lock:
            other = self._claims.setdefault(session_id, plan.legacy_id)
        owner = journal.owner_of(session_id)
        for holder in (other, owner):
            if holder is not None and holder != plan.legacy_id:
                raise MigrationConflict(
                    f"session {session_id!r} is thread {holder}'s: two threads would share it "
                    "(--session-id names a metadata key two threads have the same value of; "
                    "--concatenate puts them in one session, oldest first)"
                )

    async def _move(self, plan: SessionPlan, journal: Journal) -> None:
        """Record the thread's session (durably) while its items are read back; then add exactly what it lacks."""
        await self._claim(plan, journal)
        session_id = str(plan.session_id)
        record = Record.of(plan)
        offset = self.chains.start(plan, journal) if self.chains is not None else None
        where = slice_row(session_id, offset, plan.created_at) if offset is not None else None
        started = partial(_started, journal, record, session_id, where)
        recorded = asyncio.ensure_future(journal.durable(started))
        try:
            holds = await self.lookup.holds(session_id)
            session = await self.sessions.session(session_id)
        except BaseException:
            await asyncio.gather(recorded, return_exceptions=True)
            raise
        try:
            items = [] if holds is False else await session.get_items()  # a session holding nothing: no read
            await recorded  # the record is on disk before anything is written
            start = offset or 0  # where the thread's own items begin (after the threads before it)
            held = _hashes(items[start:])
            if len(items) < start or held != _hashes(plan.items[: len(held)]):  # new: nothing to hash
                before = f" after the {offset} of the threads before it" if offset else ""
                raise MigrationConflict(
                    f"session {session_id!r} holds {len(held)} items{before} that are not the start of thread "
                    f"{plan.legacy_id}'s {len(plan.items)}: something else wrote to it; check it by hand"
                )
            if len(held) < len(plan.items):
                await session.add_items([dict(item) for item in plan.items[len(held) :]])  # type: ignore[misc]
        finally:
            await asyncio.gather(recorded, return_exceptions=True)
            await close_session(session)
        journal.later(partial(journal.done_many, [record.moved(session_id)]))
        if self.chains is not None:
            self.chains.settle(plan)

    async def dry_run_warnings(self, plans: list[Record]) -> list[str]:
        """A session whose items expire (an ``EncryptedSession``'s time-to-live) shorter than the history is old.

        Only a factory's sessions can expire; the SDK's SQLite and SQLAlchemy sessions are not opened.
        """
        if not plans or not self.options.sessions or not self.options.sessions.startswith("python:"):
            return []
        await self.sessions.open()
        try:
            session = await self.sessions.session(plans[0].legacy_id)
        finally:
            await self.sessions.close()
        return ttl_warning(session, plans, time.time())

    def expected(self, planned: SessionPlan) -> Held:
        """The items the plan's session must hold."""
        return Held({}, _hashes(planned.items))

    async def held(self, target_id: str) -> Held:
        """The session's items now (a session never written reads as one with none)."""
        session = await self.sessions.session(target_id)
        try:
            items = await session.get_items()
        finally:
            await close_session(session)
        ids = tuple(str(item.get("id", f"#{n}")) if isinstance(item, dict) else f"#{n}" for n, item in enumerate(items))
        return Held({}, _hashes(items), ids)

    async def remove(self, target_id: str) -> None:
        """Clear the session (its items and its row)."""
        session = await self.sessions.session(target_id)
        try:
            await session.clear_session()
        finally:
            await close_session(session)

    async def finish(self, planned: SessionPlan, target_id: str, have: int, journal: Journal) -> None:
        """Add the plan's items from ``have`` on."""
        session = await self.sessions.session(target_id)
        try:
            await session.add_items([dict(item) for item in planned.items[have:]])  # type: ignore[misc]
        finally:
            await close_session(session)

    async def close(self) -> None:
        """Let go of the database connections."""
        await self.sessions.close()


def _started(journal: Journal, record: Record, session_id: str, where: dict[str, Any] | None) -> None:
    """Record the thread as going to ``session_id`` (its plan, the session it goes on in, and where it starts)."""
    journal.plan(record.legacy_id, total=record.total, lossy=record.lossy, losses=record.losses, kept=record.kept,
                 tools=record.tools)  # fmt: skip
    journal.holds(record.legacy_id, session_id)
    if where is not None:
        journal.put_row(record.legacy_id, SLICE, 0, "planned", where)


def build(options: AgentsOptions, context: Context) -> AgentsTarget:
    """The Agents sessions target for a run."""
    return AgentsTarget(options, context)
