"""`migrate --to chatkit`, exactly: title and user keys, a refused group split row for row, the journal."""

from __future__ import annotations

import asyncio
import io
import sqlite3
from pathlib import Path
from typing import Any

from threadshim.archive import Archive
from threadshim.chatkit import SQLStore, StoredThread, open_store
from threadshim.migrate import Journal, MigrationSummary, migrate
from threadshim.targets.chatkit.plan import plan_chatkit_thread
from threadshim.testing import Emulator, seed_legacy_mixed

from ..migrate.conftest import archive_of
from .helpers import thread


def _import(archive: Path, journal: Path, store: Path, **options: Any) -> MigrationSummary:
    run = migrate(
        journal=journal, archive=archive, to="chatkit", store=f"sqlite:///{store}", progress=io.StringIO(), **options
    )
    return asyncio.run(run)


def _rows(store: Path, leave_out: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(store) as db:
        found = {
            "threads": db.execute("SELECT id, user_id, data FROM chatkit_threads ORDER BY id").fetchall(),
            "items": db.execute("SELECT thread_id, id, data FROM chatkit_items ORDER BY thread_id, id").fetchall(),
            "attachments": db.execute(
                "SELECT id, user_id, thread_id, data FROM chatkit_attachments ORDER BY id"
            ).fetchall(),
        }
    db.close()
    place = {"threads": 0, "items": 0, "attachments": 2}
    return {name: [r for r in rows if r[place[name]] != leave_out] for name, rows in found.items()}


def test_the_title_and_user_keys_and_the_default_user_name_what_the_store_holds(tmp_path: Path) -> None:
    emulator = Emulator()
    named = emulator.add_thread({"metadata": {"name": "Refunds", "owner": "bob", "title": "no"}, "tool_resources": {}})
    plain = emulator.add_thread({"metadata": {"user": "ana"}, "tool_resources": {}})
    for made in (named, plain):
        emulator.add_message(made["id"], {"role": "user", "content": "hello", "metadata": {}})
    archive = archive_of(emulator, [named["id"], plain["id"]], tmp_path / "legacy.jsonl")
    options = {"title_key": "name", "user_key": "owner", "default_user": "nobody"}
    summary = _import(archive, tmp_path / "j.db", tmp_path / "s.db", **options)
    assert (summary.migrated, summary.planned_requests) == (2, 0)
    held = {row[0]: (row[1], '"title":"Refunds"' in row[2]) for row in _rows(tmp_path / "s.db")["threads"]}
    assert held == {"thr_" + named["id"][7:]: ("bob", True), "thr_" + plain["id"][7:]: ("nobody", False)}
    with Journal(tmp_path / "j.db", read_only=True) as journal:
        assert journal.target_of(named["id"]) == "thr_" + named["id"][7:]
    dry = asyncio.run(
        migrate(
            journal=tmp_path / "other.db", archive=archive, to="chatkit", store=f"sqlite:///{tmp_path / 'x.db'}",
            dry_run=True, progress=io.StringIO(),
        )
    )  # fmt: skip
    assert (dry.migrated, dry.planned_requests) == (2, 2)  # one transaction's share each


def test_a_group_the_store_refuses_is_written_thread_by_thread_with_every_row_its_own(tmp_path: Path) -> None:
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, 10, least=2, most=12, seed=3)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    plans = {i: plan_chatkit_thread(*Archive(archive).raw(i)) for i in ids}
    assert sum(len(p.attachments) for p in plans.values()) >= 5, "the seed gives threads with attachments"
    taken = plans[ids[6]].thread_id

    async def squat() -> None:
        store: SQLStore[Any] = open_store(f"sqlite:///{tmp_path / 'split.db'}")
        await store.put_threads([StoredThread("intruder", thread(taken))])
        await store.close()

    asyncio.run(squat())
    split = _import(archive, tmp_path / "split.j", tmp_path / "split.db", allow_lossy=True, group=10, workers=0)
    assert [legacy_id for legacy_id, _ in split.failed] == [ids[6]] and split.migrated == 9
    assert split.failed[0][1].startswith("the store refused it: ")
    whole = _import(archive, tmp_path / "one.j", tmp_path / "one.db", allow_lossy=True, group=1, workers=0)
    assert whole.migrated == 10
    split_rows = _rows(tmp_path / "split.db", leave_out=taken)
    assert split_rows == _rows(tmp_path / "one.db", leave_out=taken)
    expected = sum(len(p.attachments) for p in plans.values() if p.thread_id != taken)
    assert len(split_rows["attachments"]) == expected > 0
    with Journal(tmp_path / "split.j", read_only=True) as journal:
        assert journal.target_of(ids[6]) is None and journal.target_of(ids[7]) == plans[ids[7]].thread_id


def test_the_run_closes_the_store_it_opened(tmp_path: Path, monkeypatch: Any) -> None:
    emulator = Emulator()
    made = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    emulator.add_message(made["id"], {"role": "user", "content": "hello", "metadata": {}})
    archive = archive_of(emulator, [made["id"]], tmp_path / "legacy.jsonl")
    closed: list[str] = []
    original = SQLStore.close

    async def close(self: SQLStore[Any]) -> None:
        closed.append(self.backend.name)
        await original(self)

    monkeypatch.setattr(SQLStore, "close", close)
    assert _import(archive, tmp_path / "j.db", tmp_path / "s.db").migrated == 1
    assert len(closed) == 1
