"""What a migration run did: how many threads moved, were already done, skipped, failed or missing, and why."""

from __future__ import annotations

import attrs

from .._errors import ThreadShimError
from ..targets.base import Record
from ..targets.common import Counts


@attrs.define
class MigrationSummary:
    """What a migration run did (or, with ``dry_run``, would do)."""

    dry_run: bool = False
    migrated: int = 0
    already: int = 0
    lossy: int = 0
    skipped: list[tuple[str, str]] = attrs.field(factory=list)
    failed: list[tuple[str, str]] = attrs.field(factory=list)
    not_found: list[str] = attrs.field(factory=list)
    uncertain_creates: int = 0
    requests: int = 0
    rate_limited: int = 0
    planned_requests: int = 0
    counts: Counts = attrs.field(factory=Counts)
    seconds: float = 0.0
    synthesized: list[str] = attrs.field(factory=list)
    """Threads of the run that ``collect`` made from their messages (no thread object was saved)."""
    plans: list[Record] = attrs.field(factory=list, repr=False)
    """In a dry run, the record of every thread planned."""
    warnings: list[str] = attrs.field(factory=list)
    """In a dry run, what the target warns of (Agents sessions whose time-to-live would hide the history, say)."""

    @property
    def ok(self) -> bool:
        """Whether every thread is migrated (or already was): none failed, missing or skipped."""
        return not (self.failed or self.not_found or self.skipped)


def lossy_reason(parts: int) -> str:
    """Why a thread that would lose content is left out (the same words for every target and the dry run)."""
    return f"it would lose message content ({parts} parts); pass --allow-lossy to migrate it anyway"


def failure_reason(error: BaseException) -> str:
    """How a thread's failure is reported: threadshim's own errors by their message, anything else with its type."""
    return str(error) if isinstance(error, ThreadShimError) else f"unexpected {type(error).__name__}: {error}"
