"""Importing an export archive into a ChatKit store, each thread whole, exactly once, recorded in the journal.

Threads are planned in the archive's order of creation and written ``group`` at a time, each group
in one store transaction: a thread is in the store whole or not at all. The journal marks a group
done only after its transaction commits, so a crash between the two leaves threads the journal does
not yet know are there; the next run writes them again under the same ids, and the store's upserts
leave one copy. A group the store refuses is retried one thread at a time, so one bad thread fails
alone.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TextIO

import attrs

from .._errors import NotFoundError, ThreadShimError
from .._journal import Journal, Moved
from .._lock import exclusive
from .._progress import Progress
from ..archive import Archive
from ..chatkit import StoredThread, open_store, redact_url
from ..targets.chatkit import ChatKitTarget, stored
from ..targets.chatkit_plan import ChatKitPlan, plan
from .summary import MigrationSummary


@attrs.frozen
class Mapping:
    """Which metadata keys hold a legacy thread's title and user, and the user of threads with none."""

    title_key: str = "title"
    user_key: str = "user"
    default_user: str = "default"


def target_name(store: str) -> str:
    """What the journal records as the target: the store, its password hidden."""
    return f"chatkit {redact_url(store)}"


class _Run:
    def __init__(self, journal: Journal, target: ChatKitTarget, summary: MigrationSummary, meter: Progress) -> None:
        self.journal, self.target, self.summary, self.meter = journal, target, summary, meter
        self.pending: list[tuple[ChatKitPlan, StoredThread]] = []

    async def flush(self) -> None:
        """Write the pending threads in one transaction (one by one if the store refuses the group)."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            await self.target.write([whole for _, whole in batch])
        except ThreadShimError as exc:
            if len(batch) == 1:
                self.fail(batch[0][0].legacy_id, f"the store refused it: {exc}")
                return
            for one in batch:
                self.pending = [one]
                await self.flush()
            return
        self.journal.done_many([_moved(planned) for planned, _ in batch])
        for planned, _ in batch:
            self.summary.migrated += 1
            self.summary.lossy += planned.lossy
            self.summary.counts.add(planned.counts)
            self.meter.advance()

    def fail(self, legacy_id: str, reason: str) -> None:
        """Record a thread that could not be imported; the run goes on."""
        self.summary.failed.append((legacy_id, reason))
        self.journal.finish(legacy_id, "failed", reason)
        self.meter.advance()


def _moved(planned: ChatKitPlan) -> Moved:
    losses = [attrs.asdict(loss) for loss in planned.losses]
    return Moved(
        planned.legacy_id, planned.thread_id, len(planned.items), planned.lossy, losses, planned.kept, planned.tools
    )


def _plan(archive: Archive, legacy_id: str, mapping: Mapping) -> ChatKitPlan:
    thread, messages = archive.raw(legacy_id)
    keys = {"title_key": mapping.title_key, "user_key": mapping.user_key, "default_user": mapping.default_user}
    return plan(thread, messages, **keys)


def _skip_reason(planned: ChatKitPlan) -> str:
    return f"it would lose message content ({len(planned.losses)} parts); pass --allow-lossy to import it anyway"


async def import_archive(
    *,
    journal: Path,
    archive: Archive,
    store: str,
    mapping: Mapping,
    allow_lossy: bool,
    dry_run: bool,
    group: int,
    progress: TextIO,
) -> MigrationSummary:
    """Import every thread of ``archive`` into the ChatKit store at ``store``; see the module docstring."""
    todo = archive.ids(order="asc")
    if dry_run:
        return _dry_run(todo, archive, journal, mapping, allow_lossy)
    summary = MigrationSummary()
    started = time.monotonic()
    opened_store = open_store(store)
    with exclusive(journal, job="migration"), Journal(journal, target=target_name(store)) as opened:
        meter = Progress(len(todo), progress, verb="imported")
        run = _Run(opened, ChatKitTarget(opened_store), summary, meter)
        try:
            for legacy_id in todo:
                entry = opened.entry(legacy_id)
                if entry is not None and entry.state == "done":
                    summary.already += 1
                    meter.advance()
                    continue
                try:
                    planned = _plan(archive, legacy_id, mapping)
                except NotFoundError as exc:
                    summary.not_found.append(legacy_id)
                    opened.finish(legacy_id, "failed", f"not found: {exc}")
                    meter.advance()
                    continue
                if planned.lossy and not allow_lossy:
                    losses = [attrs.asdict(loss) for loss in planned.losses]
                    reason = _skip_reason(planned)
                    total = len(planned.items)
                    opened.skip(
                        legacy_id, total=total, losses=losses, kept=planned.kept, tools=planned.tools, reason=reason
                    )
                    summary.skipped.append((legacy_id, reason))
                    meter.advance()
                    continue
                try:
                    run.pending.append((planned, stored(planned)))
                except ThreadShimError as exc:
                    run.fail(legacy_id, str(exc))
                    continue
                if len(run.pending) >= group:
                    await run.flush()
            await run.flush()
        finally:
            meter.close()
            await opened_store.close()
            summary.seconds = time.monotonic() - started
    return summary


def _dry_run(todo: list[str], archive: Archive, journal: Path, mapping: Mapping, allow_lossy: bool) -> MigrationSummary:
    summary = MigrationSummary(dry_run=True)
    known = Journal(journal, read_only=True) if journal.is_file() else None
    try:
        for legacy_id in todo:
            entry = known.entry(legacy_id) if known is not None else None
            if entry is not None and entry.state == "done":
                summary.already += 1
                continue
            planned = _plan(archive, legacy_id, mapping)
            summary.plans.append(planned)
            if planned.lossy and not allow_lossy:
                summary.skipped.append((legacy_id, _skip_reason(planned)))
                continue
            try:
                stored(planned)
            except ThreadShimError as exc:
                summary.failed.append((legacy_id, str(exc)))
                continue
            summary.counts.add(planned.counts)
            summary.migrated += 1
            summary.lossy += planned.lossy
    finally:
        if known is not None:
            known.close()
    return summary
