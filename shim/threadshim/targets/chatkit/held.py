"""Reading an imported ChatKit thread back, and removing one: the ChatKit target's side of reconcile and undo.

A thread is compared by its title, metadata, user and attachments, and each item by its JSON
without its ids (which are derived from the legacy ids anyway). Reads are the store's operator
view: whoever the thread's user is.
"""

from __future__ import annotations

import json
from typing import Any

from ...chatkit import SQLStore
from ...chatkit import _codec as codec
from ..held import Held, TargetGone, item_hash
from .plan import ChatKitPlan
from .rows import stored

_PAGE = 100


def _item(data: str) -> str:
    value: dict[str, Any] = json.loads(data)
    return item_hash({k: v for k, v in value.items() if k not in ("id", "thread_id")})


def _attachment(data: str) -> str:
    value: dict[str, Any] = json.loads(data)
    return item_hash({k: v for k, v in value.items() if k != "thread_id"})


def expected(plan: ChatKitPlan) -> Held:
    """What the store must hold of ``plan``: the thread's fields and attachments, and its items."""
    whole = stored(plan)
    fields = {
        "user": whole.user,
        "title": whole.thread.title,
        "metadata": whole.thread.metadata,
        "attachments": sorted(_attachment(codec.attachment_json(a)) for a in whole.attachments),
    }
    return Held(fields, tuple(_item(codec.item_json(item)) for item in whole.items))


async def held(store: SQLStore[Any], thread_id: str) -> Held:
    """What the store holds of the thread now: its fields, attachments and every item, oldest first."""
    user = await store.owner_of(thread_id)
    if user is None:
        raise TargetGone(f"ChatKit thread {thread_id} is not in the store")
    context = {"user_id": user}
    thread = await store.load_thread(thread_id, context)
    items, after = [], None
    while True:
        page = await store.load_thread_items(thread_id, after, _PAGE, "asc", context)
        items.extend(page.data)
        if not page.has_more:
            break
        after = page.after
    attachments = await store.attachments_of(thread_id)
    fields = {
        "user": user,
        "title": thread.title,
        "metadata": thread.metadata,
        "attachments": sorted(_attachment(codec.attachment_json(a)) for a in attachments),
    }
    hashes = tuple(_item(codec.item_json(item)) for item in items)
    return Held(fields, hashes, tuple(item.id for item in items))


async def remove(store: SQLStore[Any], thread_id: str) -> None:
    """Delete the thread with its items and attachments; one already gone is left as it is."""
    user = await store.owner_of(thread_id)
    if user is not None:
        await store.delete_thread(thread_id, {"user_id": user})
