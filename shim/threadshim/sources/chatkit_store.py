"""Threads in a self-hosted ChatKit store (``thr_…``), read through threadshim's own SQLite or PostgreSQL store.

This is the operator's view: every user's threads, each with its user. The store is async; this
source runs it on a private event loop in a background thread, so both clients can read it. Each
query is a local step: the sync client waits for it, the async one awaits it in a worker thread,
so its event loop never blocks on the store.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import attrs
from chatkit.types import ThreadItem, ThreadMetadata

from .._engine.steps import Call, Emit, Stream, local
from .._errors import NotFoundError, ThreadShimError, UnsupportedOperation
from .._mapping import as_metadata, item_from_chatkit, tool_resources
from .._models import Page, ThreadStatus, UnifiedItem, UnifiedThread
from .._validation import check_limit
from ..chatkit import SQLStore, StoreNotFound
from ._base import Order, Source

T = TypeVar("T")
_PAGE = 100


def thread_from_store(user: str, thread: ThreadMetadata) -> UnifiedThread:
    """A stored thread; an imported one keeps its legacy id, metadata and tool resources in ``metadata``."""
    raw = thread.model_dump(mode="json")
    extra = thread.metadata
    legacy = extra.get("legacy_metadata")
    return UnifiedThread(
        id=thread.id,
        source="chatkit_store",
        created_at=thread.created_at if thread.created_at.tzinfo is not None else thread.created_at.astimezone(),
        title=thread.title,
        status=ThreadStatus(thread.status.type, getattr(thread.status, "reason", None)),
        user=user,
        metadata=as_metadata(legacy if isinstance(legacy, dict) else extra),
        tool_resources=tool_resources(extra.get("tool_resources")),
        raw={**raw, "user": user},
        legacy_id=extra.get("legacy_thread_id") if isinstance(extra.get("legacy_thread_id"), str) else None,
    )


def _item(item: ThreadItem) -> UnifiedItem:
    """A stored item; a naive time (ChatKit's server writes local time) is made aware."""
    moment = item.created_at if item.created_at.tzinfo is not None else item.created_at.astimezone()
    return attrs.evolve(item_from_chatkit(item.model_dump(mode="json")), source="chatkit_store", created_at=moment)


class StoreSource(Source):
    """A ChatKit store: retrieve, items, listing and deletion of its threads."""

    kind = "store"
    can_list = True

    def __init__(self, store: SQLStore[Any]) -> None:
        self.store = store
        self.name = store.backend.name
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="threadshim-store", daemon=True)
        self._thread.start()

    def _wait(self, work: Coroutine[Any, Any, T]) -> T:
        try:
            return asyncio.run_coroutine_threadsafe(work, self._loop).result()
        except StoreNotFound as exc:
            raise NotFoundError(f"{exc} in {self.name}", status_code=404) from None

    def _query(self, work: Callable[[], Coroutine[Any, Any, T]]) -> Call[T]:
        """One store call as a local step (the coroutine is made where it runs)."""
        return local(lambda: self._wait(work()))

    def close(self) -> None:
        """Close the store's connections and stop the background loop."""
        if self._loop.is_running():
            self._wait(self.store.close())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        self._loop.close()

    def _owner(self, thread_id: str) -> Call[dict[str, str]]:
        owner = yield from self._query(lambda: self.store.owner_of(thread_id))
        if owner is None:
            raise NotFoundError(f"thread {thread_id} not found in {self.name}", status_code=404)
        return {"user_id": owner}

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """The stored thread, with its user."""
        context = yield from self._owner(thread_id)
        thread = yield from self._query(lambda: self.store.load_thread(thread_id, context))
        return thread_from_store(context["user_id"], thread)

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """One page of the thread's items."""
        check_limit(limit)
        context = yield from self._owner(thread_id)
        page = yield from self._query(lambda: self.store.load_thread_items(thread_id, after, limit, order, context))
        items = tuple(_item(item) for item in page.data)
        last = items[-1].id if items else None
        return Page(items, has_more=page.has_more, first_id=items[0].id if items else None, last_id=last)

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """Every item of the thread, page by page."""
        after: str | None = None
        while True:
            page = yield from self.items_page(thread_id, order, _PAGE, after)
            for item in page.data:
                yield Emit(item)
            if not page.has_more:
                return
            after = page.last_id

    def list(self, user: str | None, order: Order) -> Stream[UnifiedThread]:
        """Every stored thread (of ``user``, when given), page by page."""
        after: str | None = None
        while True:
            page = functools.partial(self.store.threads_page, _PAGE, after, order, user=user)
            rows, more = yield from self._query(page)
            for owner, thread in rows:
                yield Emit(thread_from_store(owner, thread))
            if not more or not rows:
                return
            after = rows[-1][1].id

    def delete(self, thread_id: str) -> Call[bool]:
        """Delete the thread with its items and attachments."""
        context = yield from self._owner(thread_id)
        yield from self._query(lambda: self.store.delete_thread(thread_id, context))
        return True

    def unsupported(self, action: str) -> ThreadShimError:
        """What a store thread cannot do through threadshim (edit it through your ChatKit server)."""
        return UnsupportedOperation(f"cannot {action}: threads in {self.name} are changed through your ChatKit server")
