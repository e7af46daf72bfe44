"""The one migration loop, the same for every target: read, plan, gate, write, journal, progress, summary.

Threads are taken in order, ``target.group`` to a batch (or as a target's ``batches`` splits
them). Batches are prepared (read, planned, gated, checked, packed) a few ahead of the writes: in
worker processes when there are some, here otherwise; ``target.concurrency`` writes run at once.
The engine records in the journal every thread the target did not write (missing, skipped,
failed, with why); the target records those it wrote. A :class:`JournalError` stops the run
(nothing is lost: every thread already recorded stays recorded); any other failure fails its
thread and the run goes on.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from typing import TextIO

from .._errors import JournalError
from .._journal import Journal
from .._progress import Progress
from .._tasks import side_by_side
from ..targets.base import Batch, Prepared, Target
from .planners import prepare, prepare_async
from .readers import ArchiveReader, LegacyReader
from .summary import MigrationSummary, failure_reason

AHEAD = 3
"""How many batches are prepared beyond those being written (bounds memory)."""


class _Tally:
    """Records each thread's outcome in the journal (the ones the target did not write) and in the summary."""

    def __init__(self, journal: Journal | None, summary: MigrationSummary, meter: Progress | None) -> None:
        self.journal, self.summary, self.meter = journal, summary, meter

    def left_out(self, prepared: Prepared) -> None:
        """A thread missing, skipped (lossy) or failed before writing."""
        legacy_id, reason, record = prepared.legacy_id, prepared.reason, prepared.record
        if prepared.outcome == "skipped":
            assert record is not None  # a skipped thread was planned
            self.summary.skipped.append((legacy_id, reason))
            if self.journal is not None:
                self.journal.skip(
                    legacy_id, total=record.total, losses=record.losses, kept=record.kept, tools=record.tools,
                    reason=reason,
                )  # fmt: skip
        else:
            self.failed(prepared, reason)
        self._advance()

    def failed(self, prepared: Prepared, reason: str) -> None:
        """A thread that could not be moved, and why."""
        if prepared.outcome == "missing":
            self.summary.not_found.append(prepared.legacy_id)
        else:
            assert prepared.outcome in ("failed", "ready"), f"no such outcome: {prepared.outcome!r}"
            self.summary.failed.append((prepared.legacy_id, reason))
        if self.journal is not None:
            self.journal.finish(prepared.legacy_id, "failed", reason)

    def moved(self, prepared: Prepared) -> None:
        """A thread written (or, in a dry run, that would be)."""
        record = prepared.record
        self.summary.migrated += 1
        if record is not None:
            self.summary.lossy += record.lossy
            self.summary.counts.add(record.counts)
        self._advance()

    def _advance(self) -> None:
        if self.meter is not None:
            self.meter.advance()


def _start(
    reader: LegacyReader, target: Target, pool: Executor | None, allow_lossy: bool, started: set[str]
) -> Callable[[list[str]], Awaitable[Batch]]:
    """A function that starts preparing a batch of ids and returns what to await."""

    def begin(ids: list[str]) -> Awaitable[Batch]:
        own = [i for i in ids if i in started]
        if not isinstance(reader, ArchiveReader):  # an API: read here, concurrently
            return asyncio.ensure_future(prepare_async(reader, target.planner, allow_lossy, own, ids))
        if pool is not None:
            return asyncio.wrap_future(pool.submit(prepare, reader, target.planner, allow_lossy, own, ids))
        done: asyncio.Future[Batch] = asyncio.get_running_loop().create_future()
        done.set_result(prepare(reader, target.planner, allow_lossy, own, ids))
        return done

    return begin


async def run(
    todo: list[str],
    reader: LegacyReader,
    target: Target,
    journal: Journal,
    *,
    allow_lossy: bool,
    progress: TextIO,
    pool: Executor | None = None,
) -> MigrationSummary:
    """Move ``todo`` into ``target`` (opened), recording every thread in ``journal``; what the run did."""
    summary = MigrationSummary()
    started_at = time.monotonic()
    meter = Progress(len(todo), progress, verb="migrated")
    tally = _Tally(journal, summary, meter)
    states = journal.states()
    journal.share_commits(target.concurrency)
    left = [legacy_id for legacy_id in todo if states.get(legacy_id) != "done"]
    summary.already = len(todo) - len(left)
    meter.advance(summary.already)
    split = getattr(target, "batches", None)  # a target that says which threads go together
    batches = deque(split(left) if split is not None else _batches(left, target.group))
    begin = _start(reader, target, pool, allow_lossy, journal.started())
    waiting: deque[Awaitable[Batch]] = deque()

    async def writer() -> None:
        while batches or waiting:
            while batches and len(waiting) < target.concurrency + AHEAD:
                waiting.append(begin(batches.popleft()))
            batch = await waiting.popleft()
            for prepared in batch.threads:
                if prepared.outcome != "ready":
                    tally.left_out(prepared)
            if not batch.ready:
                continue
            for prepared, error in await target.write(batch, journal):
                if error is None:
                    tally.moved(prepared)
                    continue
                if isinstance(error, JournalError):
                    raise error
                tally.failed(prepared, failure_reason(error))
                meter.advance()

    try:
        await side_by_side(writer, min(target.concurrency, max(len(batches), 1)))
        await journal.durable()  # what was queued without a wait is on disk before the summary says done
    finally:
        for pending in waiting:
            if isinstance(pending, asyncio.Future):
                pending.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        meter.close()
        summary.seconds = time.monotonic() - started_at
    return summary


def _batches(ids: list[str], size: int) -> list[list[str]]:
    """``ids`` in batches of ``size``, the first few smaller (an eighth, a quarter, a half), so the first
    write can start while the rest is still being prepared instead of after a whole batch.
    """
    batches, start = [], 0
    for first in (size // 8, size // 4, size // 2):
        if first >= 1 and start < len(ids):
            batches.append(ids[start : start + first])
            start += first
    batches.extend(ids[at : at + size] for at in range(start, len(ids), size))
    return batches


async def dry_run(
    todo: list[str], reader: LegacyReader, target: Target, states: dict[str, str], *, allow_lossy: bool
) -> MigrationSummary:
    """What a run would do: every thread read, planned, gated and checked, the journal's done ones passed over."""
    summary = MigrationSummary(dry_run=True)
    tally = _Tally(None, summary, None)
    left = [legacy_id for legacy_id in todo if states.get(legacy_id) != "done"]
    summary.already = len(todo) - len(left)
    for start in range(0, len(left), target.group):
        batch = await prepare_async(reader, target.planner, allow_lossy, (), left[start : start + target.group])
        for prepared in batch.threads:
            if prepared.record is not None:
                summary.plans.append(prepared.record)
            if prepared.outcome != "ready":
                tally.left_out(prepared)
                continue
            tally.moved(prepared)
            if prepared.record is not None:
                summary.planned_requests += target.requests(prepared.record)
    return summary
