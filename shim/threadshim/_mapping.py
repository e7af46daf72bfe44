"""Pure functions from wire JSON to unified objects. They never raise on a payload: what the spec
did not foresee becomes an unknown variant or ``None``, and ``raw`` keeps everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ._models import (
    ACTIVE,
    Annotation,
    Attachment,
    ContentBlock,
    ItemKind,
    ThreadStatus,
    ToolResources,
    UnifiedItem,
    UnifiedThread,
)

_KINDS: dict[str, ItemKind] = {
    "user_message": "user_message",
    "assistant_message": "assistant_message",
    "widget": "widget",
    "client_tool_call": "client_tool_call",
    "task": "task",
    "task_group": "task_group",
}
_ROLES: dict[ItemKind, str | None] = {
    "user_message": "user",
    "assistant_message": "assistant",
    "widget": "assistant",
    "client_tool_call": "assistant",
    "task": "assistant",
    "task_group": "assistant",
    "unknown": None,
}
_TEXT_BLOCKS = ("text", "input_text", "quoted_text", "output_text")


def as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def as_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def timestamp(value: object) -> datetime | None:
    """A Unix time in seconds as an aware UTC datetime; None when absent or unusable."""
    seconds = as_int(value) if not isinstance(value, float) else value
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def as_metadata(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(key): item if isinstance(item, str) else str(item) for key, item in value.items()}


def _strings(value: object) -> tuple[str, ...]:
    return tuple(item for item in as_list(value) if isinstance(item, str))


def tool_resources(value: object) -> ToolResources | None:
    """The tool resources of a legacy thread, keeping tools the spec does not know in ``other``."""
    if not isinstance(value, dict):
        return None
    return ToolResources(
        code_interpreter_file_ids=_strings(as_dict(value.get("code_interpreter")).get("file_ids")),
        file_search_vector_store_ids=_strings(as_dict(value.get("file_search")).get("vector_store_ids")),
        other={key: item for key, item in value.items() if key not in ("code_interpreter", "file_search")},
    )


def thread_from_assistants(raw: dict[str, Any], *, title_key: str = "title", user_key: str = "user") -> UnifiedThread:
    """A legacy thread: always active; title and user read from its metadata."""
    metadata = as_metadata(raw.get("metadata"))
    return UnifiedThread(
        id=as_str(raw.get("id")) or "",
        source="assistants",
        created_at=timestamp(raw.get("created_at")),
        title=metadata.get(title_key),
        status=ACTIVE,
        user=metadata.get(user_key),
        metadata=metadata,
        tool_resources=tool_resources(raw.get("tool_resources")),
        raw=raw,
    )


def _status(value: object) -> ThreadStatus:
    if isinstance(value, dict) and isinstance(value.get("type"), str):
        return ThreadStatus(value["type"], as_str(value.get("reason")))
    if isinstance(value, str):
        return ThreadStatus(value)
    return ThreadStatus("unknown")


def thread_from_chatkit(raw: dict[str, Any]) -> UnifiedThread:
    """A ChatKit thread: no metadata, no tool resources."""
    return UnifiedThread(
        id=as_str(raw.get("id")) or "",
        source="chatkit",
        created_at=timestamp(raw.get("created_at")),
        title=as_str(raw.get("title")),
        status=_status(raw.get("status")) if "status" in raw else ACTIVE,
        user=as_str(raw.get("user")),
        metadata={},
        tool_resources=None,
        raw=raw,
    )


def _annotation(raw: object) -> Annotation:
    data = as_dict(raw)
    kind = as_str(data.get("type")) or "unknown"
    source = as_dict(data.get("source"))
    return Annotation(
        type=kind,
        text=as_str(data.get("text")),
        file_id=as_str(as_dict(data.get("file_citation") or data.get("file_path")).get("file_id")),
        filename=as_str(source.get("filename")),
        url=as_str(source.get("url")),
        start_index=as_int(data.get("start_index")),
        end_index=as_int(data.get("end_index")),
        raw=data,
    )


def _block(raw: object, annotations: list[Annotation]) -> ContentBlock:
    data = as_dict(raw)
    kind = as_str(data.get("type")) or "unknown"
    text: str | None = None
    if kind == "text" and isinstance(data.get("text"), dict):
        text = as_str(data["text"].get("value"))
        annotations.extend([_annotation(a) for a in as_list(data["text"].get("annotations"))])
    elif kind in _TEXT_BLOCKS:
        text = as_str(data.get("text"))
        annotations.extend([_annotation(a) for a in as_list(data.get("annotations"))])
    elif kind == "refusal":
        text = as_str(data.get("refusal"))
    return ContentBlock(
        type=kind,
        text=text,
        file_id=as_str(as_dict(data.get("image_file")).get("file_id")),
        url=as_str(as_dict(data.get("image_url")).get("url")),
        raw=data,
    )


def join(parts: list[str | None]) -> str | None:
    present = [part for part in parts if part]
    return "\n".join(present) if present else None


_MESSAGE_KINDS: dict[str, ItemKind] = {"user": "user_message", "assistant": "assistant_message"}


def item_from_message(raw: dict[str, Any]) -> UnifiedItem:
    """A legacy message; v1-era ``file_ids`` become attachments with no tools."""
    annotations: list[Annotation] = []
    content = tuple([_block(block, annotations) for block in as_list(raw.get("content"))])
    role = as_str(raw.get("role"))
    kind: ItemKind = _MESSAGE_KINDS.get(role or "", "unknown")
    attachments = [
        Attachment(
            id=as_str(as_dict(a).get("file_id")),
            tools=tuple(
                t for t in (as_str(as_dict(tool).get("type")) for tool in as_list(as_dict(a).get("tools"))) if t
            ),
            raw=as_dict(a),
        )
        for a in as_list(raw.get("attachments"))
    ]
    if "file_ids" in raw:
        attachments.extend([Attachment(id=f, raw={"file_id": f}) for f in _strings(raw["file_ids"])])
    return UnifiedItem(
        id=as_str(raw.get("id")) or "",
        thread_id=as_str(raw.get("thread_id")),
        source="assistants",
        kind=kind,
        role=role,
        text=join([block.text for block in content if block.type in ("text", "refusal")]),
        content=content,
        attachments=tuple(attachments),
        annotations=tuple(annotations),
        created_at=timestamp(raw.get("created_at")),
        raw=raw,
    )


def _chatkit_attachment(raw: object) -> Attachment:
    data = as_dict(raw)
    return Attachment(
        id=as_str(data.get("id")),
        name=as_str(data.get("name")),
        mime_type=as_str(data.get("mime_type")),
        type=as_str(data.get("type")),
        preview_url=as_str(data.get("preview_url")),
        raw=data,
    )


def item_kind(value: object) -> ItemKind:
    """The unified kind for a ChatKit ``type``, with or without its ``chatkit.`` prefix."""
    name = value if isinstance(value, str) else ""
    return _KINDS.get(name.removeprefix("chatkit."), "unknown")


def _task_text(task: Mapping[str, Any]) -> str | None:
    return join([as_str(task.get("heading")), as_str(task.get("summary"))])


def item_from_chatkit(raw: dict[str, Any]) -> UnifiedItem:
    """A ChatKit thread item of any kind, known or not."""
    kind = item_kind(raw.get("type"))
    annotations: list[Annotation] = []
    content = tuple(_block(block, annotations) for block in as_list(raw.get("content")))
    text: str | None
    if kind == "task":
        text = _task_text(raw)
    elif kind == "task_group":
        text = join([_task_text(as_dict(task)) for task in as_list(raw.get("tasks"))])
    else:
        text = join([block.text for block in content if block.type in _TEXT_BLOCKS])
    return UnifiedItem(
        id=as_str(raw.get("id")) or "",
        thread_id=as_str(raw.get("thread_id")),
        source="chatkit",
        kind=kind,
        role=_ROLES[kind],
        text=text,
        content=content,
        attachments=tuple(_chatkit_attachment(a) for a in as_list(raw.get("attachments"))),
        annotations=tuple(annotations),
        created_at=timestamp(raw.get("created_at")),
        raw=raw,
    )
