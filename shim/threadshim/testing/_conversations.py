"""The Conversations API as the emulator serves it: conversations and their items, over the same store.

Items are kept as the API returns them. A message in the easy form gets parts (``input_text``
for a user, ``output_text`` for an assistant); an assistant message carrying ``input_text`` is
refused as the real API refuses it; an item of a kind not modelled here is stored as sent.
"""

from __future__ import annotations

from typing import Any

from .._limits import MAX_CONVERSATION_ITEMS as MAX_ITEMS
from ._ids import IdSource
from ._operations import NO_BODY, Call, body_of, listing
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
_PARTS = {
    "assistant": ("output_text", "refusal"),
    "user": ("input_text", "input_image", "input_file"),
    "system": ("input_text", "input_image", "input_file"),
    "developer": ("input_text", "input_image", "input_file"),
}
_STATUSES = ("in_progress", "completed", "incomplete")
_PREFIX = {"function_call": "fc_", "function_call_output": "fco_", "reasoning": "rs_"}


def _conversation(store: Store, conversation_id: str) -> dict[str, Any]:
    conversation = store.get("conversation", conversation_id)
    if conversation is None:
        raise Refusal(404, f"Conversation with id '{conversation_id}' not found.")
    return conversation


def _entries(part: dict[str, Any], name: str, at: str) -> None:
    for number, entry in enumerate(expect(part.get(name, []), list, f"{at}.{name}")):
        found = expect(entry, dict, f"{at}.{name}[{number}]")
        if name == "annotations":
            expect(found.get("type"), str, f"{at}.{name}[{number}].type")


def _optional_strings(part: dict[str, Any], at: str, *names: str) -> None:
    for name in names:
        if part.get(name) is not None:
            expect(part[name], str, f"{at}.{name}")


def _part(raw: object, role: str, at: str) -> dict[str, Any]:
    part = expect(raw, dict, at)
    kind = part.get("type")
    allowed = _PARTS[role]
    if kind not in allowed:
        wanted = " and ".join(f"'{a}'" for a in allowed) if len(allowed) == 2 else ", ".join(f"'{a}'" for a in allowed)
        refuse(f"Invalid value: {kind!r}. Supported values are: {wanted}.", param=f"{at}.type", code="invalid_value")
    if kind == "input_text":
        known_fields(part, {"type", "text"}, f"{at}.")
        expect(part.get("text"), str, f"{at}.text")
    elif kind == "output_text":
        known_fields(part, {"type", "text", "annotations", "logprobs"}, f"{at}.")
        expect(part.get("text"), str, f"{at}.text")
        _entries(part, "annotations", at)
        _entries(part, "logprobs", at)
        return {"annotations": [], "logprobs": [], **part}
    elif kind == "refusal":
        known_fields(part, {"type", "refusal"}, f"{at}.")
        expect(part.get("refusal"), str, f"{at}.refusal")
    elif kind == "input_image":
        known_fields(part, {"type", "detail", "file_id", "image_url"}, f"{at}.")
        _optional_strings(part, at, "file_id", "image_url")
        if part.get("file_id") is None and part.get("image_url") is None:
            refuse(f"Invalid '{at}': give a file_id or an image_url.", param=at)
        detail = one_of(part.get("detail", "auto"), ("low", "high", "auto", "original"), f"{at}.detail")
        return {"detail": detail, **part}
    else:
        known_fields(part, {"type", "file_id", "file_url", "file_data", "filename"}, f"{at}.")
        _optional_strings(part, at, "file_id")
        for name in ("file_url", "file_data", "filename"):
            if name in part:
                expect(part[name], str, f"{at}.{name}")
    return dict(part)


def _message_fields(raw: dict[str, Any], role: str, at: str) -> None:
    """The fields each published message form allows: the easy form, the full input form, an assistant's output."""
    listed = isinstance(raw.get("content"), list)
    allowed: set[str]
    required: tuple[str, ...]
    if role == "assistant" and listed:  # an output message: id and status required
        allowed, required = {"type", "id", "role", "status", "content", "phase"}, ("type", "id", "status")
    elif role != "assistant" and "status" in raw:  # the full input form: parts only
        allowed, required = {"type", "role", "status", "content"}, ("status",)
        expect(raw.get("content"), list, f"{at}.content")
    else:  # the easy form
        allowed, required = {"type", "role", "content", "phase"}, ()
    known_fields(raw, allowed, f"{at}.")
    for name in required:
        if name not in raw:
            refuse(
                f"Missing required parameter: '{at}.{name}'.", param=f"{at}.{name}", code="missing_required_parameter"
            )
    if "id" in raw:
        expect(raw["id"], str, f"{at}.id")


def _message(raw: dict[str, Any], ids: IdSource, at: str) -> dict[str, Any]:
    role = one_of(raw.get("role"), ("user", "assistant", "system", "developer"), f"{at}.role")
    content = raw.get("content")
    if isinstance(content, str):
        kind = "output_text" if role == "assistant" else "input_text"
        parts = [_part({"type": kind, "text": content}, role, f"{at}.content")]
    else:  # the parts first: a wrong part type is the error the API gives for an assistant turn
        parts = [_part(p, role, f"{at}.content[{n}]") for n, p in enumerate(expect(content, list, f"{at}.content"))]
    _message_fields(raw, role, at)
    status = one_of(raw.get("status", "completed"), _STATUSES, f"{at}.status")
    message = {"id": raw.get("id") or ids.item_id("msg_"), "type": "message", "status": status, "role": role}
    message["content"] = parts
    if "phase" in raw:
        if raw["phase"] is not None:
            one_of(raw["phase"], ("commentary", "final_answer"), f"{at}.phase")
        message["phase"] = raw["phase"]
    return message


def _function_item(raw: dict[str, Any], ids: IdSource, at: str) -> dict[str, Any]:
    kind = raw["type"]
    fields = ("call_id", "name", "arguments") if kind == "function_call" else ("call_id", "output")
    known_fields(raw, {"type", "id", "status", *fields}, f"{at}.")
    for name in fields:
        expect(raw.get(name), str, f"{at}.{name}")
    if "id" in raw:
        expect(raw["id"], str, f"{at}.id")
    status = one_of(raw.get("status", "completed"), _STATUSES, f"{at}.status")
    return {**raw, "id": raw.get("id") or ids.item_id(_PREFIX[kind]), "status": status}


def _item(ids: IdSource, raw: object, at: str) -> dict[str, Any]:
    item = expect(raw, dict, at)
    kind = item.get("type", "message" if "role" in item else None)
    if kind == "message":
        return _message(item, ids, at)
    if kind in ("function_call", "function_call_output"):
        return _function_item(item, ids, at)
    if kind == "item_reference":
        refuse(f"Invalid '{at}.type': item references are not supported.", param=f"{at}.type", code="invalid_value")
    if kind is None:
        refuse(f"Missing required parameter: '{at}.type'.", param=f"{at}.type", code="missing_required_parameter")
    expect(kind, str, f"{at}.type")
    if "id" in item:
        expect(item["id"], str, f"{at}.id")
    return {**item, "id": item.get("id") or ids.item_id(_PREFIX.get(kind, "item_"))}


def _items(ids: IdSource, value: object, param: str, *, least: int) -> list[dict[str, Any]]:
    raws = expect(value, list, param)
    if len(raws) > MAX_ITEMS:
        refuse(
            f"Invalid '{param}': array too long. Expected an array with maximum length {MAX_ITEMS}, "
            f"but got an array with length {len(raws)} instead.",
            param=param,
            code="array_above_max_length",
        )
    if len(raws) < least:
        refuse(f"Invalid '{param}': expected at least {least} item.", param=param, code="empty_array")
    return [_item(ids, raw, f"{param}[{n}]") for n, raw in enumerate(raws)]


def _check_include(call: Call) -> None:
    for name in ("include", "include[]"):  # the generated client sends include=, the openai SDK include[]=
        value = call.query.get(name)
        if value is not None:
            one_of(value, INCLUDABLE, name)


def _store_items(store: Store, ids: IdSource, conversation_id: str, items: list[dict[str, Any]]) -> None:
    for item in items:
        store.put("conversation_item", item, parent=conversation_id, created=ids.now())


def create_conversation(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /conversations."""
    body = body_of(call)
    known_fields(body, {"items", "metadata"})
    given = body.get("items")
    items = [] if given is None else _items(ids, given, "items", least=0)
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
    items = _items(ids, body["items"], "items", least=1)
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
