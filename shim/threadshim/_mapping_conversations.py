"""Pure functions from the Conversations API's JSON to unified objects; like ``_mapping``, they never raise.

A conversation is a thread with metadata (title and user read from it, as for legacy threads) and
no tool resources. A message item keeps its role and parts; every other item kind (function
calls and outputs, reasoning, tool calls, kinds not known yet) keeps its ``type`` as its kind.
Stored items have no ``created_at``.
"""

from __future__ import annotations

from typing import Any

from ._mapping import as_dict, as_int, as_list, as_metadata, as_str, join, timestamp
from ._models import ACTIVE, Annotation, ContentBlock, UnifiedItem, UnifiedThread

_TEXT_PARTS = ("input_text", "output_text", "text", "summary_text", "reasoning_text")


def thread_from_conversation(raw: dict[str, Any], *, title_key: str = "title", user_key: str = "user") -> UnifiedThread:
    """A conversation: always active; title and user read from its metadata."""
    metadata = as_metadata(raw.get("metadata"))
    return UnifiedThread(
        id=as_str(raw.get("id")) or "",
        source="conversations",
        created_at=timestamp(raw.get("created_at")),
        title=metadata.get(title_key),
        status=ACTIVE,
        user=metadata.get(user_key),
        metadata=metadata,
        tool_resources=None,
        raw=raw,
    )


def _annotation(raw: object) -> Annotation:
    data = as_dict(raw)
    start = as_int(data.get("start_index"))
    return Annotation(
        type=as_str(data.get("type")) or "unknown",
        text=as_str(data.get("title")),
        file_id=as_str(data.get("file_id")),
        filename=as_str(data.get("filename")),
        url=as_str(data.get("url")),
        start_index=start if start is not None else as_int(data.get("index")),
        end_index=as_int(data.get("end_index")),
        raw=data,
    )


def _part(raw: object, annotations: list[Annotation]) -> ContentBlock:
    data = as_dict(raw)
    kind = as_str(data.get("type")) or "unknown"
    text = (
        as_str(data.get("text")) if kind in _TEXT_PARTS else as_str(data.get("refusal")) if kind == "refusal" else None
    )
    annotations.extend(_annotation(a) for a in as_list(data.get("annotations")))
    return ContentBlock(
        type=kind,
        text=text,
        file_id=as_str(data.get("file_id")),
        url=as_str(data.get("image_url")) or as_str(data.get("file_url")),
        raw=data,
    )


def item_from_conversation(raw: dict[str, Any], conversation_id: str | None = None) -> UnifiedItem:
    """A stored conversation item of any kind, known or not."""
    kind = as_str(raw.get("type")) or "unknown"
    role = as_str(raw.get("role")) if kind == "message" else None
    annotations: list[Annotation] = []
    content = tuple(_part(part, annotations) for part in as_list(raw.get("content")))
    if kind == "message":
        kind = f"{role or 'unknown'}_message"  # user_message, assistant_message, system_message, developer_message
    text = join([block.text for block in content if block.text is not None and block.type != "reasoning_text"])
    return UnifiedItem(
        id=as_str(raw.get("id")) or "",
        thread_id=conversation_id,
        source="conversations",
        kind=kind,
        role=role,
        text=text if role is not None else None,
        content=content,
        attachments=(),
        annotations=tuple(annotations),
        created_at=None,
        raw=raw,
    )
