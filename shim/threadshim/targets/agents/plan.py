"""How one legacy thread becomes an Agents SDK session: the Conversations mapping, each item a Responses input item.

The items are those of :func:`~threadshim.targets.conversations.plan.plan_conversation` (user and
assistant messages with every part, citations as annotations, refusals), so a thread migrated to
either target reads the same in an agent. An assistant message, which the Responses API takes as
input only with an id, keeps its legacy ``msg_…`` id (one derived from it otherwise). The session
id is the legacy thread id, or the value of a metadata key.
"""

from __future__ import annotations

import hashlib
from typing import Any

import attrs

from ..._errors import InvalidRequest
from ..common import PlannedThread
from ..conversations.plan import plan_conversation

THREAD = "thread"
"""The ``session_id`` option that gives each session the legacy thread's id."""


@attrs.frozen(kw_only=True)
class SessionPlan(PlannedThread):
    """A thread's session: its id (or why it has none) beside what every plan says."""

    session_id: str | None
    refused: str = ""
    created_at: float = 0.0


def _assistant_id(message_id: str) -> str:
    if message_id.startswith("msg_"):
        return message_id
    return "msg_" + hashlib.sha256(message_id.encode()).hexdigest()[:48]


def session_items(items: tuple[dict[str, Any], ...], message_ids: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """The conversation items as session items: an assistant message with the id the Responses API wants."""
    return tuple(
        {**item, "id": _assistant_id(message_id)} if item.get("role") == "assistant" else item
        for item, message_id in zip(items, message_ids, strict=True)
    )


def session_id_of(thread: dict[str, Any], key: str) -> tuple[str | None, str]:
    """The thread's session id under the option ``key``, or None and why it has none."""
    if key == THREAD:
        return str(thread.get("id")), ""
    metadata = thread.get("metadata")
    value = metadata.get(key) if isinstance(metadata, dict) else None
    if isinstance(value, str) and value.strip():
        return value, ""
    return None, f"its metadata has no {key!r} to name its session (--session-id {key})"


def created_at_of(thread: dict[str, Any]) -> float:
    """When the thread was made (seconds since the epoch; 0 when it does not say)."""
    created = thread.get("created_at")
    return float(created) if isinstance(created, (int, float)) and not isinstance(created, bool) else 0.0


def plan_session(thread: dict[str, Any], messages: list[dict[str, Any]], key: str = THREAD) -> SessionPlan:
    """Plan the session of a legacy thread (its raw object) and its raw messages, oldest first."""
    planned = plan_conversation(thread, messages)
    session_id, refused = session_id_of(thread, key)
    metadata = thread.get("metadata") if isinstance(thread.get("metadata"), dict) else {}
    kept = {**planned.kept, "thread": {**planned.kept["thread"], "metadata": metadata}}  # a session holds none
    return SessionPlan(
        legacy_id=planned.legacy_id, items=session_items(planned.items, planned.message_ids),
        message_ids=planned.message_ids, losses=planned.losses, kept=kept, tools=planned.tools,
        counts=planned.counts, session_id=session_id, refused=refused, created_at=created_at_of(thread),
    )  # fmt: skip


def checked(plan: SessionPlan) -> SessionPlan:
    """The plan, or :class:`InvalidRequest` saying why it has no session."""
    if plan.session_id is None:
        raise InvalidRequest(plan.refused)
    return plan
