"""Writing conversations: create one with its first items, add items in batches, read back what it holds.

Requests are built from the generated client's operation modules (the spec is the wire format)
and run by an :class:`AsyncDriver`. The migration decides what to retry, so its driver is given no
retries: a write whose answer was lost must be looked up before it is sent again.
"""

from __future__ import annotations

import secrets
from typing import Any

from threadshim_api.api.conversations import create_conversation, create_conversation_items, list_conversation_items
from threadshim_api.models import CreateConversationItemsRequest, CreateConversationRequest

from ..._engine.drivers import AsyncDriver
from ..._engine.paging import listing
from ..._engine.responses import json_object
from ..._engine.steps import Call, Request


def with_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items, each assistant turn given the fresh ``msg_…`` id the API requires of one."""
    return [
        {**item, "id": "msg_" + secrets.token_hex(24)} if item.get("role") == "assistant" and "id" not in item else item
        for item in items
    ]


def _ids(page: dict[str, Any]) -> list[str]:
    data = page.get("data")
    return (
        [d["id"] for d in data if isinstance(d, dict) and isinstance(d.get("id"), str)]
        if isinstance(data, list)
        else []
    )


_CREATE = create_conversation._get_kwargs(body=CreateConversationRequest.from_dict({}))
_NO_ITEMS = CreateConversationItemsRequest.from_dict({"items": []})


def create(metadata: dict[str, str], items: list[dict[str, Any]]) -> Call[str]:
    """POST /conversations with the metadata and up to 20 first items; the new conversation's id.

    The method, path and headers are the generated operation's; the body is the plan's items as
    they are (planned to the spec's item shapes, which the plan tests check), not parsed into the
    generated models and written out again: that round trip cost a tenth of a migration's time.
    """
    response = yield Request.from_kwargs({**_CREATE, "json": {"metadata": metadata, "items": with_ids(items)}})
    return str(json_object(response)["id"])


def add(conversation_id: str, items: list[dict[str, Any]]) -> Call[list[str]]:
    """POST /conversations/{id}/items with 1 to 20 items (the body as in :func:`create`); the ids they were given."""
    kwargs = create_conversation_items._get_kwargs(conversation_id, body=_NO_ITEMS)
    response = yield Request.from_kwargs({**kwargs, "json": {"items": with_ids(items)}})
    return _ids(json_object(response, require_id=False))


class ConversationsApi:
    """The three calls a migration makes of the Conversations API, through ``driver``."""

    def __init__(self, driver: AsyncDriver) -> None:
        self.driver = driver

    async def create(self, metadata: dict[str, str], items: list[dict[str, Any]]) -> str:
        """Create a conversation holding ``items``; return its id."""
        return await self.driver.run(create(metadata, items))

    async def add(self, conversation_id: str, items: list[dict[str, Any]]) -> list[str]:
        """Append ``items`` to the conversation; return their ids."""
        return await self.driver.run(add(conversation_id, items))

    async def count(self, conversation_id: str) -> int:
        """How many items the conversation holds now (every page read)."""
        stream = listing(list_conversation_items._get_kwargs, lambda item: item, conversation_id, order="asc")
        return sum([1 async for _ in self.driver.iterate(stream)])
