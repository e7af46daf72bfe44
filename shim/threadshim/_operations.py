"""The operations of the unified interface, over sources chosen by id: written once for both drivers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Literal

from ._engine.paging import created_key, merge
from ._engine.steps import Batch, Call, Emit, Stream
from ._errors import APIError, InvalidRequest, InvalidThreadId, NotFoundError
from ._models import Page, UnifiedItem, UnifiedThread
from ._routing import Kind, kind_of
from ._validation import check_order, check_user
from .sources import Changes, Order, Source

OnMissing = Literal["raise", "skip"]


class Operations:
    """Routes each thread id to the source of its kind and builds the operation the drivers run."""

    def __init__(self, sources: Mapping[Kind, Source], *, concurrency: int) -> None:
        self.sources = dict(sources)
        self.concurrency = concurrency

    def source(self, thread_id: str) -> Source:
        """The source that holds threads with this id's prefix (refusing malformed ids)."""
        return self.sources[kind_of(thread_id)]

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """One thread of any kind."""
        return self.source(thread_id).retrieve(thread_id)

    def items(self, thread_id: str, order: str) -> Stream[UnifiedItem]:
        """Every item of a thread of any kind."""
        source = self.source(thread_id)
        return source.items(thread_id, _order(order))

    def items_page(self, thread_id: str, order: str, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """One page of a thread's items, where its source pages."""
        return self.source(thread_id).items_page(thread_id, _order(order), limit, after)

    def list_page(self, user: str | None, order: str, limit: int, after: str | None) -> Call[Page[UnifiedThread]]:
        """One page of the threads of the place that pages them (the ChatKit API: the one API that lists threads)."""
        check_user(user)
        pager = next(source for source in self.sources.values() if not source.named_by_callers)
        return pager.list_page(user, _order(order), limit, after)

    def update(self, thread_id: str, changes: Changes) -> Call[UnifiedThread]:
        """Replace a thread's metadata and/or tool resources, where its source allows."""
        return self.source(thread_id).update(thread_id, changes)

    def delete(self, thread_id: str) -> Call[bool]:
        """Delete a thread, where its source allows."""
        return self.source(thread_id).delete(thread_id)

    def list(
        self, user: str | None, order: str, held_ids: Iterable[str] | None, on_missing: OnMissing
    ) -> Stream[UnifiedThread]:
        """ChatKit threads merged, in ``created_at`` order, with the threads of the other places.

        Those come from ``held_ids`` (legacy and conversation ids, fetched by id) when given; else
        from every place that can list them (an archive).
        """
        direction = _order(order)
        check_user(user)
        if on_missing not in ("raise", "skip"):
            raise InvalidRequest(f"on_missing must be 'raise' or 'skip', not {on_missing!r}")
        streams: list[Stream[UnifiedThread]] = []
        for source in self.sources.values():
            if source.can_list and (held_ids is None or not source.named_by_callers):
                streams.append(source.list(user, direction))
        if held_ids is not None:
            streams.append(self._by_id(iter(held_ids), user, direction, on_missing))
        return merge(streams, direction)

    def _held_id(self, thread_id: str) -> str:
        if not self.source(thread_id).named_by_callers:
            raise InvalidThreadId(
                thread_id, "legacy_ids must hold 'thread_…' or 'conv_…' ids: ChatKit threads are listed, not named"
            )
        return thread_id

    def _by_id(
        self, ids: Iterator[str], user: str | None, order: Order, on_missing: OnMissing
    ) -> Stream[UnifiedThread]:
        """Threads fetched by id, ``concurrency`` at a time, keeping those of ``user``, sorted by ``created_at``.

        The ids may come in any order: all of them are fetched before the first is passed on.
        """
        found: list[UnifiedThread] = []
        while chunk := [self._held_id(i) for i in islice(ids, self.concurrency)]:
            answers: list[UnifiedThread | APIError] = yield Batch([self.source(i).retrieve(i) for i in chunk])
            for answer in answers:
                if isinstance(answer, NotFoundError) and on_missing == "skip":
                    continue
                if isinstance(answer, APIError):
                    raise answer
                if user is None or answer.user == user:
                    found.append(answer)
        found.sort(key=created_key, reverse=order == "desc")
        for thread in found:
            yield Emit(thread)


def _order(order: str) -> Order:
    return "asc" if check_order(order) == "asc" else "desc"
