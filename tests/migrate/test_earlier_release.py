"""Journals and a store written by the release before the one-engine redesign open, resolve and continue."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import sqlite3
from pathlib import Path

from threadshim import ThreadShim
from threadshim.migrate import Journal, migrate, report_path, write_report
from threadshim.testing import Emulator

from .conftest import KEY

EARLIER = Path(__file__).resolve().parent.parent / "fixtures" / "release-2026-12-04"
DONE = ["thread_2yW4Acq9GFz6Y1t9EwL56nGi", "thread_zT0YQOaNF03vpUuT3em6KopZ", "thread_efRWi4j7c1f5S71IRz1THrHZ"]
LEFT = ["thread_oc0KO67IMRebhOmM1Khzfx1h", "thread_kSRn9XdYRk2kvHqhM6CQlaER"]


def _copy(tmp_path: Path, *names: str) -> None:
    for name in ("legacy.jsonl", *names):
        shutil.copy2(EARLIER / name, tmp_path / name)


def test_a_conversations_journal_resolves_its_threads_and_the_next_run_moves_only_the_rest(tmp_path: Path) -> None:
    _copy(tmp_path, "conversations.db")
    journal = tmp_path / "conversations.db"
    with Journal(journal, read_only=True) as earlier:
        moved = {legacy_id: earlier.target_of(legacy_id) for legacy_id in DONE}
    assert all(target is not None and target.startswith("conv_") for target in moved.values())
    emulator = Emulator()
    summary = asyncio.run(
        migrate(
            journal=journal, archive=tmp_path / "legacy.jsonl", api_key=KEY, transport=emulator.transport(),
            progress=io.StringIO(),
        )
    )  # fmt: skip
    assert (summary.migrated, summary.already, summary.ok) == (2, 3, True)
    assert len(emulator.store.ids("conversation")) == 2  # nothing sent again for the three already moved
    with Journal(journal, read_only=True) as now:
        assert {legacy_id: now.target_of(legacy_id) for legacy_id in DONE} == moved
        assert all((now.target_of(legacy_id) or "").startswith("conv_") for legacy_id in LEFT)
        report = write_report(report_path(journal), summary, now, [*DONE, *LEFT])
    rows = json.loads(report.read_text())["threads"]
    assert [row["conversation_id"] for row in rows[:3]] == [moved[i] for i in DONE]


def test_a_chatkit_journal_and_store_continue_and_old_ids_resolve_to_the_store(tmp_path: Path) -> None:
    _copy(tmp_path, "chatkit.db", "store.db")
    journal, store = tmp_path / "chatkit.db", f"sqlite:///{tmp_path / 'store.db'}"
    # the journal names the store where it was made; this copy is elsewhere, so point it here
    with sqlite3.connect(journal) as db:
        db.execute(
            "UPDATE settings SET value = ? WHERE name = 'identity'", (f"sqlite:///{(tmp_path / 'store.db').resolve()}",)
        )
    db.close()
    with ThreadShim(journal=journal, store=store, archive=tmp_path / "legacy.jsonl") as shim:
        first = shim.retrieve(DONE[0])
        assert (first.id, first.source) == ("thr_" + DONE[0].removeprefix("thread_"), "chatkit_store")
        assert (first.legacy_id, first.title) == (DONE[0], "Thread 0")
        assert [item.text for item in shim.items(DONE[0])] == ["question 0", "answer 0"]
    summary = asyncio.run(
        migrate(journal=journal, archive=tmp_path / "legacy.jsonl", to="chatkit", store=store, progress=io.StringIO())
    )
    assert (summary.migrated, summary.already, summary.ok) == (2, 3, True)
    with ThreadShim(journal=journal, store=store) as shim:
        listed = [(t.source, t.title) for t in shim.list(order="asc")]
        assert listed == [("chatkit_store", f"Thread {n}") for n in range(5)]
        assert [item.text for item in shim.items(LEFT[1])] == ["question 4", "answer 4"]
