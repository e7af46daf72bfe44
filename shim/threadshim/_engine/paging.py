"""Cursor pagination over a list endpoint, and the merge of several ordered streams into one."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Literal, TypeVar

from threadshim_api.types import UNSET

from .._errors import InvalidRequest, PaginationError, ThreadShimError, UnexpectedResponse
from .._limits import MAX_PAGE_SIZE
from .._models import Page, UnifiedThread
from .._validation import check_limit
from .responses import Received, json_object
from .steps import Call, Cursor, Emit, Request, Stream

T = TypeVar("T")
Order = Literal["asc", "desc"]


def objects(page: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The JSON objects in a page's ``data`` (anything else in it is passed over)."""
    data = page.get("data")
    return [entry for entry in data if isinstance(entry, dict)] if isinstance(data, list) else []


_CURSOR = re.compile(r"[A-Za-z0-9_\-]{1,512}")


def _broken(why: str, response: Received) -> PaginationError:
    return PaginationError(
        f"the server's pagination is broken: {why}",
        status_code=response.status_code,
        body=response.content[:4096],
        request_id=response.request_id,
    )


class _Cursors:
    """The cursors a listing has followed, to stop pagination that would never end."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def next(self, page: Mapping[str, Any], response: Received) -> str | None:
        """The ``after`` cursor of the page after ``page``, or None when the listing is over."""
        if page.get("has_more") is not True:
            return None
        if not page.get("data"):
            raise _broken("a page with no objects says there are more", response)
        last = page.get("last_id")
        if not isinstance(last, str) or not _CURSOR.fullmatch(last):
            raise _broken("a page says there are more but its last_id is not an id", response)
        if last in self.seen:
            raise _broken(f"the cursor {last!r} came back, so the pages would repeat for ever", response)
        self.seen.add(last)
        return last


def listing(
    get_kwargs: Callable[..., dict[str, Any]], convert: Callable[[dict[str, Any]], T], *path: str, **query: Any
) -> Stream[T]:
    """Every object of a list endpoint, from its generated module's ``_get_kwargs``, in pages of the largest size."""

    def page(after: str | None) -> Request:
        return Request.from_kwargs(get_kwargs(*path, limit=MAX_PAGE_SIZE, after=after or UNSET, **query))

    return paginate(page, convert)


def _list_body(response: Received) -> dict[str, Any]:
    page = json_object(response, require_id=False)
    if not isinstance(page.get("data"), list):
        raise UnexpectedResponse(
            "the API answered a list request without a data array",
            status_code=response.status_code,
            body=response.content,
            request_id=response.request_id,
        )
    return page


def one_page(
    get_kwargs: Callable[..., dict[str, Any]],
    convert: Callable[[dict[str, Any]], T],
    *path: str,
    limit: int,
    after: str | None,
    **query: Any,
) -> Call[Page[T]]:
    """One page of a list endpoint, as the caller asked for it."""
    check_limit(limit)
    if after is not None and not _CURSOR.fullmatch(after):
        raise InvalidRequest(f"after must be an id (letters, digits, '_' and '-'), not {after[:40]!r}")
    response: Received = yield Request.from_kwargs(get_kwargs(*path, limit=limit, after=after or UNSET, **query))
    page = _list_body(response)
    first, last = page.get("first_id"), page.get("last_id")
    return Page(
        tuple(convert(raw) for raw in objects(page)),
        has_more=page.get("has_more") is True,
        first_id=first if isinstance(first, str) else None,
        last_id=last if isinstance(last, str) else None,
    )


def paginate(request: Callable[[str | None], Request], convert: Callable[[dict[str, Any]], T]) -> Stream[T]:
    """Every object of a listing, page after page: ``request(after)`` builds each page's request.

    A page must hold a ``data`` array; one that claims more but is empty, repeats a cursor or
    names a cursor that is not an id raises :class:`PaginationError` instead of asking for ever.
    """
    after: str | None = None
    cursors = _Cursors()
    while True:
        response: Received = yield request(after)
        page = _list_body(response)
        for raw in objects(page):
            yield Emit(convert(raw))
        after = cursors.next(page, response)
        if after is None:
            return


def created_key(thread: UnifiedThread) -> float:
    """The sort key of a thread: its ``created_at`` in Unix seconds (0 when unknown)."""
    created: datetime | None = thread.created_at
    return created.timestamp() if created is not None else 0.0


class _Head:
    """A stream and the value it emitted last, not yet passed on."""

    def __init__(self, stream: Stream[UnifiedThread]) -> None:
        self.cursor: Cursor[None] = Cursor(stream)
        self.value: UnifiedThread | None = None
        self.done = False

    def fill(self) -> Stream[UnifiedThread]:
        """Advance the stream (forwarding its requests, and their errors back into it) until it emits or ends."""
        while self.value is None and not self.done:
            step = self.cursor.advance()
            if step is None:
                self.done = True
            elif isinstance(step, Emit):
                self.value = step.value
            else:
                try:
                    self.cursor.answer = yield step
                except ThreadShimError as exc:
                    self.cursor.error = exc


def merge(streams: list[Stream[UnifiedThread]], order: Order) -> Stream[UnifiedThread]:
    """Merge streams that are each in ``created_at`` order into one in that order (earlier streams win ties)."""
    heads = [_Head(stream) for stream in streams]
    while True:
        for head in heads:
            yield from head.fill()
        best: _Head | None = None
        for head in heads:
            if head.value is not None and (best is None or _before(head.value, best.value, order)):
                best = head
        if best is None or best.value is None:
            return
        value, best.value = best.value, None
        yield Emit(value)


def _before(one: UnifiedThread, other: UnifiedThread | None, order: Order) -> bool:
    if other is None:
        return True
    return created_key(one) < created_key(other) if order == "asc" else created_key(one) > created_key(other)
