"""`migrate --to agents`: legacy threads into Agents SDK sessions on SQLite and PostgreSQL, read back by the SDK,
continued by an agent, exactly once, checked, repaired and taken back; and slips refused in one line."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import pytest
from threadshim import InvalidRequest, ThreadShim
from threadshim.migrate import Journal, MigrationSummary, migrate
from threadshim.migrate.reconcile import reconcile
from threadshim.migrate.repair import repair
from threadshim.migrate.undo import undo
from threadshim.testing import Emulator

from ..migrate.conftest import archive_of
from . import factory
from .sessions import read_sessions, texts

SIZES = (0, 1, 20, 21, 45)


def legacy(tmp_path: Path, sizes: tuple[int, ...] = SIZES, users: tuple[str, ...] = ()) -> tuple[list[str], Path]:
    """Archived legacy threads of ``sizes`` messages (alternating user and assistant), with ``users`` as metadata."""
    emulator = Emulator()
    ids = []
    for n, count in enumerate(sizes):
        metadata = {"size": str(count), **({"user": users[n]} if n < len(users) and users[n] else {})}
        thread = emulator.add_thread({"metadata": metadata})
        for k in range(count):
            emulator.add_message(thread["id"], {"role": ("user", "assistant")[k % 2], "content": f"m{k}"})
        ids.append(str(thread["id"]))
    return ids, archive_of(emulator, ids, tmp_path / "legacy.jsonl")


def run(tmp_path: Path, archive: Path, sessions: str, **options: Any) -> MigrationSummary:
    """One migration into ``sessions``, its progress silenced."""
    return asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, to="agents", sessions=sessions,
                               progress=io.StringIO(), **options))  # fmt: skip


def test_threads_of_0_1_20_21_and_45_messages_arrive_whole_and_in_order(sessions_url: str, tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path)
    summary = run(tmp_path, archive, sessions_url)
    assert summary.ok and summary.migrated == len(ids)
    held = asyncio.run(read_sessions(sessions_url, ids))
    for legacy_id, count in zip(ids, SIZES, strict=True):
        assert texts(held[legacy_id]) == [f"m{k}" for k in range(count)]
        assert [i["role"] for i in held[legacy_id]] == [("user", "assistant")[k % 2] for k in range(count)]
        assistants = [i for i in held[legacy_id] if i["role"] == "assistant"]
        assert all(i["id"].startswith("msg_") and i["content"][0]["type"] == "output_text" for i in assistants)
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert {e.legacy_id: e.target_id for e in journal.entries()} == {i: i for i in ids}
    again = run(tmp_path, archive, sessions_url)
    assert (again.migrated, again.already) == (0, len(ids))
    assert asyncio.run(read_sessions(sessions_url, ids)) == held


def test_a_dry_run_writes_no_session_and_no_journal(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path)
    summary = run(tmp_path, archive, f"sqlite:///{tmp_path / 'agents.db'}", dry_run=True)
    assert summary.dry_run and summary.migrated == len(ids) and summary.planned_requests == len(ids)
    assert not (tmp_path / "agents.db").exists() and not (tmp_path / "m.db").exists()


def test_a_session_holding_the_start_of_its_thread_gets_exactly_the_rest(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (21,))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert run(tmp_path, archive, url).ok
    from agents import SQLiteSession

    session = SQLiteSession(ids[0], tmp_path / "agents.db")
    for _ in range(5):  # as if the run had died after a partial write, before its record: the journal says sending
        asyncio.run(session.pop_item())
    with Journal(tmp_path / "m.db") as journal:
        journal.holds(ids[0], ids[0])
    summary = run(tmp_path, archive, url)
    assert summary.migrated == 1
    assert texts(asyncio.run(read_sessions(url, ids))[ids[0]]) == [f"m{k}" for k in range(21)]


def test_a_session_someone_else_wrote_to_is_a_conflict_and_nothing_is_written(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (3, 2))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    from agents import SQLiteSession

    theirs = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "not from the thread"}]}
    asyncio.run(SQLiteSession(ids[0], tmp_path / "agents.db").add_items([theirs]))  # type: ignore[list-item]
    summary = run(tmp_path, archive, url)
    assert summary.migrated == 1 and [legacy_id for legacy_id, _ in summary.failed] == [ids[0]]
    assert "holds 1 items that are not the start of thread" in summary.failed[0][1]
    assert texts(asyncio.run(read_sessions(url, ids))[ids[0]]) == ["not from the thread"]


def test_a_metadata_key_names_each_session_and_two_threads_may_not_share_one(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (2, 2, 2, 1), users=("ann", "bob", "ann", ""))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    summary = run(tmp_path, archive, url, session_id="user", workers=0)  # threads reach the writes in order
    assert summary.migrated == 2
    failed = dict(summary.failed)
    assert set(failed) == {ids[2], ids[3]}
    assert f"session 'ann' is thread {ids[0]}'s: two threads would share it" in failed[ids[2]]
    assert "its metadata has no 'user' to name its session (--session-id user)" in failed[ids[3]]
    held = asyncio.run(read_sessions(url, ["ann", "bob"]))
    assert texts(held["ann"]) == ["m0", "m1"] and texts(held["bob"]) == ["m0", "m1"]


def test_a_python_factory_makes_the_sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids, archive = legacy(tmp_path, (2, 3))
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    factory.MADE.clear()
    summary = run(tmp_path, archive, "python:tests.agents.factory:sqlite_sessions")
    assert summary.ok and set(ids) <= set(factory.MADE)
    held = asyncio.run(read_sessions(f"sqlite:///{tmp_path / 'theirs.db'}", ids))
    assert [len(held[i]) for i in ids] == [2, 3]
    (tmp_path / "other").mkdir()
    bad = run(tmp_path / "other", archive, "python:tests.agents.factory:not_a_session")
    assert bad.migrated == 0 and len(bad.failed) == 2
    assert all(why.endswith("made str, not an Agents SDK session") for _, why in bad.failed), bad.failed


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sessions": None}, r"^--to agents needs --sessions: sqlite:///agents.db, "),
        ({"sessions": "mysql://db/x"}, r"^cannot use sessions 'mysql://db/x': expected sqlite:///agents.db"),
        ({"sessions": "sqlite:///:memory:"}, r"^an in-memory SQLite sessions database would vanish"),
        ({"sessions": "python:no.such.module:f"}, r"^cannot load the session factory 'python:no.such.module:f'"),
        ({"sessions": "sqlite:///x.db", "session_id": " "}, r"^session_id must name something"),
        (
            {"sessions": "sqlite:///x.db", "store": "sqlite:///y.db"},
            r"^store applies to to='chatkit', not to='agents'$",
        ),
    ],
)
def test_slips_are_refused_in_one_line_before_anything_is_written(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    _, archive = legacy(tmp_path, (1,))
    with pytest.raises((InvalidRequest, ValueError), match=message):
        asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, to="agents", progress=io.StringIO(),
                            **options))  # fmt: skip
    assert not (tmp_path / "m.db").exists()


def test_migrated_threads_read_through_the_journal_reconcile_repair_and_undo(sessions_url: str, tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (3, 25))
    assert run(tmp_path, archive, sessions_url).ok
    journal = tmp_path / "m.db"
    with ThreadShim(journal=journal, sessions=sessions_url, archive=archive) as shim:
        thread = shim.retrieve(ids[1])
        assert (thread.source, thread.id, thread.legacy_id, thread.metadata) == (
            "agents",
            ids[1],
            ids[1],
            {"size": "25"},
        )
        assert [item.text for item in shim.items(ids[1])] == [f"m{k}" for k in range(25)]
    common: dict[str, Any] = {
        "journal": journal,
        "archive": archive,
        "sessions": sessions_url,
        "progress": io.StringIO(),
    }
    assert {c.result for c in asyncio.run(reconcile(**common)).checks} == {"equal"}

    async def lose_the_end() -> None:
        from threadshim._sessions import Sessions

        sessions = Sessions(sessions_url)
        await sessions.open()
        session = await sessions.session(ids[1])
        for _ in range(4):
            await session.pop_item()
        await sessions.close()

    asyncio.run(lose_the_end())
    found = {c.legacy_id: c for c in asyncio.run(reconcile(**common)).checks}
    assert found[ids[0]].result == "equal" and {d.kind for d in found[ids[1]].differences} == {"missing"}
    fixed = asyncio.run(repair(**common))
    assert fixed.repaired == [(ids[1], 4)] and fixed.equal == 1
    assert texts(asyncio.run(read_sessions(sessions_url, ids))[ids[1]]) == [f"m{k}" for k in range(25)]
    removed = asyncio.run(undo(**common))
    assert len(removed.removed) == 2 and removed.ok
    assert asyncio.run(read_sessions(sessions_url, ids)) == {i: [] for i in ids}
    assert run(tmp_path, archive, sessions_url).migrated == 2  # after undo, moved again exactly once
    assert [len(v) for v in asyncio.run(read_sessions(sessions_url, ids)).values()] == [3, 25]
