"""What every target keeps of a legacy thread: content counts, losses, kept fields, the Responses API's tools.

Pure functions over the legacy wire objects (``raw``), shared by every target's planner; they never
raise on odd input.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._annotations import Carried, carry

_KEPT_MESSAGE_FIELDS = ("created_at", "completed_at", "incomplete_at", "incomplete_details", "assistant_id", "run_id")


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@attrs.frozen
class Loss:
    """Message content the conversation cannot hold: which message, which part, why, and the part as it was."""

    message_id: str | None
    reason: str
    raw: Any


@attrs.define
class Counts:
    """Content parts, attachments and annotations: how many were carried and how many dropped."""

    parts: int = 0
    attachments: int = 0
    annotations: int = 0
    parts_dropped: int = 0
    attachments_dropped: int = 0
    annotations_dropped: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        for field in attrs.fields(Counts):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


@attrs.frozen(kw_only=True)
class PlannedThread:
    """What every target's plan of a legacy thread says: its items in order (with the legacy message each
    came from), the content lost, what the journal keeps instead, the thread's tools, and the counts.
    """

    legacy_id: str
    items: tuple[dict[str, Any], ...]
    message_ids: tuple[str, ...]
    losses: tuple[Loss, ...]
    kept: dict[str, Any]
    tools: list[dict[str, Any]]
    counts: Counts

    @property
    def lossy(self) -> bool:
        """Whether some message content would be lost."""
        return bool(self.losses)


def responses_tools(tool_resources: Any) -> list[dict[str, Any]]:
    """A thread's ``tool_resources`` as the Responses API's ``tools``: file search and a code-interpreter container."""
    resources = _as_dict(tool_resources)
    tools: list[dict[str, Any]] = []
    stores = _as_dict(resources.get("file_search")).get("vector_store_ids")
    if isinstance(stores, list) and stores:
        tools.append({"type": "file_search", "vector_store_ids": [s for s in stores if isinstance(s, str)]})
    files = _as_dict(resources.get("code_interpreter")).get("file_ids")
    if isinstance(files, list) and files:
        container = {"type": "auto", "file_ids": [f for f in files if isinstance(f, str)]}
        tools.append({"type": "code_interpreter", "container": container})
    return tools


def carry_counted(value: str, notes: Any, part: object, counts: Counts, known: dict[int, Carried]) -> Carried:
    """An assistant text's annotations carried (:func:`carry`), counted, and kept in ``known`` for
    :func:`annotation_losses` under the part's ``id``, so they are not carried twice.
    """
    carried = carry(value, notes if isinstance(notes, list) else [])
    if isinstance(notes, list):
        known[id(part)] = carried
    counts.annotations += len(carried.annotations)
    counts.annotations_dropped += len(carried.dropped)
    return carried


def annotation_losses(
    raw: dict[str, Any], message_id: str | None, parts: list[Any], known: dict[int, Carried] | None = None
) -> list[Loss]:
    """The annotations of an assistant message's text parts that cannot be carried, as losses.

    ``known`` holds what :func:`carry` already made of a part (by the part's ``id``), so it is not done twice.
    """
    losses: list[Loss] = []
    for part in parts:
        text = _as_dict(_as_dict(part).get("text"))
        notes = text.get("annotations")
        value = _string(text.get("value"))
        if raw.get("role") == "assistant" and value is not None and isinstance(notes, list):
            carried = (known or {}).get(id(part)) or carry(value, notes)
            for dropped in carried.dropped:
                losses.append(Loss(message_id, f"annotation not carried: {dropped['reason']}", dropped["annotation"]))
    return losses


def kept_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """What a legacy message has that no target holds, for the journal: times, ids, metadata, raw annotations."""
    kept = {name: raw[name] for name in _KEPT_MESSAGE_FIELDS if raw.get(name) is not None}
    if _as_dict(raw.get("metadata")):
        kept["metadata"] = raw["metadata"]
    tools = [_as_dict(a).get("tools") for a in raw.get("attachments") or [] if _as_dict(a).get("tools")]
    if tools:
        kept["attachment_tools"] = tools
    notes = [n for p in raw.get("content") or [] for n in _as_dict(_as_dict(p).get("text")).get("annotations") or []]
    if notes:
        kept["annotations"] = notes
    return kept
