"""Reading a migrated conversation back, and removing one: the Conversations target's side of reconcile and undo.

An item is compared by its mapped form: role, type and each content part's text, refusal, file,
image and annotations, with fields the API adds (ids, ``logprobs``, nulls) left out, so an item the
API echoes back as it was sent hashes as its plan does.
"""

from __future__ import annotations

from typing import Any

from threadshim_api.api.conversations import delete_conversation, list_conversation_items, retrieve_conversation

from ..._engine.drivers import AsyncDriver
from ..._engine.paging import listing
from ..._engine.responses import json_object
from ..._engine.steps import Call, Request
from ..._errors import AuthenticationError, NotFoundError, PermissionDeniedError
from ..held import Held, TargetGone, TargetUnreadable, item_hash
from .plan import ConversationPlan

_PART_FIELDS = ("type", "text", "refusal", "file_id", "image_url", "file_url", "filename", "detail")
_NOTE_FIELDS = ("type", "file_id", "filename", "index", "url", "title", "start_index", "end_index", "container_id")


def _kept(value: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: value[name] for name in fields if value.get(name) is not None}


def canonical_item(item: dict[str, Any]) -> dict[str, Any]:
    """An item as it is compared: its kind, role and parts, without the ids and fields the API adds."""
    parts = []
    for part in item.get("content") or []:
        if not isinstance(part, dict):
            parts.append(part)
            continue
        kept = _kept(part, _PART_FIELDS)
        notes = part.get("annotations")
        if notes:
            kept["annotations"] = [_kept(n, _NOTE_FIELDS) if isinstance(n, dict) else n for n in notes]
        parts.append(kept)
    return {"type": item.get("type"), "role": item.get("role"), "content": parts}


def expected(plan: ConversationPlan) -> Held:
    """What the conversation of ``plan`` must hold: its metadata and its items."""
    return Held({"metadata": plan.metadata}, tuple(item_hash(canonical_item(i)) for i in plan.items))


def _retrieve(conversation_id: str) -> Call[dict[str, Any]]:
    response = yield Request.from_kwargs(retrieve_conversation._get_kwargs(conversation_id))
    return json_object(response)


def _delete(conversation_id: str) -> Call[None]:
    yield Request.from_kwargs(delete_conversation._get_kwargs(conversation_id))


async def held(driver: AsyncDriver, conversation_id: str) -> Held:
    """What the conversation holds now (every page of its items, oldest first)."""
    try:
        found = await driver.run(_retrieve(conversation_id))
        stream = listing(list_conversation_items._get_kwargs, lambda item: item, conversation_id, order="asc")
        items = [item async for item in driver.iterate(stream)]
    except NotFoundError as exc:
        raise TargetGone(f"conversation {conversation_id} is gone (the API answers {exc.status_code})") from None
    except (PermissionDeniedError, AuthenticationError) as exc:
        raise TargetUnreadable(f"conversation {conversation_id} cannot be read ({exc})") from None
    metadata = found.get("metadata") if isinstance(found.get("metadata"), dict) else {}
    hashes = tuple(item_hash(canonical_item(item)) for item in items)
    return Held({"metadata": metadata}, hashes, tuple(str(item.get("id")) for item in items))


async def remove(driver: AsyncDriver, conversation_id: str) -> None:
    """Delete the conversation and its items; one already gone is left as it is."""
    try:
        await driver.run(_delete(conversation_id))
    except NotFoundError:
        return
