"""What a target holds of one migrated thread, in a canonical form the archive's plan can be compared with.

A target reads a migrated thread back (:meth:`Checked.held`) and says what its plan of the same
legacy thread must hold (:meth:`Checked.expected`): the thread's fields (metadata; a ChatKit
thread's title and user) and each item as a hash of its mapped form, never of the ids the target
minted. ``reconcile`` compares the two; ``undo`` removes what a migration made.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Protocol

import attrs

from .._errors import ThreadShimError
from .._journal import Journal


class TargetGone(ThreadShimError):
    """The target no longer holds the thread (deleted, or never there)."""


class TargetUnreadable(ThreadShimError):
    """The target refused to show the thread (a 403, say): nothing can be said of what it holds."""


@attrs.frozen
class Held:
    """A thread as a target holds it (or must hold it): its fields, and each item's hash and id, in order."""

    fields: dict[str, Any]
    items: tuple[str, ...]
    item_ids: tuple[str, ...] = ()


def item_hash(value: Any) -> str:
    """A short, stable hash of a JSON value (keys sorted, no spaces)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Checked(Protocol):
    """A target whose migrated threads can be read back, removed, and finished (reconcile, undo, repair)."""

    def expected(self, planned: Any) -> Held:
        """What the target must hold of a planned thread."""
        ...  # pragma: no cover - a protocol

    async def held(self, target_id: str) -> Held:
        """What the target holds of ``target_id`` now; :class:`TargetGone` or :class:`TargetUnreadable` if nothing."""
        ...  # pragma: no cover - a protocol

    async def remove(self, target_id: str) -> None:
        """Delete the thread and all it holds (one already gone is not an error)."""
        ...  # pragma: no cover - a protocol

    async def finish(self, planned: Any, target_id: str, have: int, journal: Journal) -> None:
        """Write the plan's items from ``have`` on into ``target_id`` (which holds the first ``have``), recorded."""
        ...  # pragma: no cover - a protocol


def checked(target: object) -> Checked | None:
    """The target as a :class:`Checked` one, or None when it cannot be read back."""
    wanted = ("expected", "held", "remove", "finish")
    return target if all(callable(getattr(target, name, None)) for name in wanted) else None  # type: ignore[return-value]
