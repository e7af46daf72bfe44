"""Threads that share a session (``--session-id KEY --concatenate``): one session each key, its threads oldest
first, exactly once; an older thread not moved, or a newer one already in, refused; reconcile, repair and undo
on each thread's own part."""

from __future__ import annotations

import asyncio
import io
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from threadshim import InvalidRequest, JournalError
from threadshim.archive import Archive
from threadshim.migrate import Journal
from threadshim.migrate.reconcile import reconcile
from threadshim.migrate.repair import repair
from threadshim.migrate.undo import undo
from threadshim.targets.agents import AgentsOptions
from threadshim.targets.agents.plan import plan_session
from threadshim.testing import Emulator, seed_legacy_mixed

from ..kills import kill_three_times
from ..migrate.conftest import archive_of, states
from .sessions import read_sessions, texts
from .test_sessions_target import run

Spec = tuple[str, int, int]
"""A legacy thread: its user, when it was made, and how many messages it has."""

SPECS: tuple[Spec, ...] = (
    ("ann", 300, 2), ("bob", 100, 1), ("ann", 100, 3), ("ann", 200, 1), ("bob", 50, 2), ("bob", 75, 0),
    ("cy", 400, 1),
)  # fmt: skip
NAMES = "zyxwvutsrq"
"""Thread ids in the reverse of the file's order, so neither order is time order."""


def shared(tmp_path: Path, specs: tuple[Spec, ...] = SPECS, lossy: int | None = None) -> tuple[list[str], Path]:
    """Archived threads of ``specs``, in that order in the file; each message's text names its thread.

    Thread ``lossy`` (an index) gets an assistant message with a file attached, which a session cannot hold.
    """
    emulator = Emulator()
    ids = []
    for n, (user, created, count) in enumerate(specs):
        given = f"thread_{NAMES[n]}{'0' * 23}"
        thread = emulator.add_thread({"id": given, "metadata": {"user": user}, "created_at": created})
        for k in range(count):
            emulator.add_message(thread["id"], {"role": ("user", "assistant")[k % 2], "content": f"t{n}m{k}"})
        if n == lossy:
            attached = [{"file_id": "file-report", "tools": [{"type": "file_search"}]}]
            emulator.add_message(thread["id"], {"role": "assistant", "content": f"t{n}f", "attachments": attached})
        ids.append(str(thread["id"]))
    return ids, archive_of(emulator, ids, tmp_path / "legacy.jsonl")


def together(tmp_path: Path, archive: Path, sessions: str, **options: Any) -> Any:
    """A migration giving each user one session, threads concatenated."""
    return run(tmp_path, archive, sessions, session_id="user", concatenate=True, **options)


def common(tmp_path: Path, archive: Path, sessions: str) -> dict[str, Any]:
    return {"journal": tmp_path / "m.db", "archive": archive, "sessions": sessions, "progress": io.StringIO()}


ANN = ["t2m0", "t2m1", "t2m2", "t3m0", "t0m0", "t0m1"]  # made at 100, 200, 300
BOB = ["t4m0", "t4m1", "t1m0"]  # made at 50, (75: none), 100


def test_threads_sharing_a_key_go_into_one_session_oldest_first_exactly_once(sessions_url: str, tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    summary = together(tmp_path, archive, sessions_url)
    assert summary.ok and summary.migrated == 7
    held = asyncio.run(read_sessions(sessions_url, ["ann", "bob"]))
    assert texts(held["ann"]) == ANN and texts(held["bob"]) == BOB
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert {e.legacy_id: e.target_id for e in journal.entries()} == dict(
            zip(ids, ["ann", "bob", "ann", "ann", "bob", "bob", "cy"], strict=True)
        )
    again = together(tmp_path, archive, sessions_url)
    assert (again.migrated, again.already) == (0, 7)
    assert asyncio.run(read_sessions(sessions_url, ["ann", "bob"])) == held
    checked = asyncio.run(reconcile(**common(tmp_path, archive, sessions_url)))
    assert checked.ok and {c.result for c in checked.checks} == {"equal"} and len(checked.checks) == 7


def test_without_concatenate_a_shared_key_is_refused_and_concatenate_needs_a_key(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    summary = run(tmp_path, archive, f"sqlite:///{tmp_path / 'agents.db'}", session_id="user")
    users = dict(zip(ids, [user for user, _, _ in SPECS], strict=True))
    refused = [legacy_id for legacy_id, _ in summary.failed]
    assert len(refused) == 4 and sorted(users[i] for i in ids if i not in refused) == ["ann", "bob", "cy"]
    assert all("--concatenate puts them in one session, oldest first" in why for _, why in summary.failed)
    with pytest.raises(InvalidRequest, match=r"^--concatenate needs --session-id KEY"):
        AgentsOptions(sessions="sqlite:///a.db", concatenate=True)


def test_an_older_thread_not_moved_holds_back_the_newer_ones_until_it_is(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path, lossy=2)  # ann's oldest cannot be held whole
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    first = together(tmp_path, archive, url)
    assert first.skipped and first.skipped[0][0] == ids[2]
    why = f"thread {ids[2]}, older, comes first in session 'ann' and was not moved: move it first"
    assert {legacy_id: reason.endswith(why + " (sessions only append)") for legacy_id, reason in first.failed} == {
        ids[3]: True,
        ids[0]: True,
    }
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == []
    second = together(tmp_path, archive, url, allow_lossy=True)
    assert second.ok and second.migrated == 3
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == [*ANN[:3], "t2f", *ANN[3:]]


def test_a_thread_whose_write_failed_holds_back_the_rest_of_its_session_in_this_run_and_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, archive = shared(tmp_path)
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    monkeypatch.setenv("THREADSHIM_TEST_REFUSE", "1")
    url = "python:tests.agents.factory:picky_sessions"
    first = together(tmp_path, archive, url, ids=[ids[4]], workers=0, api_key="sk-test")
    assert first.failed == [(ids[4], "unexpected RuntimeError: the database refused the write")]
    monkeypatch.delenv("THREADSHIM_TEST_REFUSE")
    later = together(tmp_path, archive, url, ids=[ids[1]], workers=0, api_key="sk-test")
    assert later.failed == [
        (ids[1], f"thread {ids[4]} went part-way into session 'bob': migrate it first (sessions only append)")
    ]
    monkeypatch.setenv("THREADSHIM_TEST_REFUSE", "1")
    again = together(tmp_path, archive, url, workers=0)
    failed = dict(again.failed)
    assert failed[ids[4]] == "unexpected RuntimeError: the database refused the write"
    older = f"thread {ids[4]}, older, comes first in session 'bob' and was not moved: move it first"
    assert failed[ids[5]] == failed[ids[1]] == older + " (sessions only append)"
    monkeypatch.delenv("THREADSHIM_TEST_REFUSE")
    assert together(tmp_path, archive, url, workers=0).ok
    held = asyncio.run(read_sessions(f"sqlite:///{tmp_path / 'theirs.db'}", ["ann", "bob"]))
    assert texts(held["ann"]) == ANN and texts(held["bob"]) == BOB


def test_a_thread_the_archive_does_not_hold_is_missing_and_the_rest_move(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    missing = "thread_" + "m" * 24
    summary = together(tmp_path, archive, url, ids=[missing, ids[2], ids[3], ids[0]], api_key="sk-test")
    assert summary.not_found == [missing] and summary.migrated == 3
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == ANN


def test_a_session_someone_added_to_after_the_threads_before_it_is_not_written_to(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert together(tmp_path, archive, url, ids=[ids[2]], api_key="sk-test").ok
    from agents import SQLiteSession

    foreign = {"role": "user", "content": "in the app, meanwhile"}
    asyncio.run(SQLiteSession("ann", tmp_path / "agents.db").add_items([foreign]))  # type: ignore[list-item]
    late = together(tmp_path, archive, url, ids=[ids[3]], api_key="sk-test")
    assert late.failed == [
        (
            ids[3],
            f"session 'ann' holds 1 items after the 3 of the threads before it that are not the start "
            f"of thread {ids[3]}'s 1: something else wrote to it; check it by hand",
        )
    ]
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == [*ANN[:3], "in the app, meanwhile"]


def test_threads_made_at_the_same_moment_go_in_either_order(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path, (("ann", 100, 1), ("ann", 100, 2)))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert together(tmp_path, archive, url, ids=[ids[1]], api_key="sk-test").ok
    assert together(tmp_path, archive, url, ids=[ids[0]], api_key="sk-test").ok
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == ["t1m0", "t1m1", "t0m0"]


def test_a_damaged_record_of_where_a_thread_starts_stops_the_run_and_reconcile_naming_it(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert together(tmp_path, archive, url, ids=[ids[4]], api_key="sk-test").ok
    with sqlite3.connect(tmp_path / "m.db") as db:
        db.execute("UPDATE target_rows SET data = '{\"session\": \"bob\"}' WHERE kind = 'slice'")
    damaged = f"the journal's record of where thread {ids[4]} starts in its session is damaged"
    with pytest.raises(JournalError, match=f"^{damaged}$"):
        together(tmp_path, archive, url, ids=[ids[1]], api_key="sk-test")
    with pytest.raises(JournalError, match=f"^{damaged}$"):
        asyncio.run(reconcile(**common(tmp_path, archive, url)))
    with sqlite3.connect(tmp_path / "m.db") as db:  # a record of a thread the journal does not have
        db.execute('UPDATE target_rows SET data = \'{"session": "bob", "offset": 0, "created_at": 5}\'')
        db.execute("UPDATE target_rows SET legacy_id = 'thread_gone'")
    with pytest.raises(JournalError, match=r"^the journal records where thread thread_gone starts in a session, not"):
        together(tmp_path, archive, url, ids=[ids[1]], api_key="sk-test")


def test_an_older_thread_after_a_newer_one_is_refused_naming_it(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert together(tmp_path, archive, url, ids=[ids[0]], api_key="sk-test").ok
    late = together(tmp_path, archive, url, ids=[ids[2]], api_key="sk-test")
    assert late.failed == [
        (
            ids[2],
            f"thread {ids[0]}, newer, is already in session 'ann' and sessions only append: "
            "undo the session's threads and migrate them together",
        )
    ]
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == ["t0m0", "t0m1"]


def _edit(path: Path, session: str, position: int, text: str) -> None:
    """Change the text of a session's item at ``position`` in the SDK's SQLite table, as someone might by hand."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT id, message_data FROM agent_messages WHERE session_id = ? ORDER BY id", (session,)
        ).fetchall()
        row_id, data = rows[position]
        db.execute("UPDATE agent_messages SET message_data = ? WHERE id = ?", (data.replace("t2m1", text), row_id))


def test_reconcile_repair_and_undo_each_work_on_a_threads_own_part(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert together(tmp_path, archive, url, ids=ids[:6], api_key="sk-test").ok
    assert together(tmp_path, archive, url, ids=ids[6:], api_key="sk-test").ok  # cy's is the journal's last thread
    _edit(tmp_path / "agents.db", "ann", 1, "edited")
    from agents import SQLiteSession

    foreign = {"role": "user", "content": "later, in the app"}
    asyncio.run(SQLiteSession("ann", tmp_path / "agents.db").add_items([foreign]))  # type: ignore[list-item]
    asyncio.run(SQLiteSession("bob", tmp_path / "agents.db").pop_item())
    checked = asyncio.run(reconcile(**common(tmp_path, archive, url)))
    found = {c.legacy_id: sorted({d.kind for d in c.differences}) for c in checked.checks}
    assert found == {
        ids[2]: ["changed"], ids[3]: [], ids[0]: ["extra"], ids[4]: [], ids[5]: [], ids[1]: ["missing"], ids[6]: []
    }  # fmt: skip
    mended = asyncio.run(repair(**common(tmp_path, archive, url)))
    assert mended.repaired == [(ids[1], 1)]  # bob's last thread: its missing item goes back at the end
    assert dict(mended.refused)[ids[2]].startswith("ann was changed by someone else (changed)")
    assert texts(asyncio.run(read_sessions(url, ["bob"]))["bob"]) == BOB
    partial = asyncio.run(undo(**common(tmp_path, archive, url), only=[ids[4], ids[6]]))
    assert partial.refused == [
        (ids[4], f"bob also holds thread {ids[5]}, {ids[1]}: undo the threads that share it together")
    ]
    assert partial.removed == [(ids[6], "cy")]  # the threads after a refused session are still undone
    assert together(tmp_path, archive, url, ids=ids[6:], api_key="sk-test").migrated == 1
    refused = asyncio.run(undo(**common(tmp_path, archive, url), only=[ids[4], ids[0], ids[2], ids[3]]))
    assert {legacy_id for legacy_id, _ in refused.refused} == {ids[4], ids[0], ids[2], ids[3]}
    why = dict(refused.refused)[ids[2]]
    assert why == (
        "ann holds items the migration did not write: #6 (--force removes them too) "
        f"(in thread {ids[0]}'s part; the threads sharing it stay)"
    )
    bob = asyncio.run(undo(**common(tmp_path, archive, url), only=[ids[4], ids[5], ids[1], ids[6]]))
    assert sorted(bob.removed) == sorted([(ids[4], "bob"), (ids[5], "bob"), (ids[1], "bob"), (ids[6], "cy")])
    gone = asyncio.run(undo(**common(tmp_path, archive, url), force=True))
    assert sorted(gone.removed) == sorted([(ids[2], "ann"), (ids[3], "ann"), (ids[0], "ann")]) and gone.ok
    assert asyncio.run(read_sessions(url, ["ann", "bob", "cy"])) == {"ann": [], "bob": [], "cy": []}
    assert together(tmp_path, archive, url).migrated == 7
    held = asyncio.run(read_sessions(url, ["ann", "bob"]))
    assert texts(held["ann"]) == ANN and texts(held["bob"]) == BOB


def test_repair_puts_back_only_the_end_of_a_shared_session(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert together(tmp_path, archive, url).ok
    from agents import SQLiteSession

    asyncio.run(SQLiteSession("ann", tmp_path / "agents.db").pop_item())  # her last thread's last item
    mended = asyncio.run(repair(**common(tmp_path, archive, url)))
    assert mended.repaired == [(ids[0], 1)] and mended.equal == 6 and mended.refused == []
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == ANN
    for _ in range(3):  # ann loses her last thread's two items and the one of the thread before it
        asyncio.run(SQLiteSession("ann", tmp_path / "agents.db").pop_item())
    mended = asyncio.run(repair(**common(tmp_path, archive, url)))
    assert mended.repaired == [] and mended.equal == 5
    again = "undo the session's threads and migrate them again"
    assert dict(mended.refused) == {
        ids[3]: f"ann goes on with other threads' items, so its missing ones cannot be put back in place: {again}",
        ids[0]: f"ann lacks items of the threads before this one, so its own would not go back in place: {again}",
    }
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == ANN[:3]


def test_kill_9_three_times_then_a_rerun_leaves_each_session_its_threads_once_oldest_first(
    sessions_url: str, tmp_path: Path
) -> None:
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, 600, least=1, most=30, seed=23)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    journal = tmp_path / "m.db"
    command = [sys.executable, "-m", "threadshim.cli", "migrate", "--to", "agents", "--sessions", sessions_url,
               "--journal", str(journal), "--archive", str(archive), "--allow-lossy", "--session-id", "user",
               "--concatenate"]  # fmt: skip
    kills, progress = kill_three_times(command, lambda: states(journal, "done"), between=(0.5, 2.0), begun=journal)
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 2 and progress and 0 < max(progress) < len(ids), f"the kills did not land mid-run ({progress})"
    legacy = Archive(archive)
    expected: dict[str, list[Any]] = {}
    for legacy_id in legacy.ids(order="asc"):
        plan = plan_session(*legacy.raw(legacy_id), "user")
        expected.setdefault(str(plan.session_id), []).extend(plan.items)
    assert len(expected) == 50
    assert asyncio.run(read_sessions(sessions_url, sorted(expected))) == expected
