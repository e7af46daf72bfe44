"""Journals and a store written by the release before the one-engine redesign open, resolve and continue."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from threadshim import ThreadShim
from threadshim import _journal_schema as journal_schema
from threadshim._journal_schema import UNCERTAIN_CREATE
from threadshim.migrate import Batch, ConversationLog, Entry, Journal, migrate, report_path, write_report
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


def _earlier_journal_with_progress(tmp_path: Path) -> Path:
    """The earlier release's Conversations journal, plus a thread half sent: two uncertain creates, one batch
    confirmed and one sent without an answer (as that release recorded them, in its own tables)."""
    path = tmp_path / "conversations.db"
    shutil.copy2(EARLIER / "conversations.db", path)
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO threads (legacy_id, state, target_id, total, sent, uncertain_creates, lossy, losses, "
            "updated_at) VALUES ('thread_half', 'sending', 'conv_half', 45, 20, 2, 1, '[{\"part\": 1}]', 0)"
        )
        db.execute("INSERT INTO batches VALUES ('thread_half', 0, 20, 'confirmed', '[\"m0\"]', '[\"i0\"]')")
        db.execute("INSERT INTO batches VALUES ('thread_half', 20, 20, 'sent', '[\"m20\"]', NULL)")
    db.close()
    return path


def _progress(journal: Journal) -> tuple[object, ...]:
    log = ConversationLog(journal)
    entry = journal.entry("thread_half")
    return (
        [e.legacy_id for e in journal.entries()],
        entry,
        log.batches("thread_half"),
        log.pending("thread_half"),
        log.sent("thread_half"),
        log.uncertain_creates(["thread_half", *DONE]),
        [log.sent(legacy_id) for legacy_id in DONE],
    )


def test_an_earlier_journal_read_only_is_read_upgraded_and_left_as_it_was(tmp_path: Path) -> None:
    path = _earlier_journal_with_progress(tmp_path)
    before = path.read_bytes()
    with Journal(path, read_only=True) as earlier:
        seen = _progress(earlier)
        assert earlier.target_of(DONE[0]) is not None and earlier.target == "conversations"
    assert seen == (
        [*DONE, "thread_half"],
        Entry("thread_half", "sending", "conv_half", 45, True, None, [{"part": 1}], {}, []),
        [Batch(0, 20, True), Batch(20, 20, False)],
        Batch(20, 20, False),
        20,
        2,
        [2, 2, 2],
    )
    assert path.read_bytes() == before  # a reader never writes, not even the upgrade


def test_an_earlier_journal_opened_by_a_run_is_upgraded_in_place_keeping_every_row(tmp_path: Path) -> None:
    path = _earlier_journal_with_progress(tmp_path)
    with Journal(path, read_only=True) as earlier:
        seen = _progress(earlier)
    with Journal(path, target="conversations") as upgraded:
        assert _progress(upgraded) == seen
        assert upgraded.count_rows(UNCERTAIN_CREATE, ["thread_half", *DONE]) == {"thread_half": 2}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"settings", "threads", "target_rows"}
        assert "sent" not in {row[1] for row in db.execute("PRAGMA table_info(threads)")}
        data = db.execute(
            "SELECT data FROM target_rows WHERE legacy_id = 'thread_half' AND kind = 'batch' ORDER BY position"
        ).fetchall()
        assert [json.loads(row[0]) for row in data] == [
            {"count": 20, "message_ids": ["m0"], "item_ids": ["i0"]},
            {"count": 20, "message_ids": ["m20"], "item_ids": []},  # NULL item ids (unanswered): none
        ]
    db.close()
    with Journal(path, read_only=True) as again:  # and it opens as this release's journal from then on
        assert _progress(again) == seen


def test_an_upgrade_that_fails_half_way_leaves_the_earlier_journal_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _earlier_journal_with_progress(tmp_path)

    def dump() -> list[object]:
        with sqlite3.connect(path) as db:
            found = [db.execute("PRAGMA user_version").fetchone(), *db.iterdump()]
        db.close()
        return found

    before = dump()

    def broken(*args: object) -> dict[str, object]:
        raise OSError("disk full")  # the machine failing after the tables were renamed and made

    monkeypatch.setattr(journal_schema, "_batch", broken)
    with pytest.raises(OSError, match="disk full"):
        Journal(path, target="conversations")
    assert dump() == before
    monkeypatch.undo()
    with Journal(path, target="conversations") as upgraded:
        assert ConversationLog(upgraded).pending("thread_half") == Batch(20, 20, False)
