"""``repair(...)``: finish migrated threads whose target lost items at the end, and refuse any other difference.

The common crash case (a journal restored from before the last batch, items removed from the end)
leaves a target thread holding the first items of its plan and nothing else: those threads get
exactly what is missing, through the target's own exactly-once write. A thread changed in any
other way (an item changed, out of order, an item someone else wrote, the thread gone) is named
and left alone: it needs a person, or ``undo`` and a new migration.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from typing import Any, TextIO

import attrs
import httpx

from .._progress import Progress
from .._tasks import side_by_side
from ..archive import Archive
from ..targets.held import TargetGone, TargetUnreadable
from .checking import Job, as_archive, opened
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


async def _repair_one(job: Job, legacy_id: str, target_id: str, summary: RepairSummary) -> None:
    try:
        planned, expected = await job.expected(legacy_id)
        held = await job.checks.held(target_id)
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
    await job.checks.finish(planned, target_id, have, job.journal)
    summary.repaired.append((legacy_id, len(expected.items) - have))


async def repair(
    *,
    journal: str | os.PathLike[str],
    archive: Archive | str | os.PathLike[str] | None = None,
    store: str | None = None,
    sessions: str | None = None,
    only: Collection[str] | None = None,
    concurrency: int | None = None,
    api_key: str | None = None,
    base_url: str | None = None,
    organization: str | None = None,
    project: str | None = None,
    max_retries: int = 2,
    timeout: float | None = None,
    progress: TextIO | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> RepairSummary:
    """Send what is missing at the end of each migrated thread in ``journal`` (``only`` some), exactly once."""
    settings: dict[str, Any] = {"api_key": api_key, "base_url": base_url, "organization": organization,
                                "project": project, "max_retries": max_retries, "timeout": timeout}  # fmt: skip
    summary = RepairSummary()
    given = {"store": store, "sessions": sessions, "concurrency": concurrency}
    async with opened(journal, job="repair", archive=as_archive(archive), settings=settings, given=given,
                      transport=transport) as job:  # fmt: skip
        wanted = set(only) if only is not None else None
        left = [(e.legacy_id, e.target_id) for e in job.journal.entries()
                if e.state == "done" and e.target_id and (wanted is None or e.legacy_id in wanted)]  # fmt: skip
        meter = Progress(len(left), progress or sys.stderr, verb="checked")

        async def worker() -> None:
            while left:
                legacy_id, target_id = left.pop(0)
                await _repair_one(job, legacy_id, target_id, summary)
                meter.advance()

        try:
            await side_by_side(worker, max(1, min(job.target.concurrency, len(left))))
        finally:
            meter.close()
    return summary
