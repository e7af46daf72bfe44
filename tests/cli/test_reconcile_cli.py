"""`threadshim reconcile` and `threadshim migrate --undo/--repair` from the command line: the summary line, the
report, exit codes, every slip refused in one line before anything is written, and undo killed with SIGKILL."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from threadshim.cli import main
from threadshim.migrate import Journal, migrate
from threadshim.testing import Emulator, EmulatorServer, Faults, seed_legacy_mixed
from threadshim.testing._faults import FaultPlan

from ..kills import kill_three_times
from ..migrate.conftest import BASE, KEY, archive_of, conversation, conversations, states
from ..migrate.test_undo import state


@pytest.fixture
def moved(tmp_path: Path) -> Iterator[tuple[Emulator, list[str], Path, Path, str]]:
    """Twelve legacy threads migrated to a served emulator's Conversations: it, the ids, archive, journal and URL."""
    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, 12, least=1, most=45, seed=5)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    journal = tmp_path / "m.db"
    with EmulatorServer(emulator) as server:
        done = asyncio.run(migrate(journal=journal, archive=archive, allow_lossy=True, api_key=KEY,
                                   base_url=server.base_url, progress=io.StringIO()))  # fmt: skip
        assert done.ok
        yield emulator, ids, archive, journal, server.base_url


def test_reconcile_prints_one_line_writes_the_report_and_fails_on_a_difference(
    moved: tuple[Emulator, list[str], Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, ids, archive, journal, url = moved
    command = ["reconcile", "--journal", str(journal), "--archive", str(archive), "--api-key", KEY, "--base-url", url]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert out.startswith("reconciled 12 migrated threads: 12 equal, 0 with differences") and "report" in out
    report = json.loads(journal.with_name("m.db.reconcile.json").read_text())
    assert report["summary"]["equal"] == 12 and len(report["threads"]) == 12
    with Journal(journal, read_only=True) as opened:
        victim = opened.target_of(ids[4]) or ""
    emulator.store.delete("conversation", victim)
    assert main(command) == 1
    captured = capsys.readouterr()
    assert "11 equal, 1 with differences (missing 1," in captured.out
    assert captured.err.splitlines()[-1] == (
        f"threadshim: {ids[4]} ({victim}): differs: conversation {victim} is gone (the API answers 404)"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--store", "sqlite:///x.db"], "--store does not apply to a journal of a conversations migration"),
        (["--report", "{journal}"], "is the journal"),
        (["--report", "{archive}"], "is the archive"),
    ],
)
def test_reconcile_slips_are_refused_in_one_line(
    moved: tuple[Emulator, list[str], Path, Path, str],
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    _, _, archive, journal, url = moved
    before = journal.read_bytes()
    flags = [f.format(journal=journal, archive=archive) for f in extra]
    code = main(["reconcile", "--journal", str(journal), "--archive", str(archive), "--api-key", KEY,
                 "--base-url", url, *flags])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1 and message in err, err
    assert journal.read_bytes() == before


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--undo", "--ids", "{ids}"], "--ids does not apply to --undo"),
        (
            ["--archive", "{archive}", "--repair", "--dry-run"],
            "--dry-run does not apply to --repair: `threadshim reconcile` shows",
        ),
        (
            ["--archive", "{archive}", "--undo", "--to", "chatkit"],
            "records a migration to conversations, not --to chatkit",
        ),
        (
            ["--archive", "{archive}", "--undo", "--store", "sqlite:///x.db"],
            "--store does not apply to a journal of a conversations migration",
        ),
        (
            ["--archive", "{archive}", "--only", "{ids}", "--to", "conversations"],
            "--only applies to --undo (or --repair)",
        ),
        (["--archive", "{archive}", "--undo", "--repair"], "not allowed with argument"),
        (["--archive", "{archive}", "--undo", "--report", "{journal}"], "is the journal"),
    ],
)
def test_undo_and_repair_slips_are_refused_in_one_line_before_anything_is_removed(
    moved: tuple[Emulator, list[str], Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    flags: list[str], message: str,
) -> None:  # fmt: skip
    emulator, ids, archive, journal, url = moved
    listed = tmp_path / "ids.txt"
    listed.write_text("\n".join(ids) + "\n")
    before, journal_bytes = state(emulator), journal.read_bytes()
    filled = [f.format(ids=listed, journal=journal, archive=archive) for f in flags]
    try:
        code = main(["migrate", "--journal", str(journal), "--api-key", KEY, "--base-url", url, *filled])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code == 2 and message in err, err
    assert state(emulator) == before and journal.read_bytes() == journal_bytes


def test_undo_killed_three_times_then_run_again_removes_exactly_what_the_migration_made(tmp_path: Path) -> None:
    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, 120, least=1, most=30, seed=9)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    with httpx.Client(base_url=BASE, transport=emulator.transport(), headers={"Authorization": f"Bearer {KEY}"}) as c:
        someone = c.post("/conversations", json={"items": [{"role": "user", "content": "mine"}]}).json()["id"]
    before = state(emulator)
    journal = tmp_path / "m.db"
    with EmulatorServer(emulator) as server:
        assert asyncio.run(migrate(journal=journal, archive=archive, allow_lossy=True, progress=io.StringIO(),
                                   api_key=KEY, base_url=server.base_url)).ok  # fmt: skip
        emulator.faults = FaultPlan(Faults(latency=0.03))
        command = [sys.executable, "-m", "threadshim.cli", "migrate", "--undo", "--journal", str(journal),
                   "--archive", str(archive), "--api-key", KEY, "--base-url", server.base_url,
                   "--concurrency", "2"]  # fmt: skip
        already = states(journal, "undone")  # each run is killed after it has undone a thread more than the last had
        kills, undone = kill_three_times(command, lambda: states(journal, "undone"), between=(0.2, 1.0),
                                         begun=lambda: states(journal, "undone") > already)  # fmt: skip
        finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 2 and 0 < max(undone) < len(ids), f"the kills did not land mid-run ({kills}, {undone})"
    emulator.faults = FaultPlan(Faults())
    assert state(emulator) == before and conversations(emulator) == [someone]
    assert conversation(emulator, someone)[1][0]["content"][0]["text"] == "mine"
    with Journal(journal, read_only=True) as opened:
        assert {e.state for e in opened.entries()} == {"undone"}
