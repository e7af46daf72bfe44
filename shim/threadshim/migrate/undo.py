"""``undo(...)``: take a migration back: remove what the journal says it made, and mark those threads not migrated.

Each thread the migration wrote to (done, or part-way) is read from its target first: one that
holds items the migration did not write (someone continued the conversation) is left alone
unless ``force``, named with those items. A removed thread is recorded as undone in the journal
after its removal, so ``migrate`` with the same journal moves it again exactly once; a run killed
between the two finds the thread gone the next time and records it then. Creates whose answer
never came cannot be undone (their ids were never known): they are counted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection
from pathlib import Path

import attrs
from typing_extensions import Unpack

from .._journal_schema import UNCERTAIN_CREATE
from ..archive import Archive
from ..targets.held import TargetGone, TargetUnreadable
from .checking import Job, JobOptions, each, opened
from .compare import compare


@attrs.define
class UndoSummary:
    """What an undo removed (or, in a dry run, would remove), found gone, refused and failed."""

    dry_run: bool = False
    removed: list[tuple[str, str]] = attrs.field(factory=list)
    gone: list[str] = attrs.field(factory=list)
    refused: list[tuple[str, str]] = attrs.field(factory=list)
    failed: list[tuple[str, str]] = attrs.field(factory=list)
    uncertain_creates: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether every thread asked for was removed (or was gone already)."""
        return not (self.refused or self.failed)

    def line(self) -> str:
        """The one-line summary."""
        verb = "would remove" if self.dry_run else "removed"
        uncertain = (
            f"; {self.uncertain_creates} creates never answered cannot be undone (their ids were never known)"
            if self.uncertain_creates
            else ""
        )
        return (
            f"undo: {verb} {len(self.removed)} threads, {len(self.gone)} already gone, {len(self.refused)} refused "
            f"(items the migration did not write; --force removes them), {len(self.failed)} failed{uncertain}"
        )


async def _undo_one(job: Job, legacy_id: str, target_id: str, force: bool, summary: UndoSummary) -> None:
    expected = None
    if not force:
        try:
            _, expected = await job.expected(legacy_id)
        except Exception as exc:
            why = f"cannot tell which items the migration wrote (its legacy thread cannot be read: {exc})"
            summary.refused.append((legacy_id, why + "; pass --archive, or --force to remove it anyway"))
            return
    try:
        held = await job.checks.held(target_id)
    except TargetGone:
        summary.gone.append(legacy_id)
        if not summary.dry_run:
            await job.journal.durable(lambda: job.journal.undone(legacy_id))
        return
    except TargetUnreadable as exc:
        summary.failed.append((legacy_id, str(exc)))
        return
    if expected is not None:
        differences = compare(expected, held)
        extra = [held.item_ids[d.position] for d in differences if d.kind == "extra" and d.position is not None]
        if extra:
            named = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
            summary.refused.append((legacy_id, f"{target_id} holds items the migration did not write: {named}"))
            return
    summary.removed.append((legacy_id, target_id))
    if not summary.dry_run:
        await job.checks.remove(target_id)
        await job.journal.durable(lambda: job.journal.undone(legacy_id))


async def undo(
    *,
    journal: str | os.PathLike[str],
    archive: Archive | str | os.PathLike[str] | None = None,
    only: Collection[str] | None = None,
    dry_run: bool = False,
    force: bool = False,
    **options: Unpack[JobOptions],
) -> UndoSummary:
    """Remove every thread the migration recorded in ``journal`` made in its target (``only`` some of them).

    ``archive`` says what the migration wrote, so a thread holding anything else is refused unless
    ``force``; ``dry_run`` reads and lists, removes nothing and leaves the journal as it is. A
    ChatKit import's ``store`` or an Agents import's ``sessions`` URL is passed again; ``options``
    as for :func:`~.reconcile.reconcile`. Run it again after an interruption.
    """
    started = time.monotonic()
    summary = UndoSummary(dry_run=dry_run)
    async with opened(journal, job="undo", archive=archive, options=options, write=not dry_run) as job:
        wanted = set(only) if only is not None else None
        entries = [e for e in job.journal.entries() if wanted is None or e.legacy_id in wanted]
        left = [(e.legacy_id, e.target_id) for e in entries if e.target_id is not None]

        async def step(pair: tuple[str, str]) -> None:
            await _undo_one(job, pair[0], pair[1], force, summary)

        await each(job, left, step, verb="undone")
        counted = job.journal.count_rows(UNCERTAIN_CREATE, [e.legacy_id for e in entries])
        summary.uncertain_creates = sum(counted.values())
    summary.seconds = time.monotonic() - started
    return summary


def undo_path(journal: Path) -> Path:
    """Where an undo's report goes unless told: beside the journal."""
    return journal.with_name(journal.name + ".undo.json")
