"""Reconcile, undo and repair of a ChatKit import, on SQLite and on PostgreSQL: a clean import is all equal,
each planted fault is found on exactly its thread, undo leaves the store as it was (another user's thread
untouched), and a new import after it writes everything again exactly once.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import pytest
from chatkit.types import UserMessageItem
from threadshim import InvalidRequest
from threadshim.chatkit import _codec as codec
from threadshim.chatkit import open_store
from threadshim.migrate import Journal, JournalError
from threadshim.migrate.reconcile import reconcile
from threadshim.migrate.reconcile_summary import ReconcileSummary
from threadshim.migrate.repair import repair
from threadshim.migrate.undo import UndoSummary, undo
from threadshim.testing import Emulator, seed_legacy_mixed

from ..migrate.conftest import archive_of
from .helpers import thread
from .test_import import expected, run, stored_state


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """Six archived legacy threads of every content kind, with attachments, made once."""
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, 6, least=3, most=30, seed=5)["legacy_thread_ids"]
    return ids, archive_of(emulator, ids, tmp_path_factory.mktemp("legacy") / "legacy.jsonl")


@pytest.fixture
def store_url(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A connection string for a store of each kind holding one thread of another user's."""
    url = f"sqlite:///{tmp_path / 'chatkit.db'}" if store_kind == "sqlite" else request.getfixturevalue("postgres_url")

    async def seed() -> None:
        store = open_store(url)
        await store.save_thread(thread("thr_someone_elses"), {"user_id": "another-user"})
        await store.close()

    asyncio.run(seed())
    return url


async def _everything(url: str) -> dict[str, Any]:
    """Every thread of the store, whoever's: its user, its JSON, its items' JSON and its attachments' JSON."""
    store = open_store(url)
    try:
        found: dict[str, Any] = {}
        rows, _ = await store.threads_page(1000, None, "asc")
        for user, meta in rows:
            page = await store.load_thread_items(meta.id, None, 1000, "asc", {"user_id": user})
            attachments = [codec.attachment_json(a) for a in await store.attachments_of(meta.id)]
            found[meta.id] = (user, codec.thread_json(meta), [codec.item_json(i) for i in page.data], attachments)
        return found
    finally:
        await store.close()


def _check(journal: Path, archive: Path, url: str) -> ReconcileSummary:
    return asyncio.run(reconcile(journal=journal, archive=archive, store=url, progress=io.StringIO()))


def _undo(journal: Path, archive: Path, url: str, **options: Any) -> UndoSummary:
    return asyncio.run(undo(journal=journal, archive=archive, store=url, progress=io.StringIO(), **options))


async def _edit(url: str, thread_id: str, how: str) -> None:
    store = open_store(url)
    try:
        user = await store.owner_of(thread_id) or ""
        context = {"user_id": user}
        items = (await store.load_thread_items(thread_id, None, 100, "asc", context)).data
        if how == "item deleted":
            await store.delete_thread_item(thread_id, items[1].id, context)
        elif how == "row edited":
            edited = items[0].model_copy(update={"created_at": items[0].created_at.replace(year=2001)})
            await store.save_item(thread_id, edited, context)
        elif how == "foreign item":
            ask = UserMessageItem.model_validate(
                {"id": "msg_new_question", "thread_id": thread_id, "created_at": items[-1].created_at,
                 "content": [{"type": "input_text", "text": "and now?"}], "inference_options": {}}
            )  # fmt: skip
            await store.add_thread_item(thread_id, ask, context)
        elif how == "last two lost":
            for item in items[-2:]:
                await store.delete_thread_item(thread_id, item.id, context)
        else:
            await store.delete_thread(thread_id, context)
    finally:
        await store.close()


FAULTS = {
    "item deleted": ("differs", {"missing"}),
    "row edited": ("differs", {"changed"}),
    "foreign item": ("extra", {"extra"}),
    "thread deleted": ("differs", {"missing"}),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_clean_import_reconciles_equal_and_each_fault_is_found_on_its_thread(
    legacy: tuple[list[str], Path], store_url: str, tmp_path: Path, fault: str
) -> None:
    ids, archive = legacy
    journal = tmp_path / "m.db"
    assert run(archive, journal, store_url, allow_lossy=True).ok
    clean = _check(journal, archive, store_url)
    assert [c.legacy_id for c in clean.checks] == ids and {c.result for c in clean.checks} == {"equal"}
    with Journal(journal, read_only=True) as opened:
        victim = opened.target_of(ids[2]) or ""
    asyncio.run(_edit(store_url, victim, fault))
    found = {c.legacy_id: c for c in _check(journal, archive, store_url).checks}
    result, classes = FAULTS[fault]
    assert {legacy_id for legacy_id, c in found.items() if c.result != "equal"} == {ids[2]}
    assert found[ids[2]].result == result and {d.kind for d in found[ids[2]].differences} == classes


def test_undo_leaves_the_store_as_it_was_and_a_new_import_writes_it_all_again_once(
    legacy: tuple[list[str], Path], store_url: str, tmp_path: Path
) -> None:
    ids, archive = legacy
    journal = tmp_path / "m.db"
    before = asyncio.run(_everything(store_url))
    assert run(archive, journal, store_url, allow_lossy=True).ok
    with Journal(journal, read_only=True) as opened:
        continued = opened.target_of(ids[0]) or ""
    asyncio.run(_edit(store_url, continued, "foreign item"))
    summary = _undo(journal, archive, store_url)
    assert [legacy_id for legacy_id, _ in summary.refused] == [ids[0]] and "msg_new_question" in summary.refused[0][1]
    assert len(summary.removed) == len(ids) - 1
    assert set(asyncio.run(_everything(store_url))) == {*before, continued}
    assert len(_undo(journal, archive, store_url, force=True).removed) == 1
    assert asyncio.run(_everything(store_url)) == before
    assert run(archive, journal, store_url, allow_lossy=True).migrated == len(ids)
    state = asyncio.run(stored_state(store_url))
    assert {k: v for k, v in state.items() if k != "thr_someone_elses"} == expected(ids, archive)


def test_repair_puts_back_the_lost_end_of_a_thread(
    legacy: tuple[list[str], Path], store_url: str, tmp_path: Path
) -> None:
    ids, archive = legacy
    journal = tmp_path / "m.db"
    assert run(archive, journal, store_url, allow_lossy=True).ok
    with Journal(journal, read_only=True) as opened:
        cut = opened.target_of(ids[1]) or ""
    asyncio.run(_edit(store_url, cut, "last two lost"))
    fixed = asyncio.run(repair(journal=journal, archive=archive, store=store_url, progress=io.StringIO()))
    assert fixed.repaired == [(ids[1], 2)] and fixed.equal == len(ids) - 1 and fixed.ok
    assert {c.result for c in _check(journal, archive, store_url).checks} == {"equal"}


def test_a_store_journal_refuses_no_store_and_another_store_before_anything_is_read(
    legacy: tuple[list[str], Path], tmp_path: Path
) -> None:
    ids, archive = legacy
    journal, url = tmp_path / "m.db", f"sqlite:///{tmp_path / 'chatkit.db'}"
    assert run(archive, journal, url, allow_lossy=True, group=2).ok
    before = journal.read_bytes()
    with pytest.raises(InvalidRequest, match=r"records a chatkit migration: pass --store with its URL$"):
        asyncio.run(reconcile(journal=journal, archive=archive, progress=io.StringIO()))
    other = f"sqlite:///{tmp_path / 'other.db'}"
    with pytest.raises(JournalError, match=r"records a migration to chatkit .*chatkit\.db, not to .*other\.db"):
        _undo(journal, archive, other)
    with pytest.raises(JournalError, match=r"^no migration journal at"):
        _check(tmp_path / "none.db", archive, url)
    assert journal.read_bytes() == before and not (tmp_path / "other.db").exists()
    assert len(_check(journal, archive, url).checks) == len(ids)


def test_a_thread_longer_than_a_page_is_read_whole_and_a_gone_one_is_named(tmp_path: Path) -> None:
    emulator = Emulator()
    long = emulator.add_thread({"metadata": {"user": "ann", "title": "Long"}})
    for n in range(130):
        emulator.add_message(long["id"], {"role": ("user", "assistant")[n % 2], "content": f"m{n}"})
    short = emulator.add_thread({"metadata": {}})
    emulator.add_message(short["id"], {"role": "user", "content": "hi"})
    archive = archive_of(emulator, [long["id"], short["id"]], tmp_path / "legacy.jsonl")
    journal, url = tmp_path / "m.db", f"sqlite:///{tmp_path / 'chatkit.db'}"
    assert run(archive, journal, url).ok
    assert {c.result for c in _check(journal, archive, url).checks} == {"equal"}
    with Journal(journal, read_only=True) as opened:
        long_id, short_id = opened.target_of(long["id"]) or "", opened.target_of(short["id"]) or ""

    async def plant() -> None:
        store = open_store(url)
        items = (await store.load_thread_items(long_id, None, 200, "asc", {"user_id": "ann"})).data
        await store.delete_thread_item(long_id, items[120].id, {"user_id": "ann"})
        await store.delete_thread(short_id, {"user_id": "default"})
        await store.close()

    asyncio.run(plant())
    found = {c.legacy_id: c for c in _check(journal, archive, url).checks}
    assert [(d.kind, d.position) for d in found[long["id"]].differences] == [("missing", 120)]
    assert [d.detail for d in found[short["id"]].differences] == [f"ChatKit thread {short_id} is not in the store"]
