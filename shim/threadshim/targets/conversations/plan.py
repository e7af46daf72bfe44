"""How one legacy thread becomes a conversation: its metadata, its messages as items in batches, and what is lost.

Pure functions over the legacy wire objects (``raw``): they never raise on odd input; what they
cannot express becomes a :class:`Loss`. ``docs/migration.md`` has the table this module implements.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..._limits import MAX_CONVERSATION_ITEMS, MAX_METADATA_KEYS
from .._annotations import Carried
from ..common import Counts, Loss, PlannedThread, annotation_losses, carry_counted, kept_fields, responses_tools

LEGACY_ID_KEY = "legacy_thread_id"
"""The conversation metadata key that holds the legacy thread id, when the 16-key limit leaves room."""

_STATUSES = ("completed", "incomplete", "in_progress")


@attrs.frozen(kw_only=True)
class ConversationPlan(PlannedThread):
    """A thread's conversation: its metadata beside what every plan says (items in order, losses, kept fields).

    ``kept`` holds what the conversation cannot hold but the journal keeps (timestamps, message
    metadata, assistant and run ids, the thread's tool resources); ``losses`` is message content
    that neither holds beyond this record; ``tools`` is the thread's ``tool_resources`` as the
    Responses API's ``tools`` argument.
    """

    metadata: dict[str, str]

    def batch(self, start: int) -> list[dict[str, Any]]:
        """The items of the batch that begins at item ``start`` (at most 20)."""
        return list(self.items[start : start + MAX_CONVERSATION_ITEMS])


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def conversation_metadata(thread: dict[str, Any]) -> dict[str, str]:
    """The thread's metadata as it is, plus the legacy id under :data:`LEGACY_ID_KEY` when there is room."""
    metadata = {k: v for k, v in _as_dict(thread.get("metadata")).items()}
    if LEGACY_ID_KEY not in metadata and len(metadata) < MAX_METADATA_KEYS and isinstance(thread.get("id"), str):
        metadata[LEGACY_ID_KEY] = thread["id"]
    return metadata


def _image(part: dict[str, Any], kind: str) -> dict[str, Any] | None:
    inner = _as_dict(part.get(kind))
    detail = inner.get("detail") if inner.get("detail") in ("low", "high") else "auto"
    if kind == "image_file" and _string(inner.get("file_id")):
        return {"type": "input_image", "file_id": inner["file_id"], "detail": detail}
    if kind == "image_url" and _string(inner.get("url")):
        return {"type": "input_image", "image_url": inner["url"], "detail": detail}
    return None


def _part(part: Any, assistant: bool, counts: Counts, known: dict[int, Carried]) -> dict[str, Any] | str:
    """One legacy content part in the target form, or (a string) why it cannot be carried (``known``: a memo)."""
    block = _as_dict(part)
    kind = block.get("type")
    if kind == "text":
        text = _as_dict(block.get("text"))
        value = _string(text.get("value"))
        if value is None:
            return "text without a value"
        if not assistant:
            return {"type": "input_text", "text": value}
        carried = carry_counted(value, text.get("annotations"), part, counts, known)
        return {"type": "output_text", "text": carried.text, "annotations": carried.annotations}
    if kind == "refusal" and _string(block.get("refusal")) is not None:
        return {"type": "refusal", "refusal": block["refusal"]} if assistant else "a refusal in a user turn"
    if kind in ("image_file", "image_url"):
        if assistant:
            return f"an assistant turn cannot hold an image ({kind})"
        return _image(block, kind) or f"{kind} without a file id or URL"
    return f"no equivalent for a {kind!r} part"


def conversation_item(raw: dict[str, Any], counts: Counts) -> tuple[dict[str, Any] | None, list[Loss]]:
    """A legacy message as a conversation item (None when nothing of it can be sent), and the content it loses."""
    message_id = _string(raw.get("id"))
    assistant = raw.get("role") == "assistant"
    losses: list[Loss] = []
    parts: list[dict[str, Any]] = []
    content = raw.get("content")
    blocks = content if isinstance(content, list) else []
    known: dict[int, Carried] = {}
    for block in blocks:
        mapped = _part(block, assistant, counts, known)
        if isinstance(mapped, str):
            counts.parts_dropped += 1
            losses.append(Loss(message_id, mapped, block))
        else:
            counts.parts += 1
            parts.append(mapped)
    losses.extend(annotation_losses(raw, message_id, blocks, known))
    for attachment in raw.get("attachments") or []:
        file_id = _string(_as_dict(attachment).get("file_id"))
        if assistant or not file_id:
            counts.attachments_dropped += 1
            why = "an assistant turn cannot hold a file" if file_id else "an attachment without a file id"
            losses.append(Loss(message_id, why, attachment))
        else:
            counts.attachments += 1
            parts.append({"type": "input_file", "file_id": file_id})
    if not parts:
        return None, losses
    status = raw.get("status") if raw.get("status") in _STATUSES else "completed"
    if assistant:
        return {"type": "message", "role": "assistant", "status": status, "content": parts}, losses
    return {"type": "message", "role": "user", "status": status, "content": parts}, losses


def plan_conversation(thread: dict[str, Any], messages: list[dict[str, Any]]) -> ConversationPlan:
    """Plan the conversation for a legacy thread (its raw object) and its raw messages, oldest first."""
    counts = Counts()
    items: list[dict[str, Any]] = []
    message_ids: list[str] = []
    losses: list[Loss] = []
    kept_messages: dict[str, Any] = {}
    for number, raw in enumerate(messages):
        message = _as_dict(raw)
        item, lost = conversation_item(message, counts)
        losses.extend(lost)
        message_id = _string(message.get("id")) or f"#{number}"
        kept = kept_fields(message)
        if kept:
            kept_messages[message_id] = kept
        if item is not None:
            items.append(item)
            message_ids.append(message_id)
    kept_thread = {k: thread[k] for k in ("created_at", "tool_resources") if thread.get(k) is not None}
    kept = {"thread": kept_thread, "messages": kept_messages}
    tools = responses_tools(thread.get("tool_resources"))
    legacy_id = str(thread.get("id"))
    return ConversationPlan(
        legacy_id=legacy_id, metadata=conversation_metadata(thread), items=tuple(items),
        message_ids=tuple(message_ids), losses=tuple(losses), kept=kept, tools=tools, counts=counts,
    )  # fmt: skip
