"""Legacy threads from an export file (``thread_…``): retrieve, messages and listing; read-only."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .._engine.steps import Call, Emit, Stream, local
from .._errors import ThreadShimError, UnsupportedOperation
from .._models import Page, UnifiedItem, UnifiedThread
from .._validation import check_limit
from ..archive import Archive
from ._base import Order, Source

_PAGE = 100
"""How many archived threads one local read gives a listing."""


class ArchiveSource(Source):
    """A ``threadshim export`` file standing in for the Assistants API, which no longer answers."""

    kind = "assistants"
    can_list = True

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.name = f"the read-only archive {archive.path}"

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """The archived thread (a local read)."""
        return (yield from local(lambda: self.archive.retrieve(thread_id)))

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """The archived thread's messages."""
        items = yield from local(lambda: list(self.archive.items(thread_id, order)))
        for item in items:
            yield Emit(item)

    def list(self, user: str | None, order: Order) -> Stream[UnifiedThread]:
        """Archived threads by ``created_at``, read a page at a time."""
        ids = yield from local(lambda: self.archive.ids(order=order, user=user))
        for start in range(0, len(ids), _PAGE):
            page = ids[start : start + _PAGE]
            threads = yield from local(functools.partial(self._retrieve_all, page))
            for thread in threads:
                yield Emit(thread)

    def _retrieve_all(self, thread_ids: Sequence[str]) -> Sequence[UnifiedThread]:
        return [self.archive.retrieve(thread_id) for thread_id in thread_ids]

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """A page of the archived thread's messages, with the API's cursor rules (an unknown cursor: empty page)."""
        check_limit(limit)
        items = yield from local(lambda: list(self.archive.items(thread_id, order)))
        ids = [item.id for item in items]
        start = 0 if after is None else (ids.index(after) + 1 if after in ids else len(items))
        chosen = items[start : start + limit]
        return Page(
            tuple(chosen),
            has_more=start + limit < len(items),
            first_id=chosen[0].id if chosen else None,
            last_id=chosen[-1].id if chosen else None,
        )

    def unsupported(self, action: str) -> ThreadShimError:
        """Writes are refused: the archive is a record of what the API held."""
        return UnsupportedOperation(f"cannot {action}: legacy threads come from {self.name}")
