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
from threadshim import InvalidRequest
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

SPECS: tuple[Spec, ...] = (("ann", 300, 2), ("bob", 100, 1), ("ann", 100, 3), ("ann", 200, 0), ("bob", 50, 2))


def shared(tmp_path: Path, specs: tuple[Spec, ...] = SPECS, lossy: int | None = None) -> tuple[list[str], Path]:
    """Archived threads of ``specs``, in that order in the file; each message's text names its thread.

    Thread ``lossy`` (an index) gets an assistant message with a file attached, which a session cannot hold.
    """
    emulator = Emulator()
    ids = []
    for n, (user, created, count) in enumerate(specs):
        thread = emulator.add_thread({"metadata": {"user": user}, "created_at": created})
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


ANN = ["t2m0", "t2m1", "t2m2", "t0m0", "t0m1"]  # made at 100, (200: none), 300
BOB = ["t4m0", "t4m1", "t1m0"]  # made at 50, 100


def test_threads_sharing_a_key_go_into_one_session_oldest_first_exactly_once(sessions_url: str, tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    summary = together(tmp_path, archive, sessions_url)
    assert summary.ok and summary.migrated == 5
    held = asyncio.run(read_sessions(sessions_url, ["ann", "bob"]))
    assert texts(held["ann"]) == ANN and texts(held["bob"]) == BOB
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert {e.legacy_id: e.target_id for e in journal.entries()} == dict(
            zip(ids, ["ann", "bob", "ann", "ann", "bob"], strict=True)
        )
    again = together(tmp_path, archive, sessions_url)
    assert (again.migrated, again.already) == (0, 5)
    assert asyncio.run(read_sessions(sessions_url, ["ann", "bob"])) == held
    checked = asyncio.run(reconcile(**common(tmp_path, archive, sessions_url)))
    assert checked.ok and {c.result for c in checked.checks} == {"equal"} and len(checked.checks) == 5


def test_without_concatenate_a_shared_key_is_refused_and_concatenate_needs_a_key(tmp_path: Path) -> None:
    ids, archive = shared(tmp_path)
    summary = run(tmp_path, archive, f"sqlite:///{tmp_path / 'agents.db'}", session_id="user")
    users = dict(zip(ids, [user for user, _, _ in SPECS], strict=True))
    refused = [legacy_id for legacy_id, _ in summary.failed]
    assert len(refused) == 3 and sorted(users[i] for i in ids if i not in refused) == ["ann", "bob"]  # one each
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
    assert texts(asyncio.run(read_sessions(url, ["ann"]))["ann"]) == ["t2m0", "t2m1", "t2m2", "t2f", "t0m0", "t0m1"]


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
    assert together(tmp_path, archive, url).ok
    _edit(tmp_path / "agents.db", "ann", 1, "edited")
    from agents import SQLiteSession

    foreign = {"role": "user", "content": "later, in the app"}
    asyncio.run(SQLiteSession("ann", tmp_path / "agents.db").add_items([foreign]))  # type: ignore[list-item]
    asyncio.run(SQLiteSession("bob", tmp_path / "agents.db").pop_item())
    checked = asyncio.run(reconcile(**common(tmp_path, archive, url)))
    found = {c.legacy_id: sorted({d.kind for d in c.differences}) for c in checked.checks}
    assert found == {ids[2]: ["changed"], ids[3]: [], ids[0]: ["extra"], ids[4]: [], ids[1]: ["missing"]}
    mended = asyncio.run(repair(**common(tmp_path, archive, url)))
    assert mended.repaired == [(ids[1], 1)]  # bob's last thread: its missing item goes back at the end
    assert ids[2] in dict(mended.refused)
    assert texts(asyncio.run(read_sessions(url, ["bob"]))["bob"]) == BOB
    partial = asyncio.run(undo(**common(tmp_path, archive, url), only=[ids[4]]))
    assert partial.refused == [(ids[4], f"bob also holds thread {ids[1]}: undo the threads that share it together")]
    refused = asyncio.run(undo(**common(tmp_path, archive, url), only=[ids[0], ids[2], ids[3]]))
    assert {legacy_id for legacy_id, _ in refused.refused} == {ids[0], ids[2], ids[3]}
    why = refused.refused[0][1]
    assert why == (
        f"ann holds items the migration did not write: #5 (in thread {ids[0]}'s part; the threads sharing it stay)"
    )
    gone = asyncio.run(undo(**common(tmp_path, archive, url), only=[ids[4], ids[1]]))
    assert sorted(gone.removed) == sorted([(ids[4], "bob"), (ids[1], "bob")]) and gone.ok
    assert asyncio.run(read_sessions(url, ["bob"])) == {"bob": []}
    assert together(tmp_path, archive, url).migrated == 2
    assert texts(asyncio.run(read_sessions(url, ["bob"]))["bob"]) == BOB


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
