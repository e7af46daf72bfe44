"""Group commit: concurrent tasks' journal records share transactions, stay in order, and never wait for reads."""

from __future__ import annotations

import asyncio
import io
import sqlite3
import threading
from functools import partial
from pathlib import Path

import pytest
from threadshim import JournalError
from threadshim.migrate import Journal, migrate
from threadshim.testing import Emulator, Faults, seed_legacy_bulk
from threadshim.testing._faults import FaultPlan

from .conftest import KEY, archive_of, conversation

GOAL = 0.2
"""Journal commits (each one sync of the file) per request at concurrency 16, at most."""


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every COMMIT the journal's writing connections run, counted from SQLite's own statement trace."""
    import threadshim._journal_files as files

    commits: list[str] = []
    real = files.connect

    def traced(path: Path, read_only: bool) -> sqlite3.Connection:
        db = real(path, read_only)
        db.set_trace_callback(lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
        return db

    monkeypatch.setattr(files, "connect", traced)
    return commits


def test_concurrent_writers_share_commits_below_the_goal_per_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulator = Emulator(faults=Faults(latency=0.05))  # answers take a while, as over a network
    ids = seed_legacy_bulk(emulator, 48, 30)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    commits = _counting(monkeypatch)
    summary = asyncio.run(
        migrate(
            journal=tmp_path / "m.db", archive=archive, api_key=KEY, concurrency=16, preflight=False,
            progress=io.StringIO(), transport=emulator.transport(),
        )
    )  # fmt: skip
    assert summary.ok and summary.migrated == 48 and summary.requests == 96
    per_request = len(commits) / summary.requests
    assert 0 < per_request <= GOAL, f"{len(commits)} commits for {summary.requests} requests"
    emulator.faults = FaultPlan(Faults())  # read back without the latency
    with Journal(tmp_path / "m.db", read_only=True) as journal:  # and everything arrived, exactly once
        for legacy_id in ids:
            entry = journal.entry(legacy_id)
            assert entry is not None and entry.state == "done"
            assert len(conversation(emulator, entry.target_id or "")[1]) == 30


def test_records_queued_during_a_commit_go_together_in_the_next(tmp_path: Path) -> None:
    inside, release = threading.Event(), threading.Event()

    def slow() -> None:  # the first group: held open until every other record is queued
        journal.finish("thread_first", "done")
        inside.set()
        release.wait(timeout=60)

    async def run() -> None:
        first = asyncio.ensure_future(journal.durable(slow))
        await asyncio.to_thread(inside.wait, 60)
        done = [partial(journal.finish, f"thread_{n}", "done") for n in range(10)]
        rest = [asyncio.ensure_future(journal.durable(work)) for work in done]
        await asyncio.sleep(0)  # each has queued its record
        release.set()
        await asyncio.gather(first, *rest)

    with Journal(tmp_path / "j.db", target="conversations") as journal:
        asyncio.run(run())
        assert journal.commits == 2
        assert len(journal.states()) == 11


def test_a_record_not_waited_for_is_written_before_anything_after_it(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        journal.later(lambda: journal.finish("thread_a", "failed", "first"))
        journal.finish("thread_a", "done")  # a plain write flushes what was queued before it
        assert journal.entry("thread_a").state == "done"  # type: ignore[union-attr]
        journal.later(lambda: journal.finish("thread_b", "done"))

        async def last() -> None:
            await journal.durable()

        asyncio.run(last())
        assert journal.entry("thread_b").state == "done"  # type: ignore[union-attr]
    with Journal(tmp_path / "j.db", read_only=True) as again:
        assert again.states() == {"thread_a": "done", "thread_b": "done"}


def test_reads_are_not_held_up_by_a_commit_in_progress(tmp_path: Path) -> None:
    inside, release = threading.Event(), threading.Event()
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        journal.finish("thread_old", "done")

        def held() -> None:
            journal.finish("thread_new", "done")
            inside.set()
            release.wait(timeout=60)

        async def run() -> tuple[str | None, str | None]:
            writing = asyncio.ensure_future(journal.durable(held))
            await asyncio.to_thread(inside.wait, 60)
            seen = journal.target_of("thread_old"), journal.entry("thread_new")  # read while the commit is open
            release.set()
            await writing
            return (seen[0], None if seen[1] is None else seen[1].state)

        assert asyncio.run(run()) == (None, None)  # what is committed: the old row, not yet the new one
        assert journal.entry("thread_new").state == "done"  # type: ignore[union-attr]


def test_a_failed_write_fails_its_waiters_and_every_write_after_it(tmp_path: Path) -> None:
    def broken() -> None:
        journal.finish("thread_a", "sideways")  # not a final state: a bug in a record

    async def run() -> None:
        with pytest.raises(JournalError, match="not a final state"):
            await journal.durable(broken)
        with pytest.raises(JournalError, match="not a final state"):
            await journal.durable(lambda: journal.finish("thread_b", "done"))

    with Journal(tmp_path / "j.db", target="conversations") as journal:
        asyncio.run(run())
        assert journal.states() == {}  # the group was rolled back whole


def test_at_rest_the_journal_is_one_file_in_rollback_mode(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with Journal(path, target="conversations") as journal:
        journal.finish("thread_a", "done")
        assert (tmp_path / "j.db-wal").exists()  # while a run holds it: write-ahead logging
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.db"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert db.execute("SELECT state FROM threads").fetchall() == [("done",)]
    db.close()


def test_a_journal_left_in_wal_mode_by_a_killed_run_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    killed = Journal(path, target="conversations")
    killed.finish("thread_a", "done")  # committed to the -wal file; the run dies without closing
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("j.db", "j.db-wal"):
        (copy / name).write_bytes((tmp_path / name).read_bytes())
    killed.close()
    with Journal(copy / "j.db", read_only=True) as journal:
        assert journal.states() == {"thread_a": "done"}
    with Journal(copy / "j.db", target="conversations") as journal:
        journal.finish("thread_b", "done")
    assert sorted(p.name for p in copy.iterdir()) == ["j.db"]
