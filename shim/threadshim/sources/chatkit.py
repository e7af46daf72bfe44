"""ChatKit threads through the ChatKit API (``cthr_…``): retrieve, list, items, delete; no update."""

from __future__ import annotations

from threadshim_api.api.chatkit import (
    delete_chatkit_thread,
    list_chatkit_thread_items,
    list_chatkit_threads,
    retrieve_chatkit_thread,
)
from threadshim_api.types import UNSET

from .._engine.paging import listing, one_page
from .._engine.responses import json_object
from .._engine.steps import Call, Request, Stream
from .._errors import ThreadShimError, UnsupportedOperation
from .._mapping import item_from_chatkit, thread_from_chatkit
from .._models import Page, UnifiedItem, UnifiedThread
from ._base import Order, Source


class ChatKitSource(Source):
    """The ChatKit API, where OpenAI-hosted ChatKit threads live."""

    name = "the ChatKit API"
    kind = "chatkit"
    can_list = True
    named_by_callers = False

    def retrieve(self, thread_id: str) -> Call[UnifiedThread]:
        """GET /chatkit/threads/{id}."""
        response = yield Request.from_kwargs(retrieve_chatkit_thread._get_kwargs(thread_id))
        return thread_from_chatkit(json_object(response))

    def items(self, thread_id: str, order: Order) -> Stream[UnifiedItem]:
        """GET /chatkit/threads/{id}/items, every page."""
        return listing(list_chatkit_thread_items._get_kwargs, item_from_chatkit, thread_id, order=order)

    def list(self, user: str | None, order: Order) -> Stream[UnifiedThread]:
        """GET /chatkit/threads, every page."""
        return listing(
            list_chatkit_threads._get_kwargs, thread_from_chatkit, order=order, user=user if user is not None else UNSET
        )

    def items_page(self, thread_id: str, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedItem]]:
        """GET /chatkit/threads/{id}/items, one page."""
        get = list_chatkit_thread_items._get_kwargs
        return one_page(get, item_from_chatkit, thread_id, limit=limit, after=after, order=order)

    def list_page(self, user: str | None, order: Order, limit: int, after: str | None) -> Call[Page[UnifiedThread]]:
        """GET /chatkit/threads, one page."""
        who = user if user is not None else UNSET
        return one_page(
            list_chatkit_threads._get_kwargs, thread_from_chatkit, limit=limit, after=after, order=order, user=who
        )

    def unsupported(self, action: str) -> ThreadShimError:
        """ChatKit threads have no metadata or tool resources, so updates get their own explanation."""
        if action.startswith("update"):
            return UnsupportedOperation(
                "ChatKit threads cannot be updated through the API: their title and status are set by ChatKit "
                "itself, and they have no metadata or tool resources"
            )
        return super().unsupported(action)

    def delete(self, thread_id: str) -> Call[bool]:
        """DELETE /chatkit/threads/{id} (its items go with it)."""
        response = yield Request.from_kwargs(delete_chatkit_thread._get_kwargs(thread_id))
        return json_object(response).get("deleted") is True
