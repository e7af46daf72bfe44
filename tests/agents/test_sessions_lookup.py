"""Which sessions hold items, asked in one query for the threads that ask together: a new session is written
without being read back; one holding items is read back first; a query that fails fails each thread that asked."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from threadshim._sessions import Sessions
from threadshim.archive import Archive
from threadshim.migrate import Journal
from threadshim.targets.agents.lookup import AHEAD, Lookup
from threadshim.targets.agents.plan import plan_session

from .sessions import read_sessions, texts
from .test_sessions_target import legacy, run


def test_threads_asking_together_share_one_query_and_each_gets_its_answer() -> None:
    asked: list[list[str]] = []

    async def ask(ids: Sequence[str]) -> set[str] | None:
        asked.append(list(ids))
        await asyncio.sleep(0)
        return {"b"}

    async def main() -> list[bool | None]:
        lookup = Lookup(ask)
        first = await asyncio.gather(*(lookup.holds(s) for s in ("a", "b", "c", "b")))
        later = await lookup.holds("b")
        return [*first, later]

    assert asyncio.run(main()) == [False, True, False, True, True]
    assert asked == [["a", "b", "c"], ["b"]]


def test_sessions_known_in_order_are_asked_about_ahead_a_few_hundred_at_a_time() -> None:
    asked: list[list[str]] = []
    ids = [f"thread_{n}" for n in range(AHEAD * 2 + 3)]

    async def ask(chunk: Sequence[str]) -> set[str] | None:
        asked.append(list(chunk))
        return {ids[1], ids[AHEAD + 1]} & set(chunk)

    async def main() -> list[bool | None]:
        lookup = Lookup(ask)
        lookup.expect(ids)
        first = await asyncio.gather(*(lookup.holds(i) for i in ids[:4]))
        rest = [await lookup.holds(i) for i in ids[4:]]
        return [*first, *rest, await lookup.holds("elsewhere")]

    answers = asyncio.run(main())
    assert [n for n, holds in enumerate(answers) if holds] == [1, AHEAD + 1] and len(answers) == len(ids) + 1
    assert asked == [ids[:AHEAD], ids[AHEAD : 2 * AHEAD], ids[2 * AHEAD :], ["elsewhere"]]


def test_answers_two_groups_behind_are_let_go_and_asked_again_if_needed() -> None:
    asked: list[int] = []
    ids = [f"thread_{n}" for n in range(AHEAD * 4)]

    async def ask(chunk: Sequence[str]) -> set[str] | None:
        asked.append(ids.index(chunk[0]) // AHEAD)
        return set()

    async def main() -> None:
        lookup = Lookup(ask)
        lookup.expect(ids)
        for number in (0, 1, 0, 2, 0, 1):  # after 2, the answers of 0 are gone and 1's kept
            assert await lookup.holds(ids[number * AHEAD]) is False

    asyncio.run(main())
    assert asked == [0, 1, 2, 0]  # a group is let go once the one two after it is asked for


def test_threads_asking_while_a_query_fails_get_the_next_one() -> None:
    calls: list[list[str]] = []

    async def ask(ids: Sequence[str]) -> set[str] | None:
        calls.append(list(ids))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        if len(calls) == 1:
            raise RuntimeError("the database went away")
        return {"c"}

    async def late(lookup: Lookup) -> bool | None:
        await asyncio.sleep(0)
        await asyncio.sleep(0)  # after the first query has begun
        return await lookup.holds("c")

    async def main() -> list[Any]:
        lookup = Lookup(ask)
        found = asyncio.gather(lookup.holds("a"), late(lookup), return_exceptions=True)
        return list(await asyncio.wait_for(found, timeout=60))

    failed, answered = asyncio.run(main())
    assert str(failed) == "the database went away" and answered is True and calls == [["a"], ["c"]]


def test_a_query_that_fails_fails_every_thread_that_asked_and_the_next_ones_ask_again() -> None:
    calls = 0

    async def ask(ids: Sequence[str]) -> set[str] | None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("the database went away")
        return None

    async def main() -> tuple[list[Any], bool | None]:
        lookup = Lookup(ask)
        failed = await asyncio.gather(lookup.holds("a"), lookup.holds("b"), return_exceptions=True)
        return list(failed), await lookup.holds("a")

    failed, after = asyncio.run(main())
    assert [str(e) for e in failed] == ["the database went away"] * 2 and after is None


async def _holding(url: str, ids: list[str]) -> set[str] | None:
    sessions = Sessions(url)
    await sessions.open()
    try:
        return await sessions.holding(ids)
    finally:
        await sessions.close()


def test_the_sessions_say_which_hold_items(sessions_url: str, tmp_path: Path) -> None:
    ids, archive = legacy(tmp_path, (2, 0, 1))
    if sessions_url.startswith("sqlite"):  # no table yet: no session holds anything
        assert asyncio.run(_holding(sessions_url, ids)) == set()
    assert run(tmp_path, archive, sessions_url, workers=0).ok
    assert asyncio.run(_holding(sessions_url, [*ids, "elsewhere", ids[0]])) == {ids[0], ids[2]}
    assert asyncio.run(_holding(sessions_url, [])) == set()
    assert asyncio.run(_holding("python:tests.agents.factory:noted_sessions", ids)) is None


def test_a_new_session_is_not_read_back_and_one_holding_items_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agents import SQLiteSession

    ids, archive = legacy(tmp_path, (3, 2))
    url = f"sqlite:///{tmp_path / 'agents.db'}"
    read: list[str] = []
    original = SQLiteSession.get_items

    async def counted(self: SQLiteSession, limit: int | None = None) -> Any:
        read.append(self.session_id)
        return await original(self, limit)

    first = dict(plan_session(*Archive(archive).raw(ids[0])).items[0])
    asyncio.run(SQLiteSession(ids[0], tmp_path / "agents.db").add_items([first]))  # type: ignore[list-item]
    with Journal(tmp_path / "m.db", target="agents", identity=url) as journal:
        journal.plan(ids[0], total=3, lossy=False, losses=[], kept={}, tools=[])
        journal.holds(ids[0], ids[0])  # a run died after writing the first item
    monkeypatch.setattr(SQLiteSession, "get_items", counted)
    assert run(tmp_path, archive, url, workers=0).ok
    assert read == [ids[0]]
    monkeypatch.undo()
    held = asyncio.run(read_sessions(url, ids))
    assert texts(held[ids[0]]) == ["m0", "m1", "m2"] and texts(held[ids[1]]) == ["m0", "m1"]
