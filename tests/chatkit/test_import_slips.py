"""`migrate --to chatkit` refuses the store slips: another store of the same kind, a relative path from elsewhere."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path
from typing import Any

import pytest
from threadshim import ArchiveClaimed, InvalidRequest, JournalError
from threadshim.chatkit import store_identity
from threadshim.cli import main
from threadshim.migrate import Journal, migrate
from threadshim.testing import Emulator, seed_named

from ..migrate.conftest import archive_of
from .test_import import run


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    emulator = Emulator()
    ids = seed_named(emulator, "legacy:4x2")["legacy_thread_ids"]
    return archive_of(emulator, ids, tmp_path / "legacy.jsonl")


def test_a_journal_of_one_sqlite_store_is_refused_for_another(archive: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert run(archive, tmp_path / "j.db", f"sqlite:///{first}").migrated == 4
    with pytest.raises(JournalError) as refused:
        run(archive, tmp_path / "j.db", f"sqlite:///{second}", new_journal=True)
    assert str(refused.value) == (
        f"{tmp_path / 'j.db'} records a migration to chatkit sqlite:///{first}, not to sqlite:///{second}; "
        "use the journal made for this target, or another journal file"
    )
    assert not second.exists()  # refused before the store was opened


def test_a_relative_store_from_another_folder_is_another_store(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    args = ["migrate", "--to", "chatkit", "--archive", str(archive), "--workers", "0"]
    assert main([*args, "--store", "sqlite:///rel.db", "--journal", "j.db"]) == 0
    monkeypatch.chdir(tmp_path / "sub")
    capsys.readouterr()
    code = main([*args, "--store", "sqlite:///rel.db", "--journal", "../j.db", "--new-journal"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert (
        f"not to sqlite:///{tmp_path / 'sub' / 'rel.db'}" in err and f"chatkit sqlite:///{tmp_path / 'rel.db'}" in err
    )
    assert not (tmp_path / "sub" / "rel.db").exists()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.db").symlink_to(tmp_path / "rel.db")  # the same file by another name is the same store
    assert main([*args, "--store", "sqlite:///link.db", "--journal", "j.db"]) == 0
    assert "already done 4" in capsys.readouterr().out


def test_a_second_journal_for_the_same_store_is_refused(archive: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    run(archive, tmp_path / "j1.db", url)
    with pytest.raises(ArchiveClaimed, match=r"was migrated to chatkit sqlite:///.*s\.db with the journal "):
        run(archive, tmp_path / "j2.db", url)
    assert not (tmp_path / "j2.db").exists()


def test_the_store_file_as_the_report_or_journal_is_refused(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    base = ["migrate", "--to", "chatkit", "--archive", str(archive), "--store", "sqlite:///s.db"]
    assert main([*base, "--journal", "j.db", "--report", "s.db"]) == 2
    assert "the report s.db is the store (s.db)" in capsys.readouterr().err
    with pytest.raises(Exception, match=r"the journal .*s\.db is the store"):
        run(archive, tmp_path / "s.db", "sqlite:///s.db")


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_default_user_is_refused(archive: Path, tmp_path: Path, empty: str) -> None:
    with pytest.raises(InvalidRequest, match="default_user must name something"):
        run(archive, tmp_path / "j.db", f"sqlite:///{tmp_path / 's.db'}", default_user=empty)


def test_store_identities_name_one_store_and_never_a_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert store_identity("sqlite:///x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert store_identity(f"sqlite:///{tmp_path}/./x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert store_identity("postgresql://me:secret@DB.example:5432/app") == "postgresql://me@db.example:5432/app"
    assert store_identity("postgres://me@db.example/app") == "postgresql://me@db.example:5432/app"
    assert store_identity("postgresql://me@db.example:6543/app") != store_identity("postgresql://me@db.example/app")
    assert store_identity("postgresql://me@db.example/other") != store_identity("postgresql://me@db.example/app")
    assert "secret" not in store_identity("postgresql://me@h/app?password=secret&sslmode=require")


def test_an_unexpected_error_planning_one_thread_fails_that_thread_only(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from threadshim.targets.chatkit import target

    real = target.plan_chatkit_thread  # type: ignore[attr-defined]
    first_ids: list[str] = []

    def planner(thread: dict[str, Any], messages: list[dict[str, Any]], **keys: Any) -> Any:
        first_ids.append(thread["id"])
        if len(first_ids) == 2:
            raise AttributeError("'NoneType' object has no attribute 'to_dict'")
        return real(thread, messages, **keys)

    monkeypatch.setattr(target, "plan_chatkit_thread", planner)
    summary = run(archive, tmp_path / "j.db", f"sqlite:///{tmp_path / 's.db'}", workers=0)
    bad = first_ids[1]
    assert summary.migrated == 3 and not summary.ok
    assert summary.failed == [(bad, "unexpected AttributeError: 'NoneType' object has no attribute 'to_dict'")]
    with Journal(tmp_path / "j.db", read_only=True) as journal:
        entry = journal.entry(bad)
    assert entry is not None and entry.state == "failed" and entry.error == summary.failed[0][1]


def test_an_old_journal_adopts_the_store_with_one_notice(archive: Path, tmp_path: Path) -> None:
    journal = tmp_path / "old.db"
    url = f"sqlite:///{tmp_path / 's.db'}"
    with Journal(journal, target=f"chatkit {url}") as old:  # as journals were written before identities
        old.finish("thread_" + "z" * 24, "failed", "earlier")
    stream = io.StringIO()
    summary = asyncio.run(
        migrate(journal=journal, archive=archive, to="chatkit", store=url, progress=stream, workers=0)
    )
    assert summary.migrated == 4
    notices = [line for line in stream.getvalue().splitlines() if "notice" in line]
    assert notices == [
        f"threadshim: notice: {journal} was made before journals recorded their target; "
        f"it now records chatkit sqlite:///{os.path.realpath(tmp_path / 's.db')}"
    ]
