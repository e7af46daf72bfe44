"""The unified shapes threadshim returns for both kinds of thread and their items.

Every object keeps ``raw``, the JSON object exactly as received, so nothing the API sent is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

import attrs

ItemKind = str
"""``user_message``, ``assistant_message``, ``system_message``, ``developer_message``; ChatKit's ``widget``,
``client_tool_call``, ``task``, ``task_group``; a conversation item's own ``type`` for other kinds
(``function_call``, ``reasoning``, ``file_search_call``, …); ``unknown`` when there is none."""
Source = Literal["assistants", "chatkit", "conversations", "chatkit_store", "agents"]
"""Where a thread or item was read: each place's ``source`` in ``_routing.PLACES`` (a test keeps the two equal)."""


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


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _public(value: Any) -> dict[str, Any]:
    """An attrs value as plain JSON, ``raw`` left out (it travels with the object that holds it)."""
    kind = type(value)
    names = _NAMES.get(kind)
    if names is None:
        names = _NAMES[kind] = tuple(field.name for field in attrs.fields(kind) if field.name != "raw")
    return {name: getattr(value, name) for name in names}


_NAMES: dict[type, tuple[str, ...]] = {}
"""Each attrs class's fields but ``raw``, looked up once a class."""


class _Serialisable:
    """``to_dict`` and ``to_json`` for the unified objects: the JSON ``threadshim --json`` prints."""

    raw: dict[str, Any]

    def _fields(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_dict(self, *, raw: bool = True) -> dict[str, Any]:
        """Plain JSON types only (times as ISO 8601 strings); with ``raw``, the wire JSON under ``"raw"``."""
        data = self._fields()
        return {**data, "raw": self.raw} if raw else data

    def to_json(self, *, raw: bool = True) -> str:
        """:meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(raw=raw), ensure_ascii=False)


@attrs.frozen(slots=True)
class UnifiedThread(_Serialisable):
    """A thread of any kind. ``source`` says which place it came from.

    ``legacy_id`` is set on a conversation found by the legacy thread id it was migrated from
    (through a migration journal); its ``tool_resources`` and ``created_at`` are then the legacy
    thread's, from the journal, and ``moved_at`` is the conversation's own creation time.
    """

    id: str
    source: Source
    created_at: datetime | None
    title: str | None
    status: ThreadStatus
    user: str | None
    metadata: dict[str, str] = attrs.field(hash=False)
    tool_resources: ToolResources | None
    raw: dict[str, Any] = attrs.field(hash=False, repr=False)
    legacy_id: str | None = None
    moved_at: datetime | None = None
    """When the successor was made (a migrated thread's ``created_at`` stays the legacy thread's)."""

    def _fields(self) -> dict[str, Any]:
        resources = self.tool_resources
        moved = {"moved_at": _iso(self.moved_at)} if self.moved_at is not None else {}
        return {
            "id": self.id,
            "legacy_id": self.legacy_id,
            **moved,
            "source": self.source,
            "created_at": _iso(self.created_at),
            "title": self.title,
            "status": {"type": self.status.type, "reason": self.status.reason},
            "user": self.user,
            "metadata": self.metadata,
            "tool_resources": None
            if resources is None
            else {
                "code_interpreter_file_ids": list(resources.code_interpreter_file_ids),
                "file_search_vector_store_ids": list(resources.file_search_vector_store_ids),
                "other": resources.other,
            },
        }


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
class UnifiedItem(_Serialisable):
    """A legacy message or a ChatKit item, in one shape; ``text`` is its plain text, when it has any."""

    id: str
    thread_id: str | None
    source: Source
    kind: ItemKind
    role: str | None
    text: str | None
    content: tuple[ContentBlock, ...]
    attachments: tuple[Attachment, ...]
    annotations: tuple[Annotation, ...]
    created_at: datetime | None
    raw: dict[str, Any] = attrs.field(hash=False, repr=False)

    def _fields(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "thread_id": self.thread_id,
            "source": self.source,
            "kind": self.kind,
            "role": self.role,
            "text": self.text,
            "created_at": _iso(self.created_at),
            "content": [_public(block) for block in self.content],
            "attachments": [{**_public(a), "tools": list(a.tools)} for a in self.attachments],
            "annotations": [_public(a) for a in self.annotations],
        }


T = TypeVar("T")


@attrs.frozen
class Page(Generic[T]):
    """One page of a listing, as the API sent it: ``data``, ``has_more`` and the ids at either end.

    Ask for the next page with ``after=page.next_after`` while it is not None.
    """

    data: tuple[T, ...]
    has_more: bool
    first_id: str | None
    last_id: str | None

    @property
    def next_after(self) -> str | None:
        """The ``after`` cursor of the next page, or None on the last page."""
        return self.last_id if self.has_more else None

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)
