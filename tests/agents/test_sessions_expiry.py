"""The dry run warns of sessions whose items would expire before the history is old (an ``EncryptedSession``'s ttl)."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from threadshim.cli import main
from threadshim.migrate import migrate
from threadshim.testing import Emulator

from ..migrate.conftest import archive_of


def _old_archive(tmp_path: Path) -> Path:
    emulator = Emulator(deterministic=True)  # a fixed clock years back: the legacy history is old
    thread = emulator.add_thread({"metadata": {}})
    emulator.add_message(thread["id"], {"role": "user", "content": "from long ago"})
    return archive_of(emulator, [thread["id"]], tmp_path / "legacy.jsonl")


def test_an_encrypted_session_with_a_short_ttl_is_warned_of_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _old_archive(tmp_path)
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    command = ["migrate", "--to", "agents", "--sessions", "python:tests.agents.factory:encrypted_sessions",
               "--journal", str(tmp_path / "m.db"), "--archive", str(archive), "--dry-run"]  # fmt: skip
    assert main(command) == 0
    err = capsys.readouterr().err.splitlines()
    warning = next(line for line in err if line.startswith("threadshim: warning: "))
    assert "EncryptedSession with ttl=600 s, but the legacy history is up to" in warning
    assert "unreadable 600 s after it is written" in warning
    assert not (tmp_path / "m.db").exists()


def test_sessions_that_keep_their_items_get_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = _old_archive(tmp_path)
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    factory = "python:tests.agents.factory:sqlite_sessions"
    summary = asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, to="agents", dry_run=True,
                                  sessions=factory, progress=io.StringIO()))  # fmt: skip
    assert summary.dry_run and summary.warnings == []
