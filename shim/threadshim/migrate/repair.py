"""``repair(...)``: finish migrated threads whose target lost items at the end, and refuse any other difference.

The common crash case (a journal restored from before the last batch, items removed from the end)
leaves a target thread holding the first items of its plan and nothing else: those threads get
exactly what is missing, through the target's own exactly-once write. A thread changed in any
other way (an item changed, out of order, an item someone else wrote, the thread gone) is named
and left alone: it needs a person, or ``undo`` and a new migration.
"""

from __future__ import annotations

import os
from collections.abc import Collection

import attrs
from typing_extensions import Unpack

from ..archive import Archive
from ..targets.held import Held, TargetGone, TargetUnreadable
from .checking import Job, JobOptions, each, opened
from .compare import compare, missing_tail


@attrs.define
class RepairSummary:
    """Threads repaired (with how many items were sent), found equal, and refused (with why)."""

    repaired: list[tuple[str, int]] = attrs.field(factory=list)
    equal: int = 0
    refused: list[tuple[str, str]] = attrs.field(factory=list)

    @property
    def ok(self) -> bool:
        """Whether every thread checked is now whole."""
        return not self.refused

    def line(self) -> str:
        """The one-line summary."""
        sent = sum(n for _, n in self.repaired)
        return (
            f"repair: {len(self.repaired)} threads finished ({sent} items sent), {self.equal} already equal, "
            f"{len(self.refused)} refused"
        )


def _out_of_place(job: Job, legacy_id: str, whole: Held, have: int) -> str | None:
    """Why a thread sharing its target thread (``whole``) cannot get its missing items at the end (None: it can)."""
    where = job.parts.get(legacy_id)
    if where is None:
        return None
    if where[1] is not None:  # others' items follow its own: none can go between
        return "goes on with other threads' items, so its missing ones cannot be put back in place"
    if len(whole.items) != where[0] + have:
        return "lacks items of the threads before this one, so its own would not go back in place"
    return None


async def _repair_one(job: Job, legacy_id: str, target_id: str, summary: RepairSummary) -> None:
    try:
        planned, expected = await job.expected(legacy_id)
        whole, held = await job.read(legacy_id, target_id)
    except TargetGone:
        summary.refused.append((legacy_id, f"{target_id} is gone: undo the thread, then migrate it again"))
        return
    except (TargetUnreadable, Exception) as exc:
        summary.refused.append((legacy_id, f"cannot be checked: {exc}"))
        return
    differences = compare(expected, held)
    if not differences:
        summary.equal += 1
        return
    have = missing_tail(expected, held)
    if have is None:
        kinds = sorted({d.kind.replace("_", " ") for d in differences})
        summary.refused.append(
            (legacy_id, f"{target_id} was changed by someone else ({', '.join(kinds)}): not repaired; check it by hand")
        )
        return
    why = _out_of_place(job, legacy_id, whole, have)
    if why is not None:
        summary.refused.append((legacy_id, f"{target_id} {why}: undo the session's threads and migrate them again"))
        return
    await job.checks.finish(planned, target_id, have, job.journal)
    summary.repaired.append((legacy_id, len(expected.items) - have))


async def repair(
    *,
    journal: str | os.PathLike[str],
    archive: Archive | str | os.PathLike[str] | None = None,
    only: Collection[str] | None = None,
    **options: Unpack[JobOptions],
) -> RepairSummary:
    """Send what is missing at the end of each migrated thread in ``journal`` (``only`` some), exactly once.

    ``options`` as for :func:`~.reconcile.reconcile`.
    """
    summary = RepairSummary()
    async with opened(journal, job="repair", archive=archive, options=options) as job:
        wanted = set(only) if only is not None else None
        left = [(e.legacy_id, e.target_id) for e in job.journal.entries()
                if e.state == "done" and e.target_id and (wanted is None or e.legacy_id in wanted)]  # fmt: skip

        async def step(pair: tuple[str, str]) -> None:
            await _repair_one(job, pair[0], pair[1], summary)

        await each(job, left, step, verb="checked")
    return summary
