"""The Conversations API as the emulator serves it: conversations and their items, over the same store.

Items are kept as the API returns them. A message in the easy form gets parts (``input_text``
for a user, ``output_text`` for an assistant); an assistant message carrying ``input_text`` is
refused as the real API refuses it; an item of a kind not modelled here is stored as sent.
"""

from __future__ import annotations

from typing import Any

from ._conversation_items import items_of
from ._ids import IdSource
from ._operations import NO_BODY, Call, body_of, listing
from ._query import Query
from ._rules import Refusal, expect, known_fields, metadata, one_of, refuse
from ._store import Store

INCLUDABLE = (
    "file_search_call.results",
    "web_search_call.results",
    "web_search_call.action.sources",
    "message.input_image.image_url",
    "computer_call_output.output.image_url",
    "code_interpreter_call.outputs",
    "reasoning.encrypted_content",
    "message.output_text.logprobs",
)


def _conversation(store: Store, conversation_id: str) -> dict[str, Any]:
    conversation = store.get("conversation", conversation_id)
    if conversation is None:
        raise Refusal(404, f"Conversation with id '{conversation_id}' not found.")
    return conversation


def _check_include(call: Call) -> None:
    for name in ("include", "include[]"):  # the generated client sends include=, the openai SDK include[]=
        for value in Query.of(call.query).all(name):  # every value, not only the last
            one_of(value, INCLUDABLE, name)


def _fresh_ids(store: Store, ids: IdSource, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items whose id is already the API's (stored anywhere, or earlier in this request) get a new one.

    Ids are unique everywhere, so storing such an item under its id would rewrite another
    conversation's item; it is stored under a fresh id instead (the answer lists the ids used), and
    whatever already holds the id keeps it.
    """
    seen: set[str] = set()
    fresh = []
    for item in items:
        if item["id"] in seen or store.taken(item["id"]):
            prefix = "msg_" if item.get("type") == "message" else item["id"].split("_")[0] + "_"
            item = {**item, "id": ids.item_id(prefix if prefix != "_" else "item_")}
        seen.add(item["id"])
        fresh.append(item)
    return fresh


def _store_items(store: Store, ids: IdSource, conversation_id: str, items: list[dict[str, Any]]) -> None:
    for item in items:
        store.put("conversation_item", item, parent=conversation_id, created=ids.now())


def create_conversation(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /conversations."""
    body = body_of(call)
    known_fields(body, {"items", "metadata"})
    given = body.get("items")
    items = [] if given is None else _fresh_ids(store, ids, items_of(ids, given, "items", least=0))
    conversation_id = ids.conversation_id()
    conversation = {
        "id": conversation_id,
        "object": "conversation",
        "created_at": ids.now(),
        "metadata": metadata(body.get("metadata")) or {},
    }
    store.put("conversation", conversation)
    _store_items(store, ids, conversation_id, items)
    return conversation


def retrieve_conversation(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /conversations/{conversation_id}."""
    return _conversation(store, call.path["conversation_id"])


def update_conversation(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /conversations/{conversation_id}: replace the metadata."""
    conversation = _conversation(store, call.path["conversation_id"])
    body = body_of(call)
    known_fields(body, {"metadata"})
    if "metadata" not in body:
        refuse("Missing required parameter: 'metadata'.", param="metadata", code="missing_required_parameter")
    conversation["metadata"] = metadata(expect(body["metadata"], dict, "metadata")) or {}
    store.put("conversation", conversation)
    return conversation


def delete_conversation(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """DELETE /conversations/{conversation_id}: it and its items become unreachable."""
    conversation_id = _conversation(store, call.path["conversation_id"])["id"]
    store.delete("conversation", conversation_id)
    return {"id": conversation_id, "object": "conversation.deleted", "deleted": True}


def list_conversation_items(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /conversations/{conversation_id}/items."""
    conversation_id = _conversation(store, call.path["conversation_id"])["id"]
    _check_include(call)
    return listing(store, "conversation_item", call, low=1, parent=conversation_id)


def create_conversation_items(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /conversations/{conversation_id}/items: 1 to 20 items, in order."""
    conversation_id = _conversation(store, call.path["conversation_id"])["id"]
    _check_include(call)
    body = body_of(call)
    known_fields(body, {"items"})
    if call.body is NO_BODY or "items" not in body:
        refuse("Missing required parameter: 'items'.", param="items", code="missing_required_parameter")
    items = _fresh_ids(store, ids, items_of(ids, body["items"], "items", least=1))
    _store_items(store, ids, conversation_id, items)
    first, last = (items[0]["id"], items[-1]["id"])
    return {"object": "list", "data": items, "first_id": first, "last_id": last, "has_more": False}


def _stored_item(store: Store, call: Call) -> dict[str, Any]:
    conversation_id = _conversation(store, call.path["conversation_id"])["id"]
    item_id = call.path["item_id"]
    item = store.get("conversation_item", item_id, parent=conversation_id)
    if item is None:
        raise Refusal(404, f"Item with id '{item_id}' not found.")
    return item


def retrieve_conversation_item(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /conversations/{conversation_id}/items/{item_id}."""
    _check_include(call)
    return _stored_item(store, call)


def delete_conversation_item(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """DELETE /conversations/{conversation_id}/items/{item_id}: answers with the conversation."""
    item = _stored_item(store, call)
    store.delete("conversation_item", item["id"])
    return _conversation(store, call.path["conversation_id"])
