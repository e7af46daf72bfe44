"""Legacy threads through the Assistants API (``thread_…``): retrieve, messages, update, delete; no listing."""

from __future__ import annotations

from typing import Any

from threadshim_api.api.assistants import delete_thread, list_messages, modify_thread, retrieve_thread
from threadshim_api.models import ModifyThreadRequest

from .._engine.paging import listing, one_page
from .._engine.responses import json_object
from .._engine.steps import Call, Request, Stream
from .._errors import InvalidRequest
from .._mapping import item_from_message, thread_from_assistants
from .._models import Page, UnifiedItem, UnifiedThread
from .._validation import check_metadata, check_tool_resources
from ._base import Changes, Order, Source


class AssistantsSource(Source):
    """The Assistants API. It cannot list threads: callers hold the ids (see ``ThreadShim.list(legacy_ids=...)``)."""

    name = "the Assistants API"
    kind = "assistants"

    def __init__(self, *, title_key: str = "title", user_key: str = "user") -> None:
        self.title_key, self.user_key = title_key, user_key

    def _thread(self, raw: dict[str, Any]) -> UnifiedThread:
        return thread_from_assistants(raw, title_key=self.title_key, user_key=self.user_key)

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """GET /threads/{id}."""
        response = yield Request.from_kwargs(retrieve_thread._get_kwargs(thread_id))
        return self._thread(json_object(response))

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """GET /threads/{id}/messages, every page."""
        return listing(list_messages._get_kwargs, item_from_message, thread_id, order=order)

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """GET /threads/{id}/messages, one page."""
        return one_page(list_messages._get_kwargs, item_from_message, thread_id, limit=limit, after=after, order=order)

    def update(self, thread_id: str, changes: Changes) -> Call[UnifiedThread]:
        """POST /threads/{id}, checked against the API's limits before anything is sent."""
        body: dict[str, Any] = {}
        if changes.metadata is not None:
            body["metadata"] = check_metadata(changes.metadata)
        if changes.tool_resources is not None:
            body["tool_resources"] = check_tool_resources(changes.tool_resources)
        if not body:
            raise InvalidRequest("update needs metadata=..., tool_resources=... or both")
        return self._modify(thread_id, body)

    def _modify(self, thread_id: str, body: dict[str, Any]) -> Call[UnifiedThread]:
        kwargs = modify_thread._get_kwargs(thread_id, body=ModifyThreadRequest.from_dict(body))
        response = yield Request.from_kwargs(kwargs)
        return self._thread(json_object(response))

    def delete(self, thread_id: str) -> Call[bool]:
        """DELETE /threads/{id}."""
        response = yield Request.from_kwargs(delete_thread._get_kwargs(thread_id))
        return json_object(response).get("deleted") is True
