"""``reconcile(...)``: prove the move: every migrated thread read back from its target and compared with its plan.

Each thread the journal marks done is read from the target (the conversation's items, every page;
the store's thread, items and attachments) and compared with what the target's plan of the
archived thread must hold (:mod:`.compare`). Each result is recorded in the journal as it is
found, so an interrupted reconcile carries on where it stopped (the same sample, the same seed);
one that finished starts over. Reads go through the same paced client as a migration's writes.
"""

from __future__ import annotations

import json
import os
import random
import time
from functools import partial
from pathlib import Path
from typing import Any

from typing_extensions import Unpack

from .._errors import JournalError
from .._journal import Journal
from ..archive import Archive
from ..targets.held import TargetGone, TargetUnreadable
from .checking import Job, JobOptions, as_archive, each, opened
from .compare import Difference, compare
from .reconcile_summary import ReconcileSummary, ThreadCheck, result_of

CHECK = "check"
"""The journal's target-row kind of a reconcile result (one per thread, the last run's)."""
RUN = "reconcile"
"""The journal setting of the reconcile run under way: its number, sample size, seed, and whether it ended."""


async def check_thread(job: Job, legacy_id: str, target_id: str) -> ThreadCheck:
    """Read one migrated thread from its target and compare it with its plan."""
    try:
        _, expected = await job.expected(legacy_id)
    except Exception as exc:  # its legacy thread cannot be read or planned: nothing to compare with
        return ThreadCheck(legacy_id, target_id, "unreadable", reason=f"its legacy thread cannot be read: {exc}")
    try:
        held = await job.held(legacy_id, target_id)
    except TargetGone as exc:
        return ThreadCheck(legacy_id, target_id, "differs", (Difference("missing", None, str(exc)),))
    except TargetUnreadable as exc:
        return ThreadCheck(legacy_id, target_id, "unreadable", reason=str(exc))
    differences = compare(expected, held)
    return ThreadCheck(legacy_id, target_id, result_of(differences), tuple(differences))


def _run_of(journal: Journal, sample: int | None, seed: int | None) -> dict[str, Any]:
    """The run to go on with (one that did not end, asked for the same way) or a new one."""
    last = json.loads(journal.setting(RUN) or "{}")
    same = (sample is None or sample == last.get("sample")) and (seed is None or seed == last.get("seed"))
    if last and not last.get("ended") and same:
        return dict(last)
    chosen = seed if seed is not None else random.SystemRandom().randrange(1 << 31)
    return {"run": int(last.get("run", 0)) + 1, "sample": sample, "seed": chosen, "ended": False}


async def reconcile(
    *,
    journal: str | os.PathLike[str],
    archive: Archive | str | os.PathLike[str] | None = None,
    sample: int | None = None,
    seed: int | None = None,
    strict: bool = False,
    **options: Unpack[JobOptions],
) -> ReconcileSummary:
    """Check every thread ``journal`` marks migrated (or a random ``sample`` of them) against ``archive``.

    The target is the one the journal records (a ChatKit import's ``store`` or an Agents import's
    ``sessions`` URL is passed again); ``archive`` is what was migrated (without it, the Assistants
    API is read). Threads not migrated are listed with their journal state. ``strict`` makes extra
    items (someone continued a conversation) a failure. An interrupted reconcile, run again the
    same way, carries on. ``options``: :class:`~.checking.JobOptions` (the account, ``concurrency``,
    ``progress``, a ``transport``).
    """
    if sample is not None and (isinstance(sample, bool) or not isinstance(sample, int) or sample < 1):
        raise JournalError(f"sample must be a whole number of at least 1, not {sample!r}")
    started = time.monotonic()
    legacy = as_archive(archive)
    async with opened(journal, job="reconcile", archive=legacy, options=options) as job:
        summary = await _reconcile(job, legacy, sample, seed)
        summary.requests, summary.rate_limited = job.pacer.requests, job.pacer.rate_limited
    summary.strict, summary.seconds = strict, time.monotonic() - started
    return summary


async def _reconcile(job: Job, archive: Archive | None, sample: int | None, seed: int | None) -> ReconcileSummary:
    journal = job.journal
    entries = journal.entries()
    migrated = [(e.legacy_id, e.target_id) for e in entries if e.state == "done" and e.target_id]
    run = _run_of(journal, sample, seed)
    journal.put_setting(RUN, json.dumps(run))
    chosen = migrated
    if run["sample"] is not None and run["sample"] < len(migrated):
        picked = set(random.Random(run["seed"]).sample(range(len(migrated)), run["sample"]))
        chosen = [pair for n, pair in enumerate(migrated) if n in picked]
    summary = ReconcileSummary(seed=run["seed"] if run["sample"] is not None else None, sample=run["sample"])
    known = {e.legacy_id for e in entries}
    summary.not_migrated = [(e.legacy_id, e.state) for e in entries if not (e.state == "done" and e.target_id)]
    if archive is not None:
        ids = archive.ids(order="asc")
        summary.not_migrated += [(legacy_id, "not started") for legacy_id in ids if legacy_id not in known]
    done: dict[str, ThreadCheck] = {}
    for legacy_id, _ in chosen:
        row = next(iter(journal.rows(legacy_id, CHECK)), None)
        if row is not None and row.data.get("run") == run["run"]:
            done[legacy_id] = ThreadCheck.of(row.data)
    summary.resumed = len(done)

    async def check(pair: tuple[str, str]) -> None:
        legacy_id, target_id = pair
        found = await check_thread(job, legacy_id, target_id)
        data = {**found.data(), "run": run["run"]}
        await journal.durable(partial(journal.put_row, legacy_id, CHECK, 0, found.result, data))
        done[legacy_id] = found

    await each(job, [pair for pair in chosen if pair[0] not in done], check, verb="checked", done=len(done))
    journal.put_setting(RUN, json.dumps({**run, "ended": True}))
    summary.checks = [done[legacy_id] for legacy_id, _ in chosen]
    return summary


def report_path(journal: Path) -> Path:
    """Where a reconcile's report goes unless told: beside the journal."""
    return journal.with_name(journal.name + ".reconcile.json")
