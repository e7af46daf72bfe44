"""Cursor pagination over a list endpoint, and the merge of several ordered streams into one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Literal, TypeVar

from threadshim_api.types import UNSET

from .._errors import ThreadShimError
from .._limits import MAX_PAGE_SIZE
from .._models import UnifiedThread
from .responses import json_object
from .steps import Cursor, Emit, Request, Stream

T = TypeVar("T")
Order = Literal["asc", "desc"]


def objects(page: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The JSON objects in a page's ``data`` (anything else in it is passed over)."""
    data = page.get("data")
    return [entry for entry in data if isinstance(entry, dict)] if isinstance(data, list) else []


def next_cursor(page: Mapping[str, Any]) -> str | None:
    """The ``after`` cursor of the next page, or None when the listing is over."""
    last = page.get("last_id")
    if page.get("has_more") is True and isinstance(last, str) and last:
        return last
    return None


def listing(
    get_kwargs: Callable[..., dict[str, Any]], convert: Callable[[dict[str, Any]], T], *path: str, **query: Any
) -> Stream[T]:
    """Every object of a list endpoint, from its generated module's ``_get_kwargs``, in pages of the largest size."""

    def page(after: str | None) -> Request:
        return Request.from_kwargs(get_kwargs(*path, limit=MAX_PAGE_SIZE, after=after or UNSET, **query))

    return paginate(page, convert)


def paginate(request: Callable[[str | None], Request], convert: Callable[[dict[str, Any]], T]) -> Stream[T]:
    """Every object of a listing, page after page: ``request(after)`` builds each page's request."""
    after: str | None = None
    while True:
        page = json_object((yield request(after)))
        for raw in objects(page):
            yield Emit(convert(raw))
        after = next_cursor(page)
        if after is None:
            return


def _key(thread: UnifiedThread) -> float:
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
    return _key(one) < _key(other) if order == "asc" else _key(one) > _key(other)
