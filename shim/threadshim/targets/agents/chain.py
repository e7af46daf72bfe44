"""Threads that share a session (``--concatenate``): their order, and where in the session each one starts.

A session shared by several legacy threads holds their items one thread after another, oldest
first. Sessions only append, so a thread goes in only once every older thread of its session is
whole, and never after a newer one. The run takes the threads in time order, a session's threads
in one batch (written one after another); the journal records where each thread starts in its
session (a ``slice`` row, before anything is written), so a re-run, reconcile and undo find it.
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from ..._errors import JournalError
from ..._journal import Journal
from ..conversations.writer import MigrationConflict
from ..shared import SLICE, where_of
from .plan import SessionPlan, created_at_of, session_id_of


@attrs.define
class Member:
    """A thread of a shared session: when it was made, how many items it has, and whether it is whole there."""

    created_at: float
    total: int
    done: bool


class Chains:
    """The sessions several threads of a run share: which threads, in which order, and where each starts."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.order: dict[str, list[str]] = {}  # session id → the run's threads of it, oldest first
        self._members: dict[str, dict[str, Member]] | None = None  # session id → what the journal (and run) hold

    async def arrange(self, todo: list[str], read: Any) -> list[str]:
        """``todo`` in time order (as the archive gives it among equals), each session's threads noted.

        ``read`` is the run's reader; a thread it cannot read keeps its place (the run reports it).
        """
        keyed: list[tuple[float, int, str]] = []
        for n, legacy_id in enumerate(todo):
            try:
                thread, _ = await read(legacy_id)
            except Exception:
                keyed.append((-math.inf, n, legacy_id))
                continue
            session_id, _ = session_id_of(thread, self.key)
            keyed.append((created_at_of(thread), n, legacy_id))
            if session_id is not None:
                self.order.setdefault(session_id, []).append(legacy_id)
        keyed.sort()
        position = {legacy_id: n for n, (_, _, legacy_id) in enumerate(keyed)}
        for members in self.order.values():
            members.sort(key=position.__getitem__)
        return [legacy_id for _, _, legacy_id in keyed]

    def batches(self, left: list[str]) -> list[list[str]]:
        """One batch per shared session (its threads oldest first), where its first thread is; one per other thread."""
        session_of = {legacy_id: s for s, members in self.order.items() for legacy_id in members}
        waiting = set(left)
        batches: list[list[str]] = []
        for legacy_id in left:
            if legacy_id not in waiting:
                continue
            session = session_of.get(legacy_id)
            together = [m for m in self.order[session] if m in waiting] if session is not None else [legacy_id]
            waiting.difference_update(together)
            batches.append(together)
        return batches

    def members(self, journal: Journal, session_id: str) -> dict[str, Member]:
        """The threads the journal (and this run) put in ``session_id``, read from the journal once."""
        if self._members is None:
            self._members = {}
            totals = {e.legacy_id: (e.total, e.state == "done") for e in journal.entries()}
            for legacy_id, row in journal.rows_of_kind(SLICE):
                session, _, created = where_of(legacy_id, row)
                if legacy_id not in totals:
                    raise JournalError(
                        f"the journal records where thread {legacy_id} starts in a session, not the thread"
                    )
                total, done = totals[legacy_id]
                self._members.setdefault(session, {})[legacy_id] = Member(created, total, done)
        return self._members.setdefault(session_id, {})

    def start(self, plan: SessionPlan, journal: Journal) -> int:
        """Where ``plan``'s thread starts in its session; :class:`MigrationConflict` when it cannot go in now."""
        session_id, me = str(plan.session_id), plan.legacy_id
        members = self.members(journal, session_id)
        for older in self.order.get(session_id, []):
            if older == me:
                break
            if older not in members or not members[older].done:
                raise MigrationConflict(
                    f"thread {older}, older, comes first in session {session_id!r} and was not moved: "
                    "move it first (sessions only append)"
                )
        for other, member in members.items():
            if other == me:
                continue
            if not member.done:
                raise MigrationConflict(
                    f"thread {other} went part-way into session {session_id!r}: migrate it first (sessions only append)"
                )
            if member.created_at > plan.created_at:
                raise MigrationConflict(
                    f"thread {other}, newer, is already in session {session_id!r} and sessions only append: "
                    "undo the session's threads and migrate them together"
                )
        offset = sum(member.total for other, member in members.items() if other != me)
        members[me] = Member(plan.created_at, len(plan.items), False)
        return offset

    def settle(self, plan: SessionPlan) -> None:
        """The thread is whole in its session (:meth:`start` came first)."""
        assert self._members is not None, "a thread settles only after it started"
        self._members[str(plan.session_id)][plan.legacy_id].done = True
