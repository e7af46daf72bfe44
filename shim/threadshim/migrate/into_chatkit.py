"""Importing an export archive into a ChatKit store, each thread whole, exactly once, recorded in the journal.

Threads are imported in the archive's order and written ``group`` at a time, each group in one
store transaction: a thread is in the store whole or not at all. The journal marks a group done
only after its transaction commits, so a crash between the two leaves threads the journal does not
yet know are there; the next run writes them again under the same ids, and the store's upserts
leave one copy. A group the store refuses is retried one thread at a time, so one bad thread fails
alone. Reading, planning and serialising (CPU work) run in ``workers`` forked processes, a few
groups ahead of the writes; with ``workers=0``, or when the caller runs other threads (forking
them is unsafe), they run in this process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

import attrs

from .._errors import ThreadShimError
from .._journal import Journal
from .._lock import exclusive
from .._paths import refuse_clashes
from .._progress import Progress
from ..archive import Archive
from ..chatkit import SQLStore, open_store, sqlite_path, store_identity
from ..targets.chatkit import stored
from ._prepare import Chunk, Mapping, Prepared, plan_one, prepare, quiet_worker, ready, skip_reason
from .guards import announce, check_claim
from .summary import MigrationSummary, failure_reason

AHEAD = 3
"""How many groups are prepared ahead of the one being written (bounds memory)."""


class _Inline(Executor):
    """Runs each job at once, in this process (``workers=0``)."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]  # Executor's own signature
        future: Future[object] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _pool(workers: int) -> Executor:
    """``workers`` forked processes; in this process instead when forking is not safe (or not asked for).

    Forking a process that runs other threads can copy a lock some thread holds, and a fresh
    interpreter (``spawn``) would re-run an unguarded script, so a threaded caller plans in-process.
    """
    if workers == 0 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return _Inline()
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=quiet_worker, initargs=(os.getpid(),))
    pool.submit(ready).result()  # start the workers now, before the journal's lock is taken: they must not hold it
    return pool


class _Run:
    def __init__(self, journal: Journal, store: SQLStore[object], meter: Progress) -> None:
        self.journal, self.store, self.meter = journal, store, meter
        self.summary = MigrationSummary()

    async def take(self, chunk: Chunk) -> None:
        """Record what could not be imported, write the rest in one transaction, then record it done."""
        for prepared in chunk.threads:
            if prepared.outcome != "ready":
                self.refuse(prepared)
        ready = [p for p in chunk.threads if p.outcome == "ready"]
        if ready:
            await self.write(ready, chunk)

    def refuse(self, prepared: Prepared) -> None:
        """Record a thread left out: missing, skipped (lossy) or refused."""
        legacy_id, reason = prepared.legacy_id, prepared.reason
        if prepared.outcome == "skipped" and prepared.skipped is not None:
            self.journal.skip(legacy_id, reason=reason, **prepared.skipped)
            self.summary.skipped.append((legacy_id, reason))
        else:
            if prepared.outcome == "missing":
                self.summary.not_found.append(legacy_id)
            else:
                self.summary.failed.append((legacy_id, reason))
            self.journal.finish(legacy_id, "failed", reason)
        self.meter.advance()

    async def write(self, ready: list[Prepared], chunk: Chunk) -> None:
        """Write the ready threads' rows in one transaction; if refused, each thread alone."""
        try:
            await self.store.put_rows(chunk.rows)
        except ThreadShimError as exc:
            if len(ready) == 1:
                self.refuse(attrs.evolve(ready[0], outcome="refused", reason=f"the store refused it: {exc}"))
                return
            for prepared, rows in chunk.split():  # find the one the store will not take
                await self.write([prepared], Chunk([prepared], rows))
            return
        self.journal.done_many([p.moved for p in ready if p.moved is not None])
        for prepared in ready:
            self.summary.migrated += 1
            self.summary.lossy += bool(prepared.moved and prepared.moved.lossy)
            if prepared.counts is not None:
                self.summary.counts.add(prepared.counts)
            self.meter.advance()


async def import_archive(
    *,
    journal: Path,
    archive: Archive,
    store: str,
    mapping: Mapping,
    allow_lossy: bool,
    dry_run: bool,
    group: int,
    workers: int,
    progress: TextIO,
    new_journal: bool = False,
) -> MigrationSummary:
    """Import every thread of ``archive`` into the ChatKit store at ``store``; see the module docstring."""
    todo = archive.ids(order="asc")
    identity = store_identity(store)
    store_file = sqlite_path(store)
    refuse_clashes({"the archive": archive.path, "the store": store_file}, {"the journal": journal})
    check_claim(archive.path, "chatkit", identity, journal, new_journal=new_journal)
    states: dict[str, str] = {}
    if journal.exists():  # not a journal, or made for another store: refused before the store is touched
        with Journal(journal, read_only=True, target="chatkit", identity=identity) as known:
            states = known.states()
    if dry_run:
        return _dry_run(todo, archive, states, mapping, allow_lossy)
    started = time.monotonic()
    pool = _pool(workers)  # first: fork before the store (or anything else) starts a thread
    opened_store: SQLStore[object] = open_store(store)
    try:
        await opened_store.open()  # a store that cannot be reached stops the run here, in one line
        with exclusive(journal, job="migration"), Journal(journal, target="chatkit", identity=identity) as opened:
            announce(opened, archive, progress)
            summary = await _import(opened, opened_store, pool, archive, todo, mapping, allow_lossy, group, progress)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        await opened_store.close()
    summary.seconds = time.monotonic() - started
    return summary


async def _import(
    journal: Journal,
    store: SQLStore[object],
    pool: Executor,
    archive: Archive,
    todo: list[str],
    mapping: Mapping,
    allow_lossy: bool,
    group: int,
    progress: TextIO,
) -> MigrationSummary:
    meter = Progress(len(todo), progress, verb="imported")
    run = _Run(journal, store, meter)
    states = journal.states()
    left = [legacy_id for legacy_id in todo if states.get(legacy_id) != "done"]
    run.summary.already = len(todo) - len(left)
    meter.advance(run.summary.already)
    chunks = deque(left[start : start + group] for start in range(0, len(left), group))
    source = str(archive.path) if isinstance(pool, ProcessPoolExecutor) else archive
    waiting: deque[Future[Chunk]] = deque()
    try:
        while chunks or waiting:
            while chunks and len(waiting) < AHEAD:
                waiting.append(pool.submit(prepare, source, mapping, allow_lossy, chunks.popleft()))
            await run.take(await asyncio.wrap_future(waiting.popleft()))
    finally:
        for future in waiting:
            future.cancel()
        meter.close()
    return run.summary


def _dry_run(
    todo: list[str], archive: Archive, states: dict[str, str], mapping: Mapping, allow_lossy: bool
) -> MigrationSummary:
    summary = MigrationSummary(dry_run=True)
    for legacy_id in todo:
        if states.get(legacy_id) == "done":
            summary.already += 1
            continue
        try:
            planned = plan_one(archive, legacy_id, mapping)
        except Exception as exc:  # what the real run would report for this thread
            summary.failed.append((legacy_id, failure_reason(exc)))
            continue
        summary.plans.append(planned)
        if planned.lossy and not allow_lossy:
            summary.skipped.append((legacy_id, skip_reason(planned)))
            continue
        try:
            stored(planned)
        except Exception as exc:
            summary.failed.append((legacy_id, failure_reason(exc)))
            continue
        summary.counts.add(planned.counts)
        summary.migrated += 1
        summary.lossy += planned.lossy
    return summary
