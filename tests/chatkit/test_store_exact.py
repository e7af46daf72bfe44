"""The store's refusals word for word, the operator's view, and whole-thread writes that clash with another user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from threadshim.chatkit import InvalidPage, SQLiteStore, SQLStore, StoredThread, StoreNotFound

from .helpers import ALICE, BOB, file_attachment, thread, user_item

Store = SQLStore[Any]


async def _refused(call: Any) -> str:
    with pytest.raises(StoreNotFound) as refused:
        await call
    return str(refused.value)


async def test_what_is_not_there_is_named_in_the_error(store: Store) -> None:
    await store.save_thread(thread("thr_a"), ALICE)
    assert await _refused(store.load_thread("thr_x", ALICE)) == "Thread thr_x not found"
    assert await _refused(store.load_thread("thr_a", BOB)) == "Thread thr_a not found"
    assert await _refused(store.add_thread_item("thr_x", user_item("m", "thr_x"), ALICE)) == "Thread thr_x not found"
    cursor = store.load_thread_items("thr_a", "msg_x", 10, "asc", ALICE)
    assert await _refused(cursor) == "Item msg_x (the page cursor) not found in thread thr_a"
    assert await _refused(store.load_item("thr_a", "msg_x", ALICE)) == "Item msg_x not found in thread thr_a"
    assert await _refused(store.load_attachment("atc_x", ALICE)) == "Attachment atc_x not found"
    assert await _refused(store.load_threads(10, "thr_x", "asc", ALICE)) == "Thread thr_x (the page cursor) not found"


async def test_writes_over_another_users_objects_are_refused_by_name(store: Store) -> None:
    await store.save_thread(thread("thr_a"), ALICE)
    await store.save_attachment(file_attachment("atc_a", "thr_a"), ALICE)
    assert await _refused(store.save_thread(thread("thr_a"), BOB)) == "Thread thr_a belongs to another user"
    assert await _refused(store.save_item("thr_a", user_item("msg_1", "thr_a"), BOB)) == "Thread thr_a not found"
    assert await _refused(store.save_item("thr_z", user_item("msg_1", "thr_z"), ALICE)) == "Thread thr_z not found"
    stolen = store.save_attachment(file_attachment("atc_a", "thr_a"), BOB)
    assert await _refused(stolen) == "Attachment atc_a belongs to another user"
    assert (await store.load_attachment("atc_a", ALICE)).id == "atc_a"


@pytest.mark.parametrize(
    ("limit", "order", "message"),
    [
        (0, "asc", "limit must be a whole number of at least 1, not 0"),
        (True, "asc", "limit must be a whole number of at least 1, not True"),
        ("5", "asc", "limit must be a whole number of at least 1, not '5'"),
        (5, "up", "order must be 'asc' or 'desc', not 'up'"),
        (5, None, "order must be 'asc' or 'desc', not None"),
    ],
)
async def test_bad_page_arguments_are_refused_word_for_word(store: Store, limit: Any, order: Any, message: str) -> None:
    await store.save_thread(thread("thr_a"), ALICE)
    for call in (
        store.load_threads(limit, None, order, ALICE),
        store.load_thread_items("thr_a", None, limit, order, ALICE),
    ):
        with pytest.raises(InvalidPage) as refused:
            await call
        assert str(refused.value) == message


async def test_the_operator_view_pages_every_user_or_one(store: Store) -> None:
    for n, user in enumerate((ALICE, BOB, ALICE, BOB, ALICE)):
        await store.save_thread(thread(f"thr_{n}", seconds=n), user)
    rows, more = await store.threads_page(2, None, "asc")
    assert ([(u, t.id) for u, t in rows], more) == ([("alice", "thr_0"), ("bob", "thr_1")], True)
    rows, more = await store.threads_page(2, "thr_1", "asc")
    assert ([(u, t.id) for u, t in rows], more) == ([("alice", "thr_2"), ("bob", "thr_3")], True)
    rows, more = await store.threads_page(5, None, "desc", user="alice")
    assert ([t.id for _, t in rows], more) == (["thr_4", "thr_2", "thr_0"], False)
    assert (await store.owner_of("thr_3"), await store.owner_of("thr_9")) == ("bob", None)


async def test_a_whole_thread_write_that_clashes_is_refused_and_writes_nothing(store: Store) -> None:
    await store.save_thread(thread("thr_b"), BOB)
    await store.save_attachment(file_attachment("atc_b", "thr_b"), BOB)
    clash = [
        StoredThread("alice", thread("thr_1")),
        StoredThread("alice", thread("thr_b")),
        StoredThread("alice", thread("thr_3")),
    ]
    assert await _refused(store.put_threads(clash)) == "One of threads thr_1…thr_3 belongs to another user"
    taken = [StoredThread("alice", thread("thr_2"), [user_item("msg_1", "thr_2")], [file_attachment("atc_b", "thr_2")])]
    assert await _refused(store.put_threads(taken)) == "An attachment id of these threads belongs to another user"
    rows, _ = await store.threads_page(10, None, "asc")
    assert [(u, t.id) for u, t in rows] == [("bob", "thr_b")]
    assert (await store.load_attachment("atc_b", BOB)).thread_id == "thr_b"
    await store.put_threads([])  # nothing to write is no error


async def test_a_store_shows_which_database_it_is(tmp_path: Path) -> None:
    store: Store = SQLiteStore(tmp_path / "c.db")
    assert repr(store) == f"SQLiteStore('the SQLite store {tmp_path / 'c.db'}')"
    await store.close()
