"""Conversations through the Conversations API (``conv_…``): retrieve, items, update metadata, delete; no listing."""

from __future__ import annotations

from functools import partial
from typing import Any

from threadshim_api.api.conversations import (
    delete_conversation,
    list_conversation_items,
    retrieve_conversation,
    update_conversation,
)
from threadshim_api.models import UpdateConversationRequest

from .._engine.paging import listing, one_page
from .._engine.responses import json_object
from .._engine.steps import Call, Request, Stream
from .._errors import InvalidRequest, UnsupportedOperation
from .._mapping_conversations import item_from_conversation, thread_from_conversation
from .._models import Page, UnifiedItem, UnifiedThread
from .._validation import check_metadata
from ._base import Changes, Order, Source


class ConversationsSource(Source):
    """The Conversations API. There is no endpoint that lists conversations: callers hold the ids."""

    name = "the Conversations API"
    kind = "conversations"

    def __init__(self, *, title_key: str = "title", user_key: str = "user") -> None:
        self.title_key, self.user_key = title_key, user_key

    def _thread(self, raw: dict[str, Any]) -> UnifiedThread:
        return thread_from_conversation(raw, title_key=self.title_key, user_key=self.user_key)

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """GET /conversations/{id}."""
        response = yield Request.from_kwargs(retrieve_conversation._get_kwargs(thread_id))
        return self._thread(json_object(response))

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """GET /conversations/{id}/items, every page."""
        convert = partial(item_from_conversation, conversation_id=thread_id)
        return listing(list_conversation_items._get_kwargs, convert, thread_id, order=order)

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """GET /conversations/{id}/items, one page."""
        convert = partial(item_from_conversation, conversation_id=thread_id)
        return one_page(list_conversation_items._get_kwargs, convert, thread_id, limit=limit, after=after, order=order)

    def update(self, thread_id: str, changes: Changes) -> Call[UnifiedThread]:
        """POST /conversations/{id}: metadata only (conversations have no tool resources)."""
        if changes.tool_resources is not None:
            raise UnsupportedOperation(
                "conversations have no tool_resources: pass them as tools on each Responses API call instead"
            )
        if changes.metadata is None:
            raise InvalidRequest("update needs metadata=... for a conversation")
        return self._update(thread_id, check_metadata(changes.metadata))

    def _update(self, thread_id: str, metadata: dict[str, str]) -> Call[UnifiedThread]:
        body = UpdateConversationRequest.from_dict({"metadata": metadata})
        response = yield Request.from_kwargs(update_conversation._get_kwargs(thread_id, body=body))
        return self._thread(json_object(response))

    def delete(self, thread_id: str) -> Call[bool]:
        """DELETE /conversations/{id}."""
        response = yield Request.from_kwargs(delete_conversation._get_kwargs(thread_id))
        return json_object(response).get("deleted") is True
