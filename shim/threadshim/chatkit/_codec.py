"""ChatKit objects to rows and back: JSON as ChatKit serialises it, and exact sort keys for time."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from chatkit.types import Attachment, ThreadItem, ThreadMetadata
from pydantic import TypeAdapter

ITEM: TypeAdapter[ThreadItem] = TypeAdapter(ThreadItem)
"""Validates any ChatKit thread item (the store's rows, and plans before they are written)."""
ATTACHMENT: TypeAdapter[Attachment] = TypeAdapter(Attachment)
"""Validates either kind of ChatKit attachment."""
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def micros(moment: datetime) -> int:
    """Whole microseconds since the epoch; a naive time is local time, as ChatKit's server makes them (``now()``)."""
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    delta = aware - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _text(data: Any) -> str | bytes:
    return data if isinstance(data, (str, bytes)) else str(data)


def thread_json(thread: ThreadMetadata) -> str:
    """A thread's metadata as JSON, without the items a full ``Thread`` carries."""
    return thread.model_dump_json(exclude={"items"})


def thread_of(data: Any) -> ThreadMetadata:
    """The thread metadata a row holds."""
    return ThreadMetadata.model_validate_json(_text(data))


def item_json(item: ThreadItem) -> str:
    """A thread item as JSON."""
    return item.model_dump_json()


def item_of(data: Any) -> ThreadItem:
    """The thread item a row holds (any kind ChatKit knows)."""
    return ITEM.validate_json(_text(data))


def attachment_json(attachment: Attachment) -> str:
    """An attachment's metadata as JSON (its integration-only ``metadata`` included)."""
    return attachment.model_dump_json()


def attachment_of(data: Any) -> Attachment:
    """The attachment a row holds."""
    return ATTACHMENT.validate_json(_text(data))
