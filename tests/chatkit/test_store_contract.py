"""The contract every store keeps, run on SQLite and on PostgreSQL alike: ChatKit's Store, exactly."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from typing import Any

import pytest
from chatkit.store import NotFoundError
from chatkit.types import (
    ClosedStatus,
    EndOfTurnItem,
    HiddenContextItem,
    LockedStatus,
    ThreadItem,
    ThreadMetadata,
)
from threadshim import ThreadShimError
from threadshim.chatkit import InvalidPage, ItemExists, MissingUser, SQLStore, StoredThread, StoreNotFound

from .helpers import (
    ALICE,
    BOB,
    T0,
    assistant_item,
    file_attachment,
    image_attachment,
    thread,
    user_item,
)

Store = SQLStore[Any]


async def all_items(store: Store, thread_id: str, limit: int, order: str, context: Any = ALICE) -> list[str]:
    """Every item id, page by page, checking each page's has_more and cursor."""
    ids: list[str] = []
    after = None
    while True:
        page = await store.load_thread_items(thread_id, after, limit, order, context)
        ids.extend(item.id for item in page.data)
        assert len(page.data) <= limit
        if not page.has_more:
            return ids
        assert len(page.data) == limit and page.after == page.data[-1].id
        after = page.after


async def all_threads(store: Store, limit: int, order: str, context: Any = ALICE) -> list[str]:
    """Every thread id of the context's user, page by page."""
    ids: list[str] = []
    after = None
    while True:
        page = await store.load_threads(limit, after, order, context)
        ids.extend(t.id for t in page.data)
        if not page.has_more:
            return ids
        after = page.after


async def test_a_thread_round_trips_with_every_field(store: Store) -> None:
    saved = thread(
        "thr_1",
        title="Refunds",
        status=LockedStatus(reason="archived"),
        allowed_image_domains=["example.com"],
        metadata={"legacy_thread_id": "thread_abc", "tool_resources": {"code_interpreter": {"file_ids": ["f"]}}},
    )
    await store.save_thread(saved, ALICE)
    assert await store.load_thread("thr_1", ALICE) == saved


async def test_saving_a_thread_again_replaces_it_without_a_second_copy(store: Store) -> None:
    await store.save_thread(thread("thr_1", title="old"), ALICE)
    await store.save_thread(thread("thr_1", title="new", status=ClosedStatus(reason="done")), ALICE)
    assert (await store.load_thread("thr_1", ALICE)).title == "new"
    assert await all_threads(store, 10, "asc") == ["thr_1"]


async def test_missing_objects_raise_chatkits_not_found_which_is_also_a_threadshim_error(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    calls = [
        store.load_thread("thr_none", ALICE),
        store.load_item("thr_1", "msg_none", ALICE),
        store.load_attachment("atc_none", ALICE),
        store.add_thread_item("thr_none", user_item("msg_1", "thr_none"), ALICE),
    ]
    for call in calls:
        with pytest.raises(StoreNotFound) as caught:
            await call
        assert isinstance(caught.value, NotFoundError) and isinstance(caught.value, ThreadShimError)
    assert (await store.load_thread_items("thr_1", None, 10, "asc", ALICE)).data == []
    nothing = await store.load_thread_items("thr_none", None, 10, "asc", ALICE)  # as ChatKit's own store answers
    assert (nothing.data, nothing.has_more, nothing.after) == ([], False, None)


@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("limit", [1, 3, 10, 45, 100])
async def test_items_sharing_a_second_page_in_the_order_they_were_added(store: Store, order: str, limit: int) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    added = [f"msg_{n:02d}" for n in range(45)]
    for number, item_id in enumerate(added):  # three groups of 15 sharing one whole second each
        await store.add_thread_item("thr_1", user_item(item_id, "thr_1", seconds=number // 15), ALICE)
    expected = added if order == "asc" else added[::-1]
    assert await all_items(store, "thr_1", limit, order) == expected


async def test_a_listing_that_ends_on_a_page_boundary_says_there_is_no_more(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    for number in range(6):
        await store.add_thread_item("thr_1", user_item(f"msg_{number}", "thr_1"), ALICE)
        await store.save_thread(thread(f"thr_t{number}"), BOB)
    first = await store.load_thread_items("thr_1", None, 3, "asc", ALICE)
    second = await store.load_thread_items("thr_1", first.after, 3, "asc", ALICE)
    assert first.has_more and not second.has_more and [i.id for i in second.data] == ["msg_3", "msg_4", "msg_5"]
    last = await store.load_threads(3, (await store.load_threads(3, None, "asc", BOB)).after, "asc", BOB)
    assert not last.has_more and [t.id for t in last.data] == ["thr_t3", "thr_t4", "thr_t5"]


async def test_items_added_out_of_time_order_come_back_by_created_at(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    for item_id, seconds in [("msg_c", 30), ("msg_a", 10), ("msg_d", 30), ("msg_b", 20)]:
        await store.add_thread_item("thr_1", user_item(item_id, "thr_1", seconds), ALICE)
    assert await all_items(store, "thr_1", 2, "asc") == ["msg_a", "msg_b", "msg_c", "msg_d"]
    assert await all_items(store, "thr_1", 2, "desc") == ["msg_d", "msg_c", "msg_b", "msg_a"]


async def test_naive_times_from_chatkits_server_sort_as_local_time(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")  # 12:00:30 UTC is 08:00:30 here: taken as UTC it would sort last
    time.tzset()
    try:
        await store.save_thread(thread("thr_1"), ALICE)
        await store.add_thread_item("thr_1", user_item("msg_late", "thr_1", seconds=60), ALICE)
        naive = user_item("msg_naive", "thr_1").model_copy(update={"created_at": datetime(2024, 5, 1, 8, 0, 30)})
        await store.add_thread_item("thr_1", naive, ALICE)
        await store.add_thread_item("thr_1", user_item("msg_early", "thr_1", seconds=10), ALICE)
        assert await all_items(store, "thr_1", 10, "asc") == ["msg_early", "msg_naive", "msg_late"]
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_threads_page_by_creation_time_with_ties_kept_in_order(store: Store) -> None:
    names = [f"thr_{n:02d}" for n in range(13)]
    for number, name in enumerate(names):
        await store.save_thread(thread(name, seconds=number // 4), ALICE)
    assert await all_threads(store, 5, "asc") == names
    assert await all_threads(store, 4, "desc") == names[::-1]


async def test_an_unknown_cursor_is_an_error_not_an_empty_page(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    await store.add_thread_item("thr_1", user_item("msg_1", "thr_1"), ALICE)
    with pytest.raises(StoreNotFound, match="msg_gone"):
        await store.load_thread_items("thr_1", "msg_gone", 10, "asc", ALICE)
    with pytest.raises(StoreNotFound, match="thr_gone"):
        await store.load_threads(10, "thr_gone", "asc", ALICE)


@pytest.mark.parametrize(("limit", "order"), [(0, "asc"), (-1, "asc"), (True, "asc"), (10, "up"), (10, "ASC")])
async def test_a_bad_page_request_is_refused(store: Store, limit: Any, order: str) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    with pytest.raises(InvalidPage):
        await store.load_thread_items("thr_1", None, limit, order, ALICE)
    with pytest.raises(InvalidPage):
        await store.load_threads(limit, None, order, ALICE)


async def test_item_upsert_load_and_delete(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    for number in range(3):
        await store.add_thread_item("thr_1", user_item(f"msg_{number}", "thr_1"), ALICE)
    await store.save_item("thr_1", user_item("msg_1", "thr_1", text="edited"), ALICE)
    with pytest.raises(ItemExists, match=r"^Item msg_0 already exists in thread thr_1; save_item replaces an item$"):
        await store.add_thread_item("thr_1", user_item("msg_0", "thr_1", text="again"), ALICE)
    assert (await store.load_item("thr_1", "msg_0", ALICE)).content[0].text == "hi"  # type: ignore[union-attr]
    assert await all_items(store, "thr_1", 10, "asc") == ["msg_0", "msg_1", "msg_2"]
    assert (await store.load_item("thr_1", "msg_1", ALICE)).content[0].text == "edited"  # type: ignore[union-attr]
    await store.delete_thread_item("thr_1", "msg_1", ALICE)
    await store.delete_thread_item("thr_1", "msg_1", ALICE)  # gone already: nothing happens
    assert await all_items(store, "thr_1", 10, "asc") == ["msg_0", "msg_2"]
    with pytest.raises(StoreNotFound):
        await store.load_item("thr_1", "msg_1", ALICE)


async def test_every_kind_of_item_round_trips_exactly(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    with_attachment = user_item("msg_u", "thr_1").model_copy(
        update={"attachments": [file_attachment("atc_1", "thr_1"), image_attachment("atc_2", "thr_1")]}
    )
    items: list[ThreadItem] = [
        with_attachment,
        assistant_item("msg_a", "thr_1", 1),
        HiddenContextItem(id="hc_1", thread_id="thr_1", created_at=T0, content={"note": "x"}),
        EndOfTurnItem(id="eot_1", thread_id="thr_1", created_at=T0),
    ]
    for item in items:
        await store.add_thread_item("thr_1", item, ALICE)
    for item in items:
        assert await store.load_item("thr_1", item.id, ALICE) == item
    assert (await store.load_thread_items("thr_1", None, 10, "asc", ALICE)).data == [
        items[0],
        items[2],
        items[3],
        items[1],
    ]


async def test_attachments_keep_their_kind_preview_and_metadata(store: Store) -> None:
    await store.save_attachment(file_attachment("atc_1"), ALICE)
    await store.save_attachment(image_attachment("atc_2"), ALICE)
    assert await store.load_attachment("atc_1", ALICE) == file_attachment("atc_1")
    assert await store.load_attachment("atc_2", ALICE) == image_attachment("atc_2")
    await store.save_attachment(file_attachment("atc_1", "thr_1"), ALICE)  # linked to its thread when sent
    assert (await store.load_attachment("atc_1", ALICE)).thread_id == "thr_1"
    await store.delete_attachment("atc_1", ALICE)
    await store.delete_attachment("atc_1", ALICE)
    with pytest.raises(StoreNotFound):
        await store.load_attachment("atc_1", ALICE)
    assert (await store.load_attachment("atc_2", ALICE)).name == "cat.png"


async def test_deleting_a_thread_takes_its_items_and_attachments_and_nothing_else(store: Store) -> None:
    for name in ("thr_1", "thr_2"):
        await store.save_thread(thread(name), ALICE)
        await store.add_thread_item(name, user_item(f"msg_{name}", name), ALICE)
        await store.save_attachment(file_attachment(f"atc_{name}", name), ALICE)
    await store.delete_thread("thr_1", ALICE)
    await store.delete_thread("thr_1", ALICE)
    with pytest.raises(StoreNotFound):
        await store.load_thread("thr_1", ALICE)
    with pytest.raises(StoreNotFound):
        await store.load_attachment("atc_thr_1", ALICE)
    await store.save_thread(thread("thr_1"), ALICE)  # the same id again starts empty
    assert await all_items(store, "thr_1", 10, "asc") == []
    assert await all_items(store, "thr_2", 10, "asc") == ["msg_thr_2"]
    assert (await store.load_attachment("atc_thr_2", ALICE)).thread_id == "thr_2"


async def test_one_user_never_sees_or_changes_anothers_threads(store: Store) -> None:
    await store.save_thread(thread("thr_a", title="alice's"), ALICE)
    await store.add_thread_item("thr_a", user_item("msg_a", "thr_a"), ALICE)
    await store.save_attachment(file_attachment("atc_a", "thr_a"), ALICE)
    await store.save_thread(thread("thr_b"), BOB)
    assert await all_threads(store, 10, "asc", BOB) == ["thr_b"]
    for call in [
        store.load_thread("thr_a", BOB),
        store.load_item("thr_a", "msg_a", BOB),
        store.load_attachment("atc_a", BOB),
        store.add_thread_item("thr_a", user_item("msg_b", "thr_a"), BOB),
        store.save_item("thr_a", user_item("msg_a", "thr_a", text="bob was here"), BOB),
        store.save_thread(thread("thr_a", title="bob's now"), BOB),
        store.save_attachment(file_attachment("atc_a"), BOB),
        store.load_threads(10, "thr_a", "asc", BOB),
    ]:
        with pytest.raises(StoreNotFound):
            await call
    for after in (None, "msg_a"):  # another user's items: an empty page, the same as a thread that is not there
        page = await store.load_thread_items("thr_a", after, 10, "asc", BOB)
        assert (page.data, page.has_more, page.after) == ([], False, None)
    await store.delete_thread("thr_a", BOB)
    await store.delete_thread_item("thr_a", "msg_a", BOB)
    await store.delete_attachment("atc_a", BOB)
    assert (await store.load_thread("thr_a", ALICE)).title == "alice's"
    assert await all_items(store, "thr_a", 10, "asc") == ["msg_a"]
    assert (await store.load_item("thr_a", "msg_a", ALICE)).content[0].text == "hi"  # type: ignore[union-attr]
    assert (await store.load_attachment("atc_a", ALICE)).thread_id == "thr_a"


@pytest.mark.parametrize("context", [{}, {"user_id": ""}, {"user_id": 7}, None, object()])
async def test_a_context_with_no_user_is_refused_before_any_query(store: Store, context: Any) -> None:
    with pytest.raises(MissingUser, match="user_of="):
        await store.load_threads(10, None, "asc", context)


async def test_contexts_with_a_user_attribute_work_too(store: Store) -> None:
    class Request:
        user_id = "alice"

    await store.save_thread(thread("thr_1"), Request())
    assert (await store.load_thread("thr_1", ALICE)).id == "thr_1"


async def test_concurrent_writers_lose_nothing(store: Store) -> None:
    await store.save_thread(thread("thr_1"), ALICE)
    await asyncio.gather(
        *(store.add_thread_item("thr_1", user_item(f"msg_{n:03d}", "thr_1", n), ALICE) for n in range(60))
    )
    assert await all_items(store, "thr_1", 25, "asc") == [f"msg_{n:03d}" for n in range(60)]


def _whole(name: str, user: str = "alice", items: int = 3) -> StoredThread:
    return StoredThread(
        user,
        thread(name),
        [user_item(f"msg_{name}_{n}", name) for n in range(items)],
        [file_attachment(f"atc_{name}", name)],
    )


async def test_put_threads_writes_whole_threads_and_again_changes_nothing(store: Store) -> None:
    batch = [_whole(f"thr_{n}") for n in range(4)]
    await store.put_threads(batch)
    await store.put_threads(batch)
    assert await all_threads(store, 10, "asc") == [f"thr_{n}" for n in range(4)]
    assert await all_items(store, "thr_2", 10, "asc") == ["msg_thr_2_0", "msg_thr_2_1", "msg_thr_2_2"]
    assert (await store.load_attachment("atc_thr_3", ALICE)).thread_id == "thr_3"


@pytest.mark.parametrize("size", [1, 150])  # 150 rows: PostgreSQL writes them through COPY
async def test_put_threads_is_all_or_nothing(store: Store, size: int) -> None:
    await store.save_thread(thread("thr_bobs"), BOB)
    with pytest.raises(StoreNotFound, match="another user"):
        await store.put_threads([*(_whole(f"thr_new{n}") for n in range(size)), _whole("thr_bobs")])
    assert await all_threads(store, 10, "asc") == []
    with pytest.raises(StoreNotFound):
        await store.load_attachment("atc_thr_new0", ALICE)
    assert await all_items(store, "thr_bobs", 10, "asc", BOB) == []


async def test_many_threads_written_at_once_keep_their_order_including_ties(store: Store) -> None:
    batch = [_whole(f"thr_{n:03d}", items=2) for n in range(120)]  # all created at T0: order is the write order
    await store.put_threads(batch)
    await store.put_threads(batch[:60])  # rewriting some keeps their places
    assert await all_threads(store, 50, "asc") == [f"thr_{n:03d}" for n in range(120)]
    assert await all_items(store, "thr_077", 1, "desc") == ["msg_thr_077_1", "msg_thr_077_0"]


async def test_the_store_keeps_everything_when_opened_again(
    store: Store, store_kind: str, tmp_path: Any, request: pytest.FixtureRequest
) -> None:
    await store.put_threads([_whole("thr_1")])
    await store.close()
    from .conftest import make_store

    again = (
        make_store("sqlite", tmp_path, request)
        if store_kind == "sqlite"
        else type(store)(request.getfixturevalue("postgres_url"))  # same database: the fixture is cached per test
    )
    try:
        assert await all_items(again, "thr_1", 2, "asc") == ["msg_thr_1_0", "msg_thr_1_1", "msg_thr_1_2"]
        assert isinstance(await again.load_thread("thr_1", ALICE), ThreadMetadata)
    finally:
        await again.close()
