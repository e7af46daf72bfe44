"""The sessions target at its edges: the plan's items and ids, a session claimed in an earlier run, a write the
database refuses, a thread part-way taken back, and foreign items named by id or place."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import pytest
from threadshim import InvalidRequest
from threadshim.archive import Archive
from threadshim.migrate import Journal
from threadshim.migrate.reconcile import reconcile
from threadshim.migrate.repair import repair
from threadshim.migrate.undo import undo
from threadshim.targets.agents.plan import checked, plan_session, session_id_of

from . import factory
from .sessions import read_sessions
from .test_sessions_target import legacy, run


def test_the_plan_keeps_a_msg_id_derives_one_otherwise_and_keeps_the_metadata() -> None:
    thread = {"id": "thread_1", "metadata": {"user": "ann"}, "created_at": 5}
    messages = [
        {"id": "msg_a", "role": "user", "content": [{"type": "text", "text": {"value": "q", "annotations": []}}]},
        {"id": "msg_b", "role": "assistant", "content": [{"type": "text", "text": {"value": "a", "annotations": []}}]},
        {"id": "m3", "role": "assistant", "content": [{"type": "text", "text": {"value": "b", "annotations": []}}]},
    ]
    plan = plan_session(thread, messages, "user")
    assert plan.session_id == "ann" and plan.kept["thread"] == {"created_at": 5, "metadata": {"user": "ann"}}
    assert "id" not in plan.items[0] and plan.items[1]["id"] == "msg_b"
    assert plan.items[2]["id"] == "msg_" + __import__("hashlib").sha256(b"m3").hexdigest()[:48]
    assert plan_session(thread, messages).session_id == "thread_1"


@pytest.mark.parametrize("metadata", [{}, {"user": ""}, {"user": " "}, {"user": 7}, None, "ann"])
def test_a_thread_whose_metadata_names_no_session_is_refused_saying_why(metadata: object) -> None:
    session_id, why = session_id_of({"id": "thread_1", "metadata": metadata}, "user")
    assert session_id is None and why == "its metadata has no 'user' to name its session (--session-id user)"
    with pytest.raises(InvalidRequest, match=r"^its metadata has no 'user' to name its session"):
        checked(plan_session({"id": "thread_1", "metadata": metadata}, [], "user"))


def test_a_session_an_earlier_run_gave_to_one_thread_is_refused_to_another(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (2, 2), users=("ann", "ann"))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert run(tmp_path, archive, url, session_id="user", ids=[ids[0]], api_key="sk-test").ok
    second = run(tmp_path, archive, url, session_id="user", ids=[ids[1]], api_key="sk-test")
    assert [legacy_id for legacy_id, _ in second.failed] == [ids[1]]
    assert second.failed[0][1].endswith(
        f"session 'ann' is thread {ids[0]}'s: two threads would share it "
        "(--session-id names a metadata key two threads have the same value of; "
        "--concatenate puts them in one session, oldest first)"
    )


def test_a_refused_write_fails_its_thread_and_the_journal_keeps_its_plan_and_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, archive = legacy(tmp_path, (2,))
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    summary = run(tmp_path, archive, "python:tests.agents.factory:failing_sessions", workers=0)
    assert summary.failed == [(ids[0], "unexpected RuntimeError: the database refused the write")]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(ids[0])
    assert entry is not None and (entry.state, entry.target_id, entry.total) == ("failed", ids[0], 2)
    assert entry.kept["thread"]["metadata"] == {"size": "2"} and entry.tools == [] and entry.losses == []


def test_a_thread_part_way_is_taken_back_and_foreign_items_are_named(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (2, 2, 2))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    assert run(tmp_path, archive, url).ok
    from agents import SQLiteSession

    named = {"type": "message", "role": "assistant", "id": "msg_theirs", "status": "completed",
             "content": [{"type": "output_text", "text": "mine", "annotations": []}]}  # fmt: skip
    bare = {"role": "user", "content": "and mine"}
    asyncio.run(SQLiteSession(ids[1], tmp_path / "agents.db").add_items([named]))  # type: ignore[list-item]
    asyncio.run(SQLiteSession(ids[2], tmp_path / "agents.db").add_items([bare]))  # type: ignore[list-item]
    with Journal(tmp_path / "m.db") as journal:
        journal.holds(ids[0], ids[0])  # as if a run had died after the write, before its record
    done = asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, sessions=url, progress=io.StringIO()))
    assert done.removed == [(ids[0], ids[0])]
    refused = dict(done.refused)
    assert refused[ids[1]].endswith("holds items the migration did not write: msg_theirs (--force removes them too)")
    assert refused[ids[2]].endswith("holds items the migration did not write: #2 (--force removes them too)")
    assert asyncio.run(read_sessions(url, [ids[0]])) == {ids[0]: []}


def test_a_session_showing_an_item_that_is_not_an_object_is_not_written_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, archive = legacy(tmp_path, (2,))
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    summary = run(tmp_path, archive, "python:tests.agents.factory:noted_sessions")
    assert [legacy_id for legacy_id, _ in summary.failed] == ids
    assert f"holds 1 items that are not the start of thread {ids[0]}'s 2" in summary.failed[0][1]
    assert asyncio.run(read_sessions(f"sqlite:///{tmp_path / 'theirs.db'}", ids)) == {ids[0]: []}
    url = "python:tests.agents.factory:noted_sessions"
    done = asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, sessions=url, progress=io.StringIO()))
    assert done.removed == [(ids[0], ids[0])] and done.ok  # a bare string in place of its items: changed, not extra


def test_every_session_opened_is_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids, archive = legacy(tmp_path, (2, 3))
    monkeypatch.setenv("THREADSHIM_TEST_SESSIONS", str(tmp_path / "theirs.db"))
    url = "python:tests.agents.factory:tracked_sessions"
    factory.MADE.clear()
    factory.CLOSED.clear()
    assert run(tmp_path, archive, url, workers=0).ok
    common: dict[str, Any] = {
        "journal": tmp_path / "m.db",
        "archive": archive,
        "sessions": url,
        "progress": io.StringIO(),
    }
    assert {c.result for c in asyncio.run(reconcile(**common)).checks} == {"equal"}
    from agents import SQLiteSession

    asyncio.run(SQLiteSession(ids[1], tmp_path / "theirs.db").pop_item())
    assert asyncio.run(repair(**common)).repaired == [(ids[1], 1)]
    assert len(asyncio.run(undo(**common)).removed) == 2
    assert sorted(factory.MADE) == sorted(factory.CLOSED) and len(factory.MADE) == 2 + 2 + 2 + 1 + 2 + 2


def test_fields_a_session_adds_to_an_item_do_not_make_it_another_item(tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (3,))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    from agents import SQLiteSession

    first = dict(plan_session(*Archive(archive).raw(ids[0])).items[0])
    saved = {**first, "provider_data": {"model": "gpt"}, "status": None}  # as another SDK version might save it
    asyncio.run(SQLiteSession(ids[0], tmp_path / "agents.db").add_items([saved]))  # type: ignore[list-item]
    with Journal(tmp_path / "m.db", target="agents", identity=f"sqlite:///{tmp_path / 'agents.db'}") as journal:
        journal.plan(ids[0], total=3, lossy=False, losses=[], kept={}, tools=[])
        journal.holds(ids[0], ids[0])  # a run died after writing the first item
    summary = run(tmp_path, archive, url, workers=0)
    assert summary.ok and summary.migrated == 1
    assert len(asyncio.run(read_sessions(url, ids))[ids[0]]) == 3


def test_a_thread_with_no_metadata_object_keeps_an_empty_one() -> None:
    plan = plan_session({"id": "thread_1", "metadata": None}, [])
    assert plan.kept["thread"]["metadata"] == {} and plan.tools == [] and plan.session_id == "thread_1"
