"""The unified shapes threadshim returns for both kinds of thread and their items.

Every object keeps ``raw``, the JSON object exactly as received, so nothing the API sent is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

import attrs

ItemKind = Literal["user_message", "assistant_message", "widget", "client_tool_call", "task", "task_group", "unknown"]


@attrs.frozen(slots=True)
class ThreadStatus:
    """Whether a thread takes input: ``type`` is active, locked, closed, or the unknown string the server sent."""

    type: str
    reason: str | None = None

    @property
    def is_known(self) -> bool:
        """Whether ``type`` is one the spec documents."""
        return self.type in ("active", "locked", "closed")


ACTIVE = ThreadStatus("active")


@attrs.frozen(slots=True)
class ToolResources:
    """Files and vector stores handed to a legacy thread's tools; ``other`` keeps tools the spec does not know."""

    code_interpreter_file_ids: tuple[str, ...] = ()
    file_search_vector_store_ids: tuple[str, ...] = ()
    other: dict[str, Any] = attrs.field(factory=dict, hash=False)

    def to_api(self) -> dict[str, Any]:
        """The ``tool_resources`` object as the API takes it."""
        body: dict[str, Any] = dict(self.other)
        if self.code_interpreter_file_ids:
            body["code_interpreter"] = {"file_ids": list(self.code_interpreter_file_ids)}
        if self.file_search_vector_store_ids:
            body["file_search"] = {"vector_store_ids": list(self.file_search_vector_store_ids)}
        return body


ToolResourcesLike = ToolResources | Mapping[str, Any]
"""Tool resources as :class:`ToolResources` or as the API's JSON object."""


@attrs.frozen(slots=True)
class UnifiedThread:
    """A thread of either kind. ``source`` says which API it came from."""

    id: str
    source: Literal["assistants", "chatkit"]
    created_at: datetime | None
    title: str | None
    status: ThreadStatus
    user: str | None
    metadata: dict[str, str] = attrs.field(hash=False)
    tool_resources: ToolResources | None
    raw: dict[str, Any] = attrs.field(hash=False, repr=False)


@attrs.frozen(slots=True)
class ContentBlock:
    """One block of an item: text of any kind, an image, a refusal, or a type the spec does not know."""

    type: str
    text: str | None = None
    file_id: str | None = None
    url: str | None = None
    raw: dict[str, Any] = attrs.field(factory=dict, hash=False, repr=False)


@attrs.frozen(slots=True)
class Annotation:
    """A citation or file link inside item text; ``type`` is file_citation, file_path, file, url or unknown."""

    type: str
    text: str | None = None
    file_id: str | None = None
    filename: str | None = None
    url: str | None = None
    start_index: int | None = None
    end_index: int | None = None
    raw: dict[str, Any] = attrs.field(factory=dict, hash=False, repr=False)


@attrs.frozen(slots=True)
class Attachment:
    """A file attached to an item (legacy: with the tools it was given to; ChatKit: with name and type)."""

    id: str | None
    name: str | None = None
    mime_type: str | None = None
    type: str | None = None
    preview_url: str | None = None
    tools: tuple[str, ...] = ()
    raw: dict[str, Any] = attrs.field(factory=dict, hash=False, repr=False)


@attrs.frozen(slots=True)
class UnifiedItem:
    """A legacy message or a ChatKit item, in one shape; ``text`` is its plain text, when it has any."""

    id: str
    thread_id: str | None
    source: Literal["assistants", "chatkit"]
    kind: ItemKind
    role: str | None
    text: str | None
    content: tuple[ContentBlock, ...]
    attachments: tuple[Attachment, ...]
    annotations: tuple[Annotation, ...]
    created_at: datetime | None
    raw: dict[str, Any] = attrs.field(hash=False, repr=False)
