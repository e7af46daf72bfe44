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
from functools import partial
from pathlib import Path

import attrs
from typing_extensions import Unpack

from .._journal import Journal
from .._journal_rows import Entry
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
            f"(each with its reason), {len(self.failed)} failed{uncertain}"
        )


async def _refusal(job: Job, legacy_id: str, target_id: str, force: bool) -> str | None:
    """Why what the migration made of a thread must stay (None: it may go); TargetGone or TargetUnreadable."""
    expected = None
    if not force:
        try:
            _, expected = await job.expected(legacy_id)
        except Exception as exc:
            why = f"cannot tell which items the migration wrote (its legacy thread cannot be read: {exc})"
            return why + "; pass --archive, or --force to remove it anyway"
    held = await job.held(legacy_id, target_id)
    if expected is not None:
        differences = compare(expected, held)
        extra = [held.item_ids[d.position] for d in differences if d.kind == "extra" and d.position is not None]
        if extra:
            named = ", ".join(extra[:5]) + (f" and {len(extra) - 5} more" if len(extra) > 5 else "")
            return f"{target_id} holds items the migration did not write: {named} (--force removes them too)"
    return None


async def _undo_one(job: Job, target_id: str, members: list[str], force: bool, summary: UndoSummary) -> None:
    """Remove one target thread and record its legacy threads (one, or all that share it) undone."""
    journal = job.journal
    try:
        for legacy_id in members:
            why = await _refusal(job, legacy_id, target_id, force)
            if why is not None:
                whose = "" if len(members) == 1 else f" (in thread {legacy_id}'s part; the threads sharing it stay)"
                summary.refused.extend((member, why + whose) for member in members)
                return
    except TargetGone:
        summary.gone.extend(members)
        if not summary.dry_run:
            await journal.durable(partial(_undone, journal, members))
        return
    except TargetUnreadable as exc:
        summary.failed.extend((member, str(exc)) for member in members)
        return
    summary.removed.extend((member, target_id) for member in members)
    if not summary.dry_run:
        await job.checks.remove(target_id)
        await journal.durable(partial(_undone, journal, members))


def _undone(journal: Journal, members: list[str]) -> None:
    for member in members:
        journal.undone(member)


def _units(
    job: Job, every: list[Entry], left: list[tuple[str, str]], wanted: set[str] | None, summary: UndoSummary
) -> list[tuple[str, list[str]]]:
    """Each target thread to remove with its legacy threads: a shared one only with every thread it holds."""
    sharing: dict[str, list[str]] = {}
    for entry in every:
        if entry.legacy_id in job.parts:  # a part of a shared target thread (it has a target id)
            sharing.setdefault(str(entry.target_id), []).append(entry.legacy_id)
    units: list[tuple[str, list[str]]] = []
    for legacy_id, target_id in left:
        if legacy_id not in job.parts:
            units.append((target_id, [legacy_id]))
            continue
        together = sorted(sharing.pop(target_id, []), key=lambda member: job.parts[member][0])
        if not together:  # the shared thread was taken care of with the first of its threads
            continue
        kept = [member for member in together if wanted is not None and member not in wanted]
        if kept:
            why = f"{target_id} also holds thread {', '.join(kept[:5])}: undo the threads that share it together"
            summary.refused.extend((member, why) for member in together if member not in kept)
            continue
        units.append((target_id, together))
    return units


def _in_order(job: Job, every: list[Entry], summary: UndoSummary) -> None:
    """The summary's threads in the migration's order: the archive's when the undo reads one, else the journal's.

    Threads are undone several at once and finish in any order; the summary and its report do not.
    """
    archive = getattr(job.reader, "archive", None)
    ids = archive.ids() if isinstance(archive, Archive) else [e.legacy_id for e in every]
    position = {legacy_id: n for n, legacy_id in enumerate(ids)}  # each id once: an archive's, a journal's
    for found in (summary.removed, summary.refused, summary.failed):
        found.sort(key=lambda row: position.get(row[0], len(position)))
    summary.gone.sort(key=lambda legacy_id: position.get(legacy_id, len(position)))


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
        every = job.journal.entries()
        entries = [e for e in every if wanted is None or e.legacy_id in wanted]
        left = [(e.legacy_id, e.target_id) for e in entries if e.target_id is not None]

        async def step(unit: tuple[str, list[str]]) -> None:
            await _undo_one(job, unit[0], unit[1], force, summary)

        await each(job, _units(job, every, left, wanted, summary), step, verb="undone")
        _in_order(job, every, summary)
        counted = job.journal.count_rows(UNCERTAIN_CREATE, [e.legacy_id for e in entries])
        summary.uncertain_creates = sum(counted.values())
    summary.seconds = time.monotonic() - started
    return summary


def undo_path(journal: Path) -> Path:
    """Where an undo's report goes unless told: beside the journal."""
    return journal.with_name(journal.name + ".undo.json")
