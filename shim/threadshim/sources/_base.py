"""The interface every place threads live implements; what a place cannot do raises UnsupportedOperation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from .._engine.steps import Call, Stream
from .._errors import ThreadShimError, UnsupportedOperation
from .._models import Page, ToolResourcesLike, UnifiedItem, UnifiedThread
from .._routing import Kind

Order = Literal["asc", "desc"]


@attrs.frozen
class Changes:
    """What an update replaces: the metadata, the tool resources, or both (None: left as it is)."""

    metadata: Mapping[str, str] | None = None
    tool_resources: ToolResourcesLike | None = None


class Source:
    """A place threads of one kind live. ``retrieve`` and ``items`` are required; the rest where the place allows.

    ``name`` says which place it is in errors ("the Assistants API", "the read-only archive
    legacy.jsonl"); ``kind`` is the kind of thread id it serves; ``can_list`` says whether
    :meth:`list` works; ``named_by_callers`` is False for a place whose threads are found by
    listing it, never by ids a caller holds (the ChatKit API, which pages its threads). Methods
    return operations for a driver to run; a method that is not overridden raises
    :class:`UnsupportedOperation` naming the place.
    """

    name: str = "this source"
    kind: Kind
    can_list: bool = False
    named_by_callers: bool = True

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """One thread."""
        raise self.unsupported("retrieve threads")

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """Every item of a thread, in ``order`` of creation."""
        raise self.unsupported("list a thread's items")

    def list(self, user: str | None, order: Order) -> Stream[UnifiedThread]:
        """Every thread (of ``user``, when given), in ``order`` of creation."""
        raise self.unsupported("list threads")

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """One page of a thread's items."""
        raise self.unsupported("page through a thread's items")

    def list_page(self, user: str | None, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedThread]]:
        """One page of threads."""
        raise self.unsupported("page through threads")

    def update(self, thread_id: str, changes: Changes) -> Call[UnifiedThread]:
        """Replace a thread's metadata and/or tool resources."""
        raise self.unsupported("update threads")

    def delete(self, thread_id: str) -> Call[bool]:
        """Delete a thread; return whether the place said it was deleted."""
        raise self.unsupported("delete threads")

    def close(self) -> None:
        """Release what the place holds open (most hold nothing)."""

    def unsupported(self, action: str) -> ThreadShimError:
        """The error for an operation this place does not have (UnsupportedOperation unless it says otherwise)."""
        return UnsupportedOperation(f"cannot {action}: {self.name} does not support it")
