"""How one legacy thread becomes a ChatKit thread: its metadata, its messages as items, their attachments, its losses.

Pure functions over the legacy wire objects, producing ChatKit's JSON shapes (``ThreadMetadata``,
``UserMessageItem``, ``AssistantMessageItem``, ``FileAttachment``/``ImageAttachment``); they never
raise on odd input, and what ChatKit cannot show becomes a :class:`Loss`. Every id is derived from
the legacy ids, so importing a thread again writes the same rows: ``thread_X`` becomes ``thr_X``,
a message keeps its ``msg_…`` id, and the n-th attachment of message ``msg_Y`` is ``atc_Y_n``.
``docs/migration.md`` has the table this module implements.
"""

from __future__ import annotations

import mimetypes
import time
from datetime import datetime, timezone
from typing import Any
from urllib.parse import SplitResult, urlsplit

import attrs

from .._annotations import Carried
from ..common import Counts, Loss, PlannedThread, annotation_losses, carry_counted, kept_fields, responses_tools

DEFAULT_USER = "default"
"""The store user of threads whose metadata names none."""


def chatkit_thread_id(legacy_id: str) -> str:
    """The ChatKit thread id a legacy thread is imported as: ``thread_X`` → ``thr_X``."""
    return "thr_" + legacy_id.removeprefix("thread_")


@attrs.frozen(kw_only=True)
class ChatKitPlan(PlannedThread):
    """A legacy thread as ChatKit JSON: whose it is, the thread and its attachments, beside what every plan says."""

    user: str
    thread: dict[str, Any]
    attachments: tuple[dict[str, Any], ...]

    @property
    def thread_id(self) -> str:
        """The ChatKit thread id."""
        return str(self.thread["id"])


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _when(value: Any, fallback: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 253402300800:
        if value == int(value):  # whole seconds (most times): the same text, made faster
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(value))
        return datetime.fromtimestamp(value, timezone.utc).isoformat().replace("+00:00", "Z")
    return fallback


def _attachment(number: int, message_id: str, thread_id: str, **fields: Any) -> dict[str, Any]:
    suffix = message_id.removeprefix("msg_")
    return {"id": f"atc_{suffix}_{number}", "thread_id": thread_id, **fields}


def _file(number: int, message_id: str, thread_id: str, file_id: str, extra: dict[str, Any]) -> dict[str, Any]:
    metadata = {"openai_file_id": file_id, **extra}
    fields = {"type": "file", "name": file_id, "mime_type": "application/octet-stream", "metadata": metadata}
    return _attachment(number, message_id, thread_id, **fields)


def _address(url: str | None) -> SplitResult | None:
    """The parts of a URL, or None when there is none or it cannot be split (an unclosed ``[``, say)."""
    try:
        return urlsplit(url) if url is not None else None
    except ValueError:
        return None


def _user_part(block: dict[str, Any], where: tuple[int, str, str]) -> dict[str, Any] | str:
    """A user part as ChatKit content (``input_text``) or an attachment, or (a string) why it cannot be carried."""
    kind = block.get("type")
    if kind == "text":
        value = _as_dict(block.get("text")).get("value")
        return {"type": "input_text", "text": value} if isinstance(value, str) else "text without a value"
    if kind == "image_file":
        inner = _as_dict(block.get("image_file"))
        file_id = _text(inner.get("file_id"))
        if file_id is None:
            return "image_file without a file id"
        return _file(*where, file_id, {"part": "image_file", "detail": inner.get("detail")})
    if kind == "image_url":
        url = _text(_as_dict(block.get("image_url")).get("url"))
        parts = _address(url)
        if url is None or parts is None or parts.scheme not in ("http", "https"):
            return "image_url that is not an http(s) address (ChatKit previews need one)"
        name = parts.path.rpartition("/")[2] or "image"
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return _attachment(*where, type="image", name=name, mime_type=mime, preview_url=url)
    if kind == "refusal":
        return "a refusal in a user turn"
    return f"no equivalent for a {kind!r} part"


def _assistant_part(block: dict[str, Any], counts: Counts, known: dict[int, Carried]) -> dict[str, Any] | str:
    """An assistant part as ChatKit ``output_text``, or (a string) why it cannot be carried (``known``: a memo)."""
    kind = block.get("type")
    if kind == "text":
        text = _as_dict(block.get("text"))
        value = text.get("value")
        if not isinstance(value, str):
            return "text without a value"
        carried = carry_counted(value, text.get("annotations"), block, counts, known)
        annotations = [
            {"type": "annotation", "index": note["index"], "source": _source(note)} for note in carried.annotations
        ]
        return {"type": "output_text", "text": carried.text, "annotations": annotations}
    if kind == "refusal" and isinstance(block.get("refusal"), str):
        return {"type": "output_text", "text": block["refusal"], "annotations": []}
    if kind in ("image_file", "image_url"):
        return f"an assistant message cannot hold an image in ChatKit ({kind})"
    return f"no equivalent for a {kind!r} part"


def _source(note: dict[str, Any]) -> dict[str, Any]:
    name = str(note.get("filename") or note["file_id"])
    return {"type": "file", "title": name, "filename": name}


def chatkit_item(
    raw: dict[str, Any], thread_id: str, number: int, when: str, counts: Counts
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[Loss]]:
    """A legacy message as a ChatKit item (None when nothing of it can be shown), its attachments, and its losses."""
    message_id = _text(raw.get("id")) or f"msg_{thread_id.removeprefix('thr_')}_{number}"
    role = raw.get("role")
    losses: list[Loss] = []
    content: list[dict[str, Any]] = []
    attachments: list[dict[str, Any]] = []
    found = raw.get("content")
    blocks: list[Any] = found if isinstance(found, list) else []
    if role not in ("user", "assistant"):
        counts.parts_dropped += len(blocks)
        return None, [], [Loss(message_id, f"no ChatKit item for a message of role {role!r}", raw)]
    known: dict[int, Carried] = {}
    for block in blocks:
        if role == "user":
            mapped = _user_part(_as_dict(block), (len(attachments), message_id, thread_id))
        else:
            mapped = _assistant_part(_as_dict(block), counts, known)
        if isinstance(mapped, str):
            counts.parts_dropped += 1
            losses.append(Loss(message_id, mapped, block))
        else:
            counts.parts += 1
            (content if mapped["type"] in ("input_text", "output_text") else attachments).append(mapped)
    if role == "assistant":
        losses.extend(annotation_losses(raw, message_id, blocks, known))
    for attachment in raw.get("attachments") or []:
        file_id = _text(_as_dict(attachment).get("file_id"))
        if role == "assistant" or file_id is None:
            counts.attachments_dropped += 1
            why = "an assistant message cannot hold a file in ChatKit" if file_id else "an attachment without a file id"
            losses.append(Loss(message_id, why, attachment))
            continue
        counts.attachments += 1
        tools = [t for t in (_as_dict(x).get("type") for x in _as_dict(attachment).get("tools") or []) if t]
        attachments.append(_file(len(attachments), message_id, thread_id, file_id, {"tools": tools}))
    if not content and not attachments:
        return None, [], losses
    item: dict[str, Any] = {"id": message_id, "thread_id": thread_id, "created_at": _when(raw.get("created_at"), when)}
    if role == "user":
        item.update(type="user_message", content=content, attachments=attachments, inference_options={})
    else:
        item.update(type="assistant_message", content=content)
    return item, attachments, losses


def plan_chatkit_thread(
    thread: dict[str, Any],
    messages: list[dict[str, Any]],
    *,
    title_key: str = "title",
    user_key: str = "user",
    default_user: str = DEFAULT_USER,
) -> ChatKitPlan:
    """Plan the ChatKit thread for a legacy thread (its raw object) and its raw messages, oldest first."""
    legacy_id = str(thread.get("id"))
    thread_id = chatkit_thread_id(legacy_id)
    metadata = {k: v for k, v in _as_dict(thread.get("metadata")).items()}
    created = _when(thread.get("created_at"), "1970-01-01T00:00:00Z")
    extra: dict[str, Any] = {"legacy_thread_id": legacy_id, "legacy_metadata": metadata}
    if thread.get("tool_resources"):
        extra["tool_resources"] = thread["tool_resources"]
    head = {"id": thread_id, "created_at": created, "title": _text(metadata.get(title_key)), "metadata": extra}
    counts, losses = Counts(), []
    items: list[dict[str, Any]] = []
    attachments: list[dict[str, Any]] = []
    message_ids: list[str] = []
    kept_messages: dict[str, Any] = {}
    seen: set[str] = set()
    for number, raw in enumerate(messages):
        message = _as_dict(raw)
        given = _text(message.get("id"))
        if given is not None:
            if given in seen:  # one id twice in a thread: the second gets its own id
                message = {**message, "id": f"{given}_{number}"}
            seen.add(message["id"])
        item, files, lost = chatkit_item(message, thread_id, number, created, counts)
        losses.extend(lost)
        kept = kept_fields(message)
        if kept:
            kept_messages[_text(message.get("id")) or f"#{number}"] = kept
        if item is not None:
            items.append(item)
            attachments.extend(files)
            message_ids.append(str(item["id"]))
    kept_thread = {k: thread[k] for k in ("created_at", "tool_resources") if thread.get(k) is not None}
    user = _text(metadata.get(user_key)) or default_user
    tools = responses_tools(thread.get("tool_resources"))
    return ChatKitPlan(
        legacy_id=legacy_id, user=user, thread=head, items=tuple(items), attachments=tuple(attachments),
        message_ids=tuple(message_ids), losses=tuple(losses), kept={"thread": kept_thread, "messages": kept_messages},
        tools=tools, counts=counts,
    )  # fmt: skip
