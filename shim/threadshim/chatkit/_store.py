"""One implementation of openai-chatkit's ``Store`` over any :class:`Backend`, scoped to the request's user.

Paging is by ``(created_at, seq)``: ``seq`` is the order rows were first written, so items that
share a ``created_at`` (legacy timestamps are whole seconds) still page in a stable order and none
is skipped or repeated. ``after`` is the id of the last object of the previous page; an ``after``
that names nothing in the thread raises :class:`StoreNotFound` instead of returning an empty page.
Another user's thread, item or attachment looks exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic

import attrs
from chatkit.store import Store
from chatkit.types import Attachment, Page, ThreadItem, ThreadMetadata
from typing_extensions import TypeVar

from . import _codec as codec
from ._backend import Backend, Row, Statement
from ._errors import InvalidPage, ItemExists, StoreNotFound
from ._scope import UserOf, user_from_context

TContext = TypeVar("TContext", default=Any)
T = TypeVar("T")

_OWNED = "EXISTS (SELECT 1 FROM chatkit_threads WHERE id = ? AND user_id = ?)"
_UPSERT_THREAD = (
    "INSERT INTO chatkit_threads (id, user_id, created_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
    "SET created_at = excluded.created_at, data = excluded.data WHERE chatkit_threads.user_id = excluded.user_id"
)
_UPSERT_ITEM = (
    f"INSERT INTO chatkit_items (thread_id, id, created_at, data) SELECT ?, ?, ?, ? WHERE {_OWNED} "
    "ON CONFLICT (thread_id, id) DO UPDATE SET created_at = excluded.created_at, data = excluded.data"
)
_INSERT_ITEM = (
    f"INSERT INTO chatkit_items (thread_id, id, created_at, data) SELECT ?, ?, ?, ? WHERE {_OWNED} "
    "ON CONFLICT (thread_id, id) DO NOTHING"
)
_UPSERT_ITEM_TRUSTED = (
    "INSERT INTO chatkit_items (thread_id, id, created_at, data) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (thread_id, id) DO UPDATE SET created_at = excluded.created_at, data = excluded.data"
)
_UPSERT_ATTACHMENT = (
    "INSERT INTO chatkit_attachments (id, user_id, thread_id, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
    "SET thread_id = excluded.thread_id, data = excluded.data WHERE chatkit_attachments.user_id = excluded.user_id"
)


@attrs.frozen
class StoredThread:
    """A whole thread to write at once: whose it is, its metadata, its items in order, its attachments."""

    user: str
    thread: ThreadMetadata
    items: Sequence[ThreadItem] = ()
    attachments: Sequence[Attachment] = ()


@attrs.frozen
class ThreadRows:
    """Whole threads as the rows of the store's three tables, ready to write."""

    threads: list[Row]
    items: list[Row]
    attachments: list[Row]


def rows_of(threads: Sequence[StoredThread]) -> ThreadRows:
    """The rows that hold ``threads`` (CPU work only: run it anywhere, then :meth:`SQLStore.put_rows`)."""
    heads: list[Row] = [
        (t.thread.id, t.user, codec.micros(t.thread.created_at), codec.thread_json(t.thread)) for t in threads
    ]
    items: list[Row] = [
        (t.thread.id, item.id, codec.micros(item.created_at), codec.item_json(item))
        for t in threads
        for item in t.items
    ]
    attachments: list[Row] = [
        (a.id, t.user, a.thread_id, codec.attachment_json(a)) for t in threads for a in t.attachments
    ]
    return ThreadRows(heads, items, attachments)


def _page(rows: list[Row], limit: int, decode: Any) -> Page[Any]:
    data = [decode(row[0]) for row in rows[:limit]]
    more = len(rows) > limit
    return Page(data=data, has_more=more, after=data[-1].id if more else None)


def _check(limit: object, order: object) -> tuple[str, str]:
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise InvalidPage(f"limit must be a whole number of at least 1, not {limit!r}")
    if order not in ("asc", "desc"):
        raise InvalidPage(f"order must be 'asc' or 'desc', not {order!r}")
    return (">", "ASC") if order == "asc" else ("<", "DESC")


class SQLStore(Store[TContext], Generic[TContext]):
    """A ChatKit ``Store`` on a SQL database; ``user_of`` says whose threads a request context may see."""

    def __init__(self, backend: Backend, *, user_of: UserOf = user_from_context) -> None:
        self.backend = backend
        self.user_of = user_of

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.backend.name!r})"

    async def open(self) -> None:
        """Connect and create (or upgrade) the tables now, not at the first request: a bad store fails here."""
        await self.backend.prepare()

    async def close(self) -> None:
        """Close the database connections."""
        await self.backend.close()

    async def __aenter__(self) -> SQLStore[TContext]:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _user(self, context: TContext) -> str:
        return self.user_of(context)

    async def load_thread(self, thread_id: str, context: TContext) -> ThreadMetadata:
        """A thread's metadata, if it is the context user's."""
        sql = "SELECT data FROM chatkit_threads WHERE id = ? AND user_id = ?"
        rows = await self.backend.rows(sql, (thread_id, self._user(context)))
        if not rows:
            raise StoreNotFound(f"Thread {thread_id} not found")
        return codec.thread_of(rows[0][0])

    async def save_thread(self, thread: ThreadMetadata, context: TContext) -> None:
        """Create or replace a thread's metadata (never another user's thread)."""
        row = (thread.id, self._user(context), codec.micros(thread.created_at), codec.thread_json(thread))
        missing = f"Thread {thread.id} belongs to another user"
        await self.backend.write([Statement(_UPSERT_THREAD, row, expect=1, missing=missing)])

    async def load_threads(self, limit: int, after: str | None, order: str, context: TContext) -> Page[ThreadMetadata]:
        """A page of the context user's threads by creation time."""
        rows, has_more = await self._threads(self._user(context), limit, after, order)
        return Page(data=[t for _, t in rows], has_more=has_more, after=rows[-1][1].id if has_more else None)

    async def _threads(
        self, user: str | None, limit: int, after: str | None, order: str
    ) -> tuple[list[tuple[str, ThreadMetadata]], bool]:
        compare, direction = _check(limit, order)
        where, params = ("user_id = ?", [user]) if user is not None else ("1 = 1", [])
        if after is not None:
            sql = f"SELECT created_at, seq FROM chatkit_threads WHERE id = ? AND {where}"
            cursor = await self.backend.rows(sql, (after, *params))
            if not cursor:
                raise StoreNotFound(f"Thread {after} (the page cursor) not found")
            where, params = where + f" AND (created_at, seq) {compare} (?, ?)", [*params, *cursor[0]]
        sql = (
            f"SELECT user_id, data FROM chatkit_threads WHERE {where} "
            f"ORDER BY created_at {direction}, seq {direction} LIMIT ?"
        )
        rows = await self.backend.rows(sql, (*params, limit + 1))
        return [(row[0], codec.thread_of(row[1])) for row in rows[:limit]], len(rows) > limit

    async def owner_of(self, thread_id: str) -> str | None:
        """Operator view, for tools (not for ChatKit requests): the user a thread belongs to, or None."""
        rows = await self.backend.rows("SELECT user_id FROM chatkit_threads WHERE id = ?", (thread_id,))
        return str(rows[0][0]) if rows else None

    async def attachments_of(self, thread_id: str) -> list[Attachment]:
        """Operator view: every attachment of a thread, whoever's it is, in id order."""
        sql = "SELECT data FROM chatkit_attachments WHERE thread_id = ? ORDER BY id"
        return [codec.attachment_of(row[0]) for row in await self.backend.rows(sql, (thread_id,))]

    async def threads_page(
        self, limit: int, after: str | None, order: str, *, user: str | None = None
    ) -> tuple[list[tuple[str, ThreadMetadata]], bool]:
        """Operator view: a page of every user's threads (or ``user``'s), each with its user; whether more follow."""
        return await self._threads(user, limit, after, order)

    async def load_thread_items(
        self, thread_id: str, after: str | None, limit: int, order: str, context: TContext
    ) -> Page[ThreadItem]:
        """A page of a thread's items by creation time (ties in the order they were added)."""
        compare, direction = _check(limit, order)
        sql = (
            "SELECT i.created_at, i.seq FROM chatkit_threads t LEFT JOIN chatkit_items i "
            "ON i.thread_id = t.id AND i.id = ? WHERE t.id = ? AND t.user_id = ?"
        )
        head = await self.backend.rows(sql, (after or "", thread_id, self._user(context)))
        if not head:  # no such thread, or another user's: an empty page either way, as ChatKit's own store answers
            return Page()  # ChatKit's empty page: no data, no more, no cursor
        where, params = "thread_id = ?", [thread_id]
        if after is not None:
            if head[0][0] is None:
                raise StoreNotFound(f"Item {after} (the page cursor) not found in thread {thread_id}")
            where, params = where + f" AND (created_at, seq) {compare} (?, ?)", [thread_id, *head[0]]
        sql = f"SELECT data FROM chatkit_items WHERE {where} ORDER BY created_at {direction}, seq {direction} LIMIT ?"
        return _page(await self.backend.rows(sql, (*params, limit + 1)), limit, codec.item_of)

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: TContext) -> None:
        """Add a new item to a thread; an id the thread already holds is refused (:class:`ItemExists`).

        A responder that emits an item again must not overwrite what the user answered to it:
        :meth:`save_item` is the call that replaces.
        """
        user = self._user(context)
        row = (thread_id, item.id, codec.micros(item.created_at), codec.item_json(item), thread_id, user)
        try:
            await self.backend.write([Statement(_INSERT_ITEM, row, expect=1, missing=f"Thread {thread_id} not found")])
        except StoreNotFound:
            sql = f"SELECT 1 FROM chatkit_items WHERE thread_id = ? AND id = ? AND {_OWNED}"
            if await self.backend.rows(sql, (thread_id, item.id, thread_id, user)):
                raise ItemExists(
                    f"Item {item.id} already exists in thread {thread_id}; save_item replaces an item"
                ) from None
            raise

    async def save_item(self, thread_id: str, item: ThreadItem, context: TContext) -> None:
        """Create or replace an item by id, in a thread of the context user's."""
        row = (thread_id, item.id, codec.micros(item.created_at), codec.item_json(item), thread_id, self._user(context))
        await self.backend.write([Statement(_UPSERT_ITEM, row, expect=1, missing=f"Thread {thread_id} not found")])

    async def load_item(self, thread_id: str, item_id: str, context: TContext) -> ThreadItem:
        """One item of a thread of the context user's."""
        sql = f"SELECT data FROM chatkit_items WHERE thread_id = ? AND id = ? AND {_OWNED}"
        rows = await self.backend.rows(sql, (thread_id, item_id, thread_id, self._user(context)))
        if not rows:
            raise StoreNotFound(f"Item {item_id} not found in thread {thread_id}")
        return codec.item_of(rows[0][0])

    async def delete_thread_item(self, thread_id: str, item_id: str, context: TContext) -> None:
        """Delete an item (nothing happens when there is none)."""
        sql = f"DELETE FROM chatkit_items WHERE thread_id = ? AND id = ? AND {_OWNED}"
        await self.backend.write([Statement(sql, (thread_id, item_id, thread_id, self._user(context)))])

    async def delete_thread(self, thread_id: str, context: TContext) -> None:
        """Delete a thread with its items and attachments (nothing happens when there is none)."""
        user = self._user(context)
        owned = (thread_id, thread_id, user)
        await self.backend.write(
            [
                Statement(f"DELETE FROM chatkit_attachments WHERE thread_id = ? AND {_OWNED}", owned),
                Statement(f"DELETE FROM chatkit_items WHERE thread_id = ? AND {_OWNED}", owned),
                Statement("DELETE FROM chatkit_threads WHERE id = ? AND user_id = ?", (thread_id, user)),
            ]
        )

    async def save_attachment(self, attachment: Attachment, context: TContext) -> None:
        """Create or replace an attachment's metadata (never another user's)."""
        row = (attachment.id, self._user(context), attachment.thread_id, codec.attachment_json(attachment))
        missing = f"Attachment {attachment.id} belongs to another user"
        await self.backend.write([Statement(_UPSERT_ATTACHMENT, row, expect=1, missing=missing)])

    async def load_attachment(self, attachment_id: str, context: TContext) -> Attachment:
        """An attachment's metadata, if it is the context user's."""
        sql = "SELECT data FROM chatkit_attachments WHERE id = ? AND user_id = ?"
        rows = await self.backend.rows(sql, (attachment_id, self._user(context)))
        if not rows:
            raise StoreNotFound(f"Attachment {attachment_id} not found")
        return codec.attachment_of(rows[0][0])

    async def delete_attachment(self, attachment_id: str, context: TContext) -> None:
        """Delete an attachment's metadata (nothing happens when there is none)."""
        sql = "DELETE FROM chatkit_attachments WHERE id = ? AND user_id = ?"
        await self.backend.write([Statement(sql, (attachment_id, self._user(context)))])

    async def put_threads(self, threads: Sequence[StoredThread]) -> None:
        """Write whole threads (metadata, items, attachments) in one transaction, replacing what their ids hold.

        For imports: each thread belongs to ``StoredThread.user``, not to a request context. A
        thread id held by another user rolls the whole write back with :class:`StoreNotFound`.
        """
        await self.put_rows(rows_of(threads))

    async def put_rows(self, rows: ThreadRows) -> None:
        """Write rows :func:`rows_of` made (in any thread, ahead of time), as :meth:`put_threads` does."""
        if not rows.threads:
            return
        first, last = rows.threads[0][0], rows.threads[-1][0]
        clash = f"One of threads {first}…{last} belongs to another user"
        statements = [Statement(_UPSERT_THREAD, rows.threads, many=True, expect=len(rows.threads), missing=clash)]
        if rows.items:
            statements.append(Statement(_UPSERT_ITEM_TRUSTED, rows.items, many=True))
        if rows.attachments:
            clash = "An attachment id of these threads belongs to another user"
            statements.append(
                Statement(_UPSERT_ATTACHMENT, rows.attachments, many=True, expect=len(rows.attachments), missing=clash)
            )
        await self.backend.write(statements)
