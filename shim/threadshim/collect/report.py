"""What a collect run found and did, and the report it writes beside the archive: every input record accounted for."""

from __future__ import annotations

import json
import os
from pathlib import Path

import attrs

from .containers import Invalid
from .pile import Conflict


@attrs.define
class CollectSummary:
    """Counts and lists of a collect run: what was used, duplicated, in conflict, kept aside or invalid."""

    out: Path
    records: int = 0
    threads: int = 0
    messages: int = 0
    duplicates: int = 0
    synthesized: list[str] = attrs.field(factory=list)
    conflicts: list[Conflict] = attrs.field(factory=list)
    kept_aside: dict[str, int] = attrs.field(factory=dict)
    invalid: list[Invalid] = attrs.field(factory=list)
    missing: list[str] = attrs.field(factory=list)
    aside_file: Path | None = None

    @property
    def exit_code(self) -> int:
        """0 when everything was used, 1 when some record was invalid, 2 when no thread was found at all."""
        if self.threads == 0:
            return 2
        return 1 if self.invalid else 0


def report_path(out: str | os.PathLike[str]) -> Path:
    """Where the report of the collect that wrote ``out`` goes: ``OUT.collect.json``."""
    out = Path(out)
    return out.with_name(out.name + ".collect.json")


def aside_path(out: str | os.PathLike[str]) -> Path:
    """Where the objects kept aside (assistants, runs, files…) go: ``OUT.aside.jsonl``."""
    out = Path(out)
    return out.with_name(out.name + ".aside.jsonl")


def write_report(summary: CollectSummary) -> Path:
    """Write the report beside the archive; return its path."""
    path = report_path(summary.out)
    report = {
        "summary": {
            "records": summary.records,
            "threads": summary.threads,
            "messages": summary.messages,
            "synthesized": len(summary.synthesized),
            "duplicates": summary.duplicates,
            "conflicts": len(summary.conflicts),
            "kept_aside": sum(summary.kept_aside.values()),
            "invalid": len(summary.invalid),
            "missing": len(summary.missing),
        },
        "synthesized": summary.synthesized,
        "conflicts": [attrs.asdict(conflict) for conflict in summary.conflicts],
        "kept_aside": dict(sorted(summary.kept_aside.items())),
        "aside_file": str(summary.aside_file) if summary.aside_file is not None else None,
        "invalid": [{"place": bad.place, "reason": bad.reason} for bad in summary.invalid],
        "missing": summary.missing,
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def describe(summary: CollectSummary, report: Path) -> str:
    """The one-line summary of a collect run."""
    aside = sum(summary.kept_aside.values())
    missing = f", missing {len(summary.missing)}" if summary.missing else ""
    return (
        f"collected {summary.threads} threads ({len(summary.synthesized)} synthesized) and {summary.messages} "
        f"messages from {summary.records} objects: duplicates {summary.duplicates}, conflicts "
        f"{len(summary.conflicts)}, kept aside {aside}, invalid {len(summary.invalid)}{missing} (report: {report})"
    )
