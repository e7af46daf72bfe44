"""The migration's report file and its one-line summary: what went where, what was lost, what failed and why."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .._journal import Journal
from .._journal_schema import UNCERTAIN_CREATE
from ..targets import recorded_kind
from .summary import MigrationSummary


def report_path(journal: str | os.PathLike[str], *, dry_run: bool = False) -> Path:
    """Where the report of a migration recorded in ``journal`` goes (a dry run's has its own name)."""
    journal = Path(journal)
    return journal.with_name(journal.name + (".dry-run.json" if dry_run else ".report.json"))


def column_of(target: str | None) -> str:
    """The report's name for a thread's id in the target a journal records (an older journal's: Conversations)."""
    kind = recorded_kind(target or "conversations")
    return kind.column if kind is not None else "target_id"


def _kept_names(kept: dict[str, Any]) -> list[str]:
    names = {name for fields in kept.get("messages", {}).values() for name in fields}
    names |= {f"thread.{name}" for name in kept.get("thread", {})}
    return sorted(names)


def _threads(summary: MigrationSummary, journal: Journal | None, ids: Sequence[str]) -> list[dict[str, Any]]:
    """One entry per thread of ``ids``, in their order (a journal's rows are in the order writes began: any)."""
    made = set(summary.synthesized)
    if summary.dry_run:
        return [
            {
                "legacy_id": p.legacy_id,
                "synthesized": p.legacy_id in made,
                "items": p.total,
                "lossy": p.lossy,
                "content_lost": p.losses,
                "kept_in_journal": _kept_names(p.kept),
                "responses_tools": p.tools,
            }
            for p in summary.plans
        ]
    position: dict[str, int] = {}
    for n, legacy_id in enumerate(ids):
        position.setdefault(legacy_id, n)
    entries = sorted((e for e in (journal.entries() if journal is not None else []) if e.legacy_id in position),
                     key=lambda e: position[e.legacy_id])  # fmt: skip
    uncertain = journal.count_rows(UNCERTAIN_CREATE, list(ids)) if journal is not None else {}
    where = column_of(journal.target if journal is not None else None)
    return [
        {
            "legacy_id": e.legacy_id,
            "synthesized": e.legacy_id in made,
            "state": e.state,
            where: e.target_id,
            "items": e.total,
            "lossy": e.lossy,
            "uncertain_creates": uncertain.get(e.legacy_id, 0),
            "error": e.error,
            "content_lost": e.losses,
            "kept_in_journal": _kept_names(e.kept),
            "responses_tools": e.tools,
        }
        for e in entries
    ]


def write_report(
    path: str | os.PathLike[str], summary: MigrationSummary, journal: Journal | None, ids: Sequence[str]
) -> Path:
    """Write the report of a run over ``ids`` (the summary, then one entry per thread) to ``path``; return it.

    A dry run's summary says ``would_migrate`` where a real run's says ``migrated``.
    """
    path = Path(path)
    counts = attrs.asdict(summary.counts)
    report = {
        "dry_run": summary.dry_run,
        "summary": {
            "would_migrate" if summary.dry_run else "migrated": summary.migrated,
            "already_done": summary.already,
            "lossy": summary.lossy,
            "skipped": len(summary.skipped),
            "failed": len(summary.failed),
            "not_found": len(summary.not_found),
            "synthesized": len(summary.synthesized),
            "uncertain_creates": summary.uncertain_creates,
            "requests": summary.requests if not summary.dry_run else summary.planned_requests,
            "rate_limited": summary.rate_limited,
            "content": counts,
        },
        "failed": [{"id": i, "error": e} for i, e in summary.failed],
        "not_found": summary.not_found,
        "skipped": [{"id": i, "reason": r} for i, r in summary.skipped],
        "threads": _threads(summary, journal, ids),
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def describe(summary: MigrationSummary, report: str | os.PathLike[str]) -> str:
    """The one-line summary of a run."""
    if summary.dry_run:
        head = (
            f"dry run, nothing sent: would migrate {summary.migrated} ({summary.lossy} lossy) "
            f"in about {summary.planned_requests} requests"
        )
    else:
        head = f"migrated {summary.migrated} ({summary.lossy} lossy)"
    return (
        f"{head}, already done {summary.already}, skipped {len(summary.skipped)}, failed {len(summary.failed)}, "
        f"not found {len(summary.not_found)}, uncertain creates {summary.uncertain_creates} (report: {report})"
    )
