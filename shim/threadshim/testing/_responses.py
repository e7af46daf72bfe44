"""The Responses API subset the emulator serves, enough to continue a conversation offline: a scripted model.

``POST /responses`` (input as text or items, ``instructions``, ``tools``, ``conversation`` or
``previous_response_id``, ``store``, ``metadata``, ``stream``), ``GET``/``DELETE
/responses/{id}`` and ``GET /responses/{id}/input_items``. It is **not a model**: each reply is
the next one scripted (:meth:`Emulator.script_responses`, or ``POST /_emulator/responses/script``)
— a text, or function calls — and otherwise a plain text that says what it is. With
``conversation``, the request's input items and the response's output items are appended to the
conversation, as the API does.
"""

from __future__ import annotations

from typing import Any

from .._limits import MAX_PAGE_SIZE
from ._conversation_items import items_of
from ._ids import IdSource
from ._operations import NO_BODY, Call, body_of
from ._reply import Events
from ._response_events import stream_events
from ._rules import Refusal, expect, integer_query, known_fields, metadata, order_query, refuse
from ._store import Store

CREATE_FIELDS = frozenset(
    {
        "background", "context_management", "conversation", "include", "input", "instructions",
        "max_output_tokens", "max_tool_calls", "metadata", "model", "moderation", "parallel_tool_calls",
        "previous_response_id", "prompt", "prompt_cache_key", "prompt_cache_options", "prompt_cache_retention",
        "reasoning", "safety_identifier", "service_tier", "store", "stream", "stream_options", "temperature", "text",
        "tool_choice", "tools", "top_logprobs", "top_p", "truncation", "user",
    }
)  # fmt: skip
"""Every field the published ``CreateResponse`` has; any other is refused, as the API refuses it."""

_NULL = type(None)
_NUMBER = (int, float, _NULL)
_TYPES: dict[str, tuple[type, ...]] = {
    "model": (str,), "input": (str, list), "instructions": (str, _NULL), "tools": (list,), "tool_choice": (str, dict),
    "conversation": (str, dict, _NULL), "previous_response_id": (str, _NULL), "store": (bool, _NULL),
    "stream": (bool, _NULL), "parallel_tool_calls": (bool, _NULL), "background": (bool, _NULL),
    "metadata": (dict, _NULL), "temperature": _NUMBER, "top_p": _NUMBER, "max_output_tokens": (int, _NULL),
    "max_tool_calls": (int, _NULL), "top_logprobs": (int, _NULL), "truncation": (str, _NULL),
    "prompt_cache_retention": (str, _NULL), "service_tier": (str, _NULL), "user": (str,), "prompt_cache_key": (str,),
    "safety_identifier": (str,), "include": (list, _NULL), "text": (dict,), "reasoning": (dict, _NULL),
    "stream_options": (dict, _NULL), "moderation": (dict, _NULL), "prompt": (dict, _NULL),
    "prompt_cache_options": (dict, _NULL), "context_management": (list, _NULL),
}  # fmt: skip
"""The JSON types each field takes (the spec's), checked before anything is done."""
_LIST_ITEMS = {"tools": dict, "include": str, "context_management": dict}


def _check_types(body: dict[str, Any]) -> None:
    for name, kinds in _TYPES.items():
        if name in body:
            expect(body[name], kinds, name)
    for name, kind in _LIST_ITEMS.items():
        for number, entry in enumerate(body.get(name) or []):
            expect(entry, kind, f"{name}[{number}]")
    conversation = body.get("conversation")
    if isinstance(conversation, dict):
        expect(conversation.get("id"), str, "conversation.id")


DEFAULT_REPLY = "This is threadshim's emulator, not a model: script its replies with Emulator.script_responses()."


def script(store: Store, ids: IdSource, replies: list[Any]) -> list[str]:
    """Queue replies, each a text or ``{"function_calls": [{"name", "arguments", "namespace"?}, ...]}``."""
    queued = []
    for number, reply in enumerate(replies):
        _check_reply(reply, f"replies[{number}]")
        entry = {"id": ids.item_id("script_"), "reply": reply}
        store.put("scripted_reply", entry, created=ids.now())
        queued.append(entry["id"])
    return queued


def _check_reply(reply: object, at: str) -> None:
    if isinstance(reply, str):
        return
    calls = expect(expect(reply, dict, at).get("function_calls"), list, f"{at}.function_calls")
    for number, call in enumerate(calls):
        expect(expect(call, dict, f"{at}.function_calls[{number}]").get("name"), str, f"{at}...name")
        expect(call.get("arguments", "{}"), str, f"{at}...arguments")


def _next_reply(store: Store) -> Any:
    waiting = store.ids("scripted_reply")
    if not waiting:
        return DEFAULT_REPLY
    entry = store.get("scripted_reply", waiting[0])
    store.delete("scripted_reply", waiting[0])
    return entry["reply"] if entry is not None else DEFAULT_REPLY


def _output(reply: Any, ids: IdSource) -> list[dict[str, Any]]:
    if isinstance(reply, str):
        text = {"type": "output_text", "text": reply, "annotations": [], "logprobs": []}
        message = {"type": "message", "id": ids.item_id("msg_"), "status": "completed", "role": "assistant"}
        return [{**message, "content": [text]}]
    output = []
    for call in reply["function_calls"]:
        item = {
            "type": "function_call",
            "id": ids.item_id("fc_"),
            "call_id": ids.item_id("call_"),
            "name": call["name"],
            "arguments": call.get("arguments", "{}"),
            "status": "completed",
        }
        if call.get("namespace") is not None:
            item["namespace"] = call["namespace"]
        output.append(item)
    return output


def _input(value: object, ids: IdSource) -> list[dict[str, Any]]:
    """The request's input as stored items (a string is one user message), read as a conversation reads items."""
    if value is None:  # left out (a null is refused with the other types)
        return []
    raws = (
        [{"type": "message", "role": "user", "content": value}]
        if isinstance(value, str)
        else expect(value, list, "input")
    )
    return [
        item for start in range(0, len(raws), 20) for item in items_of(ids, raws[start : start + 20], "input", least=0)
    ]


def _conversation_id(body: dict[str, Any], store: Store) -> str | None:
    given = body.get("conversation")
    if given is None:
        return None
    conversation_id = given.get("id") if isinstance(given, dict) else given
    if body.get("previous_response_id") is not None:
        refuse(
            "Invalid request: 'previous_response_id' cannot be used together with 'conversation'.",
            param="previous_response_id",
        )
    if store.get("conversation", str(conversation_id)) is None:
        raise Refusal(404, f"Conversation with id '{conversation_id}' not found.", param="conversation")
    return str(conversation_id)


def create_response(store: Store, ids: IdSource, call: Call) -> dict[str, Any] | Events:
    """POST /responses: the next scripted reply, appended to the conversation when one is named."""
    body = body_of(call)
    if call.body is NO_BODY:
        refuse("Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
    known_fields(body, set(CREATE_FIELDS))
    if "model" not in body:
        refuse("Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
    _check_types(body)
    conversation = _conversation_id(body, store)
    previous = body.get("previous_response_id")
    if previous is not None and store.get("response", previous) is None:
        raise Refusal(404, f"Previous response with id '{previous}' not found.", param="previous_response_id")
    instructions = body.get("instructions")
    tools = body.get("tools", [])
    inputs = _input(body.get("input"), ids)
    output = _output(_next_reply(store), ids)
    response = {
        "id": ids.item_id("resp_"),
        "object": "response",
        "created_at": ids.now(),
        "completed_at": ids.now(),
        "status": "completed",
        "error": None,
        "incomplete_details": None,
        "model": body["model"],
        "instructions": instructions,
        "output": output,
        "tools": tools,
        "tool_choice": _given(body, "tool_choice", "auto"),
        "parallel_tool_calls": _given(body, "parallel_tool_calls", True),
        "temperature": _given(body, "temperature", 1.0),
        "top_p": _given(body, "top_p", 1.0),
        "max_output_tokens": body.get("max_output_tokens"),
        "previous_response_id": previous,
        "conversation": {"id": conversation} if conversation else None,
        "reasoning": body.get("reasoning"),
        "text": _given(body, "text", {"format": {"type": "text"}}),
        "truncation": _given(body, "truncation", "disabled"),
        "metadata": metadata(body.get("metadata")) or {},
        "usage": _usage(inputs, output),
        "user": body.get("user"),
    }
    if conversation is not None:
        for item in [*inputs, *output]:
            store.put("conversation_item", item, parent=conversation, created=ids.now())
    if body.get("store", True) is not False:  # store=false: answered, then forgotten
        store.put("response", {"id": response["id"], "response": response, "input": inputs}, created=ids.now())
    return Events(stream_events(response)) if body.get("stream") is True else response


def _given(body: dict[str, Any], name: str, default: Any) -> Any:
    """A field as sent, or the API's default when it was left out or sent as null."""
    value = body.get(name)
    return default if value is None else value


def _usage(inputs: list[dict[str, Any]], output: list[dict[str, Any]]) -> dict[str, Any]:
    words_in = sum(len(str(item).split()) for item in inputs)
    words_out = sum(len(str(item).split()) for item in output)
    return {
        "input_tokens": words_in,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": words_out,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": words_in + words_out,
    }


def _stored(store: Store, call: Call) -> dict[str, Any]:
    response_id = call.path["response_id"]
    kept = store.get("response", response_id)
    if kept is None:
        raise Refusal(404, f"Response with id '{response_id}' not found.")
    return kept


def retrieve_response(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /responses/{response_id} (a response created with ``store: false`` is not kept)."""
    response: dict[str, Any] = _stored(store, call)["response"]
    return response


def delete_response(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """DELETE /responses/{response_id}."""
    response_id = _stored(store, call)["id"]
    store.delete("response", response_id)
    return {"id": response_id, "object": "response", "deleted": True}


def list_input_items(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /responses/{response_id}/input_items: the items the request gave, a page at a time (newest first)."""
    items: list[dict[str, Any]] = _stored(store, call)["input"]
    limit = integer_query(call.query.get("limit"), "limit", 1, MAX_PAGE_SIZE, 20)
    ordered = items if order_query(call.query.get("order")) == "asc" else items[::-1]
    after = call.query.get("after")
    if after is not None:
        positions = [n for n, item in enumerate(ordered) if item["id"] == after]
        if not positions:
            raise Refusal(404, f"Item with id '{after}' not found.", param="after")
        ordered = ordered[positions[0] + 1 :]
    page = ordered[:limit]
    first, last = (page[0]["id"], page[-1]["id"]) if page else (None, None)
    return {"object": "list", "data": page, "first_id": first, "last_id": last, "has_more": len(ordered) > limit}
