"""Reconcile's runs and words: which run an interrupted reconcile carries on, what its summary line and report say,
and the journal's record of each check; undo's and repair's summaries, refusals and failures, word for word."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import pytest
from threadshim._errors import ExportLocked
from threadshim._lock import exclusive
from threadshim.migrate import Journal, JournalError
from threadshim.migrate.compare import Difference
from threadshim.migrate.reconcile import CHECK, RUN
from threadshim.migrate.reconcile_summary import ReconcileSummary, ThreadCheck
from threadshim.migrate.repair import RepairSummary, repair
from threadshim.migrate.undo import UndoSummary, undo

from .test_reconcile import Answering, _account, _append, _check, _target, interrupted, migrated


def _run(tmp_path: Path) -> dict[str, Any]:
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        found: dict[str, Any] = json.loads(journal.setting(RUN) or "{}")
        return found


def test_each_finished_reconcile_is_a_new_run_and_each_check_is_recorded(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 2))
    _check(tmp_path, emulator, archive)
    assert _run(tmp_path) == {"run": 1, "sample": None, "seed": _run(tmp_path)["seed"], "ended": True}
    _check(tmp_path, emulator, archive)
    assert _run(tmp_path)["run"] == 2 and _run(tmp_path)["ended"] is True
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        rows = [journal.rows(legacy_id, CHECK) for legacy_id in ids]
    assert [[(r.position, r.state, r.data["run"], r.data["result"]) for r in found] for found in rows] == [
        [(0, "equal", 2, "equal")],
        [(0, "equal", 2, "equal")],
    ]
    assert ThreadCheck.of(rows[0][0].data) == ThreadCheck(ids[0], _target(tmp_path, ids[0]), "equal")


def test_an_interrupted_run_asked_another_way_starts_over(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (1,) * 8)
    interrupted(tmp_path, emulator, archive, 6, sample=6, seed=11)
    assert _run(tmp_path) == {"run": 1, "sample": 6, "seed": 11, "ended": False}
    other_seed = _check(tmp_path, emulator, archive, sample=6, seed=12)
    assert other_seed.resumed == 0 and _run(tmp_path) == {"run": 2, "sample": 6, "seed": 12, "ended": True}
    interrupted(tmp_path, emulator, archive, 6, sample=6, seed=11)
    other_sample = _check(tmp_path, emulator, archive, sample=5, seed=11)
    assert other_sample.resumed == 0 and len(other_sample.checks) == 5 and _run(tmp_path)["run"] == 4
    interrupted(tmp_path, emulator, archive, 6, sample=6, seed=11)
    same = _check(tmp_path, emulator, archive)  # no sample or seed asked: the interrupted run goes on
    assert same.resumed > 0 and len(same.checks) == 6 and (same.sample, same.seed) == (6, 11)


def test_a_sample_as_large_as_the_migration_checks_every_thread(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 1, 1))
    assert [c.legacy_id for c in _check(tmp_path, emulator, archive, sample=3).checks] == ids
    assert [c.legacy_id for c in _check(tmp_path, emulator, archive, sample=9).checks] == ids


@pytest.mark.parametrize("sample", [0, -1, True, "3", 1.5])
def test_a_sample_that_is_not_a_whole_number_of_at_least_1_is_refused(tmp_path: Path, sample: Any) -> None:
    emulator, _, archive = migrated(tmp_path, (1,))
    with pytest.raises(JournalError, match=rf"^sample must be a whole number of at least 1, not {sample!r}$"):
        _check(tmp_path, emulator, archive, sample=sample)


def test_a_thread_part_way_is_listed_with_its_state_not_checked(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (2, 2))
    with Journal(tmp_path / "m.db") as journal:
        journal.plan(ids[1], total=2, lossy=False, losses=[], kept={}, tools=[])  # a run began it again
    summary = _check(tmp_path, emulator, archive)
    assert [c.legacy_id for c in summary.checks] == [ids[0]] and summary.not_migrated == [(ids[1], "sending")]


def test_a_thread_the_archive_does_not_hold_is_unreadable_and_keeps_its_target(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (2, 2))
    other = tmp_path / "other.jsonl"
    other.write_text("".join(line for line in archive.read_text().splitlines(keepends=True) if ids[1] not in line))
    found = {c.legacy_id: c for c in _check(tmp_path, emulator, other).checks}
    check = found[ids[1]]
    assert (check.legacy_id, check.target_id, check.result) == (ids[1], _target(tmp_path, ids[1]), "unreadable")
    assert check.reason.startswith("its legacy thread cannot be read: ") and found[ids[0]].result == "equal"


def test_the_summary_line_and_the_report_count_every_class() -> None:
    summary = ReconcileSummary(sample=4, seed=9, not_migrated=[("thread_n", "skipped")])
    summary.checks = [
        ThreadCheck("thread_a", "conv_a", "equal"),
        ThreadCheck("thread_b", "conv_b", "differs", (Difference("missing", 3, "m"), Difference("missing", 4, "m"))),
        ThreadCheck("thread_c", "conv_c", "differs", (Difference("out_of_order", 0, "o"), Difference("extra", 5, "x"))),
        ThreadCheck("thread_d", "conv_d", "unreadable", reason="403"),
        ThreadCheck("thread_e", "conv_e", "extra", (Difference("extra", 1, "x"),)),
    ]
    assert summary.line(Path("r.json")) == (
        "reconciled 5 migrated threads (a sample of 4, seed 9): 1 equal, 2 with differences (missing 1, changed 0, "
        "out of order 1), 2 with extra items, 1 unreadable; 1 not migrated; report r.json"
    )
    report = summary.report(Path("m.db"), "conversations", "https://x")
    assert report["summary"] == {
        "checked": 5, "equal": 1, "with_differences": 2, "unreadable": 1, "not_migrated": 1, "ok": False,
        "by_class": {"missing": 1, "changed": 0, "out_of_order": 1, "extra": 2},
    }  # fmt: skip
    assert report["threads"][1]["differences"] == [
        {"class": "missing", "position": 3, "detail": "m"},
        {"class": "missing", "position": 4, "detail": "m"},
    ]
    assert report["threads"][-1] == {"legacy_id": "thread_n", "state": "skipped"}
    assert (report["journal"], report["target"], report["sample"], report["seed"]) == ("m.db", "conversations", 4, 9)
    assert ReconcileSummary(checks=[ThreadCheck("t", "c", "extra")]).ok
    assert not ReconcileSummary(checks=[ThreadCheck("t", "c", "extra")], strict=True).ok


def test_undo_and_repair_summaries_say_what_they_did() -> None:
    done = UndoSummary(removed=[("t1", "c1"), ("t2", "c2")], gone=["t3"], refused=[("t4", "x")])
    assert done.line() == ("undo: removed 2 threads, 1 already gone, 1 refused (each with its reason), 0 failed")
    assert not done.ok and UndoSummary(gone=["t"]).ok and not UndoSummary(failed=[("t", "x")]).ok
    would = UndoSummary(dry_run=True, removed=[("t1", "c1")], uncertain_creates=2)
    assert would.line().startswith("undo: would remove 1 threads, 0 already gone") and would.line().endswith(
        "0 failed; 2 creates never answered cannot be undone (their ids were never known)"
    )
    fixed = RepairSummary(repaired=[("t1", 5), ("t2", 2)], equal=3)
    assert fixed.line() == "repair: 2 threads finished (7 items sent), 3 already equal, 0 refused" and fixed.ok


def test_undo_records_a_thread_found_gone_and_names_one_it_cannot_read(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 2, 3))
    emulator.store.delete("conversation", _target(tmp_path, ids[0]))
    refusing = Answering(emulator.transport(), refuse=_target(tmp_path, ids[2]))
    account = _account(emulator, refusing)
    would = asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, dry_run=True, max_retries=0, **account))
    assert would.gone == [ids[0]] and would.removed == [(ids[1], _target(tmp_path, ids[1]))]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert {e.state for e in journal.entries()} == {"done"}  # a dry run records nothing
    done = asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, max_retries=0, **account))
    assert done.gone == [ids[0]] and [legacy for legacy, _ in done.failed] == [ids[2]]
    assert "cannot be read" in done.failed[0][1] and "403" in done.failed[0][1]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert [e.state for e in journal.entries()] == ["undone", "undone", "done"]


def test_undo_names_at_most_five_foreign_items(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 1))
    for _ in range(7):
        _append(emulator, _target(tmp_path, ids[0]))
    for _ in range(5):
        _append(emulator, _target(tmp_path, ids[1]))
    refused = dict(asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, **_account(emulator))).refused)
    assert refused[ids[0]].endswith(" and 2 more (--force removes them too)") and refused[ids[0]].count(", ") == 4
    assert "more" not in refused[ids[1]] and refused[ids[1]].count(", ") == 4


def test_repair_refuses_a_thread_gone_or_unreadable_naming_why(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path, (1, 2))
    gone = _target(tmp_path, ids[0])
    emulator.store.delete("conversation", gone)
    refusing = Answering(emulator.transport(), refuse=_target(tmp_path, ids[1]))
    summary = asyncio.run(repair(journal=tmp_path / "m.db", archive=archive, max_retries=0,
                                 **_account(emulator, refusing)))  # fmt: skip
    refused = dict(summary.refused)
    assert refused[ids[0]] == f"{gone} is gone: undo the thread, then migrate it again"
    assert refused[ids[1]].startswith("cannot be checked: conversation ") and not summary.ok


def test_a_journal_a_migration_holds_is_refused_naming_the_migration(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (1,))
    with exclusive(tmp_path / "m.db", job="migration"), pytest.raises(ExportLocked) as refused:
        _check(tmp_path, emulator, archive)
    assert f"m.db is being written by another migration (process {os.getpid()}); wait for it" in str(refused.value)
    assert _check(tmp_path, emulator, archive).ok  # once it ends, the journal is free
