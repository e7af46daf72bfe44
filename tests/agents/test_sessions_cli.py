"""`threadshim migrate --to agents` from the command line: the report's session ids, old ids read through the
journal, reconcile and undo with --sessions, and slips refused in one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from threadshim.cli import main

from .test_sessions_target import legacy


def test_the_cli_migrates_reports_reads_reconciles_and_undoes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids, archive = legacy(tmp_path, (2, 21))
    url, journal = f"sqlite:///{tmp_path / 'agents.db'}", tmp_path / "m.db"
    assert (
        main(["migrate", "--to", "agents", "--sessions", url, "--journal", str(journal), "--archive", str(archive)])
        == 0
    )
    assert capsys.readouterr().out.startswith("migrated 2 (0 lossy), already done 0")
    report = json.loads((tmp_path / "m.db.report.json").read_text())
    assert [(t["legacy_id"], t["session_id"], t["state"]) for t in report["threads"]] == [(i, i, "done") for i in ids]
    assert main(["items", ids[1], "--journal", str(journal), "--sessions", url, "--archive", str(archive)]) == 0
    shown = capsys.readouterr().out
    assert "m0" in shown and "m20" in shown
    assert main(["reconcile", "--journal", str(journal), "--archive", str(archive), "--sessions", url]) == 0
    assert capsys.readouterr().out.startswith("reconciled 2 migrated threads: 2 equal")
    assert json.loads((tmp_path / "m.db.reconcile.json").read_text())["summary"]["equal"] == 2
    assert main(["migrate", "--undo", "--journal", str(journal), "--archive", str(archive), "--sessions", url]) == 0
    assert capsys.readouterr().out.startswith("undo: removed 2 threads")
    assert [row[0] for row in json.loads((tmp_path / "m.db.undo.json").read_text())["removed"]] == ids


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--to", "agents"], "--to agents needs --sessions: sqlite:///agents.db"),
        (
            ["--to", "conversations", "--sessions", "sqlite:///a.db"],
            "--sessions applies to --to agents, not --to conversations",
        ),
        (
            ["--to", "agents", "--sessions", "sqlite:///a.db", "--store", "sqlite:///b.db"],
            "--store applies to --to chatkit",
        ),
        (["--to", "agents", "--sessions", "sqlite:///{journal}"], "is the sessions database"),
    ],
)
def test_slips_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    _, archive = legacy(tmp_path, (1,))
    journal = tmp_path / "m.db"
    filled = [f.format(journal=journal) for f in flags]
    code = main(["migrate", "--journal", str(journal), "--archive", str(archive), "--api-key", "sk-x", *filled])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1 and message in err, err
    assert not journal.exists()
