"""The report lists a run's threads in the run's order, whatever order their writes began in."""

from __future__ import annotations

import json
from pathlib import Path

from threadshim.migrate import Journal, write_report
from threadshim.migrate.summary import MigrationSummary

A, B, C = ("thread_" + letter * 24 for letter in "abc")


def test_the_report_follows_the_runs_order_not_the_order_writes_began(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        for legacy_id in (C, B, A):  # concurrent writes: any thread may begin first
            journal.plan(legacy_id, total=1, lossy=False, losses=[], kept={}, tools=[])
        written = write_report(tmp_path / "r.json", MigrationSummary(migrated=3), journal, [A, B, C, A])
        only = write_report(tmp_path / "o.json", MigrationSummary(migrated=1), journal, [B])
    assert [t["legacy_id"] for t in json.loads(written.read_text())["threads"]] == [A, B, C]
    assert [t["legacy_id"] for t in json.loads(only.read_text())["threads"]] == [B]
