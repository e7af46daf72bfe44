"""Exactly once, exactly: which failures are retried, how often, what the journal says after each, and the limits."""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim.migrate import ConversationLog, Journal, MigrationSummary, migrate
from threadshim.targets.conversations.writer import RATE_LIMITED_TRIES
from threadshim.testing import Emulator

from .conftest import BASE, KEY, archive_of, conversation, conversations, texts


def _thread(emulator: Emulator, count: int) -> str:
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    for n in range(count):
        emulator.add_message(thread["id"], {"role": "user", "content": f"m{n}", "metadata": {}})
    return str(thread["id"])


def _setup(tmp_path: Path, count: int) -> tuple[Emulator, str, Path]:
    emulator = Emulator()
    legacy_id = _thread(emulator, count)
    return emulator, legacy_id, archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")


def _run(emulator: Emulator, tmp_path: Path, archive: Path, **options: Any) -> MigrationSummary:
    return asyncio.run(
        migrate(
            archive=archive,
            journal=tmp_path / "m.db",
            api_key=KEY,
            base_url=BASE,
            transport=emulator.transport(),
            progress=io.StringIO(),
            preflight=False,  # the failures these tests script are for the writes
            **options,
        )
    )


def _posts(emulator: Emulator) -> list[str]:
    """Record each request the emulator is sent, as ``METHOD path``."""
    calls: list[str] = []
    real = emulator.handle

    def handle(method: str, path: str, *rest: Any) -> Any:
        calls.append(f"{method} {path}")
        return real(method, path, *rest)

    emulator.handle = handle  # type: ignore[method-assign,assignment]
    return calls


def _fail_adds(emulator: Emulator, status: int) -> Any:
    """Answer every add-items request with ``status``; returns the emulator's own handler, to restore it."""
    real = emulator.handle

    def handle(method: str, path: str, *rest: Any) -> Any:
        if method == "POST" and path.endswith("/items"):
            emulator.fail_next(status, 1)
        return real(method, path, *rest)

    emulator.handle = handle  # type: ignore[method-assign,assignment]
    return real


@pytest.mark.parametrize("status", [0, 408, 409, 500, 503])
def test_a_create_with_an_unknown_outcome_is_sent_again_and_counted(tmp_path: Path, status: int) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 3)
    emulator.fail_next(status, 2)
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.migrated == 1 and summary.uncertain_creates == 2 and summary.requests == 3
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(legacy_id)
        assert entry is not None and (
            entry.state,
            ConversationLog(journal).sent(legacy_id),
            ConversationLog(journal).uncertain_creates([legacy_id]),
        ) == ("done", 3, 2)
        assert (
            ConversationLog(journal).batches(legacy_id) == [ConversationLog(journal).batches(legacy_id)[0]]
            and ConversationLog(journal).batches(legacy_id)[0].confirmed
        )
        assert texts(conversation(emulator, journal.target_of(legacy_id) or "")[1]) == ["m0", "m1", "m2"]


@pytest.mark.parametrize("status", [400, 404, 422, 499])
def test_a_create_refused_outright_fails_the_thread_at_once_and_leaves_no_batch(tmp_path: Path, status: int) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 3)
    emulator.fail_next(status, 1)
    summary = _run(emulator, tmp_path, archive)
    assert [i for i, _ in summary.failed] == [legacy_id] and summary.requests == 1 and summary.uncertain_creates == 0
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(legacy_id)
        assert entry is not None and (entry.state, entry.target_id, entry.error) == (
            "failed",
            None,
            summary.failed[0][1],
        )
        assert ConversationLog(journal).batches(legacy_id) == [] and ConversationLog(journal).pending(legacy_id) is None
    assert conversations(emulator) == []


def test_retries_stop_after_max_retries_and_the_last_error_is_reported(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 3)
    emulator.fail_next(503, 3)
    summary = _run(emulator, tmp_path, archive, max_retries=2)
    assert [i for i, _ in summary.failed] == [legacy_id] and summary.requests == 3 and summary.uncertain_creates == 3
    assert "503" in summary.failed[0][1]
    emulator.fail_next(503, 4)
    again = _run(emulator, tmp_path, archive, max_retries=4)
    assert again.ok and again.requests == 5 and again.uncertain_creates == 7


def test_an_add_that_keeps_failing_is_looked_up_each_time_and_the_thread_resumes_later(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 25)
    calls = _posts(emulator)
    real = _fail_adds(emulator, 500)
    summary = _run(emulator, tmp_path, archive, max_retries=1)
    assert [i for i, _ in summary.failed] == [legacy_id] and "500" in summary.failed[0][1]
    adds = [c for c in calls if c.startswith("POST") and c.endswith("/items")]
    looks = [c for c in calls if c.startswith("GET") and "/items" in c]
    assert (len(adds), len(looks)) == (2, 2)
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(legacy_id)
        assert entry is not None and (entry.state, ConversationLog(journal).sent(legacy_id)) == ("failed", 20)
        assert [(b.first_item, b.count, b.confirmed) for b in ConversationLog(journal).batches(legacy_id)] == [
            (0, 20, True)
        ]
    emulator.handle = real  # type: ignore[method-assign]
    again = _run(emulator, tmp_path, archive)
    assert again.ok and again.migrated == 1 and again.uncertain_creates == 0
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert texts(conversation(emulator, journal.target_of(legacy_id) or "")[1]) == [f"m{n}" for n in range(25)]
    assert len(conversations(emulator)) == 1


def test_an_add_refused_outright_is_not_looked_up(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 25)
    calls = _posts(emulator)
    _fail_adds(emulator, 400)
    summary = _run(emulator, tmp_path, archive)
    assert [i for i, _ in summary.failed] == [legacy_id]
    assert [c for c in calls if c.startswith("GET")] == []
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert ConversationLog(journal).pending(legacy_id) is None and ConversationLog(journal).sent(legacy_id) == 20


def test_429s_are_ridden_out_up_to_the_limit_per_write(tmp_path: Path) -> None:
    assert RATE_LIMITED_TRIES == 30
    emulator, _, archive = _setup(tmp_path, 1)
    emulator.fail_next(429, RATE_LIMITED_TRIES - 1, retry_after_ms=0)
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.rate_limited == RATE_LIMITED_TRIES - 1 and summary.uncertain_creates == 0
    (tmp_path / "b").mkdir()
    emulator2, legacy2, archive2 = _setup(tmp_path / "b", 1)
    emulator2.fail_next(429, RATE_LIMITED_TRIES, retry_after_ms=0)
    failed = _run(emulator2, tmp_path / "b", archive2)
    assert [i for i, _ in failed.failed] == [legacy2] and failed.rate_limited == RATE_LIMITED_TRIES
    assert failed.requests == RATE_LIMITED_TRIES and conversations(emulator2) == []


def test_a_lossy_thread_is_skipped_with_the_count_of_parts_it_would_lose(tmp_path: Path) -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    emulator.add_message(thread["id"], {"role": "user", "content": "hi", "metadata": {}})
    legacy_id = str(thread["id"])
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    lines = archive.read_text().splitlines()
    lines[0] = lines[0].replace('"content":[', '"content":[{"type":"video"},{"type":"audio"},', 1)
    archive.write_text("\n".join(lines) + "\n")
    summary = _run(emulator, tmp_path, archive)
    reason = "it would lose message content (2 parts); pass --allow-lossy to migrate it anyway"
    assert summary.skipped == [(legacy_id, reason)] and summary.migrated == 0 and summary.requests == 0
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(legacy_id)
        assert entry is not None and entry.state == "skipped" and entry.total == 1
        assert entry.error == reason
        assert (entry.tools, entry.kept["thread"]) == (
            [],
            {"created_at": entry.kept["thread"]["created_at"], "tool_resources": {}},
        )
        assert [loss["reason"] for loss in entry.losses] == [
            "no equivalent for a 'video' part",
            "no equivalent for a 'audio' part",
        ]


def test_a_create_left_unanswered_by_a_killed_run_is_counted_once_and_sent_again(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 3)
    with Journal(tmp_path / "m.db", target="conversations") as journal:  # killed with the create out
        journal.plan(legacy_id, total=3, lossy=False, losses=[], kept={}, tools=[])
        ConversationLog(journal).sending(legacy_id, 0, ["a", "b", "c"])
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.migrated == 1 and summary.uncertain_creates == 1 and summary.requests == 1


def test_a_lossy_thread_already_started_is_finished_without_allow_lossy(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 25)
    lines = archive.read_text().splitlines()
    lines[0] = lines[0].replace('"content":[', '"content":[{"type":"video"},', 1)
    archive.write_text("\n".join(lines) + "\n")
    real = _fail_adds(emulator, 400)
    first = _run(emulator, tmp_path, archive, allow_lossy=True)
    assert [i for i, _ in first.failed] == [legacy_id]
    emulator.handle = real  # type: ignore[method-assign]
    again = _run(emulator, tmp_path, archive)
    assert again.ok and again.migrated == 1 and again.skipped == []
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(legacy_id)
        assert entry is not None and (entry.state, ConversationLog(journal).sent(legacy_id), entry.lossy) == (
            "done",
            25,
            True,
        )
        assert [loss["reason"] for loss in entry.losses] == ["no equivalent for a 'video' part"]
        assert len(conversation(emulator, journal.target_of(legacy_id) or "")[1]) == 25


def test_an_id_listed_twice_is_moved_once(tmp_path: Path) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 3)
    summary = asyncio.run(
        migrate(
            ids=[legacy_id, legacy_id, legacy_id],
            journal=tmp_path / "m.db",
            api_key=KEY,
            base_url=BASE,
            transport=emulator.transport(),
            progress=io.StringIO(),
        )
    )
    assert (summary.migrated, summary.already, summary.failed) == (1, 0, [])
    assert len(conversations(emulator)) == 1


def _journal_rows(path: Path, legacy_id: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT position, data ->> 'count', state, data -> 'message_ids', data -> 'item_ids' FROM target_rows "
            "WHERE legacy_id = ? AND kind = 'batch' ORDER BY position",
            (legacy_id,),
        ).fetchall()


def test_the_journal_holds_each_batchs_message_ids_and_item_ids(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 25)
    assert _run(emulator, tmp_path, archive).ok
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        _, items = conversation(emulator, journal.target_of(legacy_id) or "")
    record = json.loads(archive.read_text().splitlines()[0])
    message_ids = [m["id"] for m in record["messages"]]
    rows = _journal_rows(tmp_path / "m.db", legacy_id)
    assert [(r[0], r[1], r[2]) for r in rows] == [(0, 20, "confirmed"), (20, 5, "confirmed")]
    assert json.loads(rows[0][3]) == message_ids[:20] and json.loads(rows[1][3]) == message_ids[20:]
    assert json.loads(rows[0][4]) == [] and json.loads(rows[1][4]) == [i["id"] for i in items[20:]]


def test_a_last_batch_whose_answer_was_lost_is_confirmed_from_the_conversation(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 40)
    api = httpx.Client(base_url=BASE, transport=emulator.transport(), headers={"Authorization": f"Bearer {KEY}"})
    made = api.post("/conversations", json={"items": [{"role": "user", "content": f"m{n}"} for n in range(20)]}).json()
    api.post(
        f"/conversations/{made['id']}/items",
        json={"items": [{"role": "user", "content": f"m{n}"} for n in range(20, 40)]},
    )
    with Journal(tmp_path / "m.db", target="conversations") as journal:  # killed with batch 2 sent, unanswered
        journal.plan(legacy_id, total=40, lossy=False, losses=[], kept={}, tools=[])
        ConversationLog(journal).sending(legacy_id, 0, ["m"] * 20)
        ConversationLog(journal).confirmed(legacy_id, 0, 20, made["id"], [])
        ConversationLog(journal).sending(legacy_id, 20, ["m"] * 20)
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.migrated == 1 and summary.requests == 1  # the look-up, nothing sent again
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert journal.target_of(legacy_id) == made["id"]
        assert [(b.first_item, b.count, b.confirmed) for b in ConversationLog(journal).batches(legacy_id)] == [
            (0, 20, True),
            (20, 20, True),
        ]
        assert ConversationLog(journal).sent(legacy_id) == 40
    assert _journal_rows(tmp_path / "m.db", legacy_id)[1][4] == "[]"
    assert texts(conversation(emulator, made["id"])[1]) == [f"m{n}" for n in range(40)]


def test_a_conflict_says_what_to_do_in_full(tmp_path: Path) -> None:
    emulator, legacy_id, archive = _setup(tmp_path, 45)
    api = httpx.Client(base_url=BASE, transport=emulator.transport(), headers={"Authorization": f"Bearer {KEY}"})
    made = api.post("/conversations", json={"items": [{"role": "user", "content": "x"}] * 3}).json()["id"]
    with Journal(tmp_path / "m.db", target="conversations") as journal:
        journal.plan(legacy_id, total=45, lossy=False, losses=[], kept={}, tools=[])
        ConversationLog(journal).sending(legacy_id, 0, ["m"] * 20)
        ConversationLog(journal).confirmed(legacy_id, 0, 20, made, [])
        ConversationLog(journal).sending(legacy_id, 20, ["m"] * 20)
    summary = _run(emulator, tmp_path, archive)
    assert summary.failed == [
        (
            legacy_id,
            f"conversation {made} holds 3 items, but the journal expects 20 or 40: something else wrote to it; "
            "check it by hand, then delete the thread's row from the journal to start over",
        )
    ]
