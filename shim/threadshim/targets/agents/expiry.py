"""Sessions whose items expire: an ``EncryptedSession`` with a time-to-live shorter than the history is old.

An ``EncryptedSession`` drops, on every read, items older than its ``ttl`` (counted from when each
was written, which for a migrated item is the migration): a time-to-live shorter than the legacy
history's age means the agent would lose that history soon after the move, though the legacy
messages are long older. The dry run warns, naming both.
"""

from __future__ import annotations

from typing import Any

from ..base import Record


def oldest_message(plans: list[Record]) -> float | None:
    """The creation time (epoch seconds) of the oldest legacy message the plans hold, or None."""
    times = [
        value
        for plan in plans
        for kept in plan.kept.get("messages", {}).values()
        if isinstance(kept, dict) and isinstance(value := kept.get("created_at"), (int, float))
    ]
    return min(times) if times else None


def _days(seconds: float) -> str:
    return f"{seconds / 86400:.1f} days" if seconds >= 86400 else f"{seconds:.0f} s"


def ttl_warning(session: Any, plans: list[Record], now: float) -> list[str]:
    """A warning when ``session`` expires items sooner than the history's age, else nothing."""
    ttl = getattr(session, "ttl", None) if type(session).__name__ == "EncryptedSession" else None
    oldest = oldest_message(plans)
    if not isinstance(ttl, (int, float)) or oldest is None or ttl >= now - oldest:
        return []
    return [
        f"the sessions are EncryptedSession with ttl={ttl:g} s, but the legacy history is up to "
        f"{_days(now - oldest)} old: each migrated item would be unreadable {_days(ttl)} after it is written; "
        "give the factory a ttl longer than the history you keep"
    ]
