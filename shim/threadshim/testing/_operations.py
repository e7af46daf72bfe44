"""The API operations the emulator serves, one function each, over a :class:`Store`.

Each takes the parsed request and returns the JSON body of a 200, or raises :class:`Refusal`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._limits import MAX_PAGE_SIZE, MAX_USER
from ._ids import IdSource
from ._rules import (
    Refusal,
    expect,
    integer_query,
    is_url,
    known_fields,
    metadata,
    one_of,
    order_query,
    refuse,
    tool_resources,
)
from ._store import Kind, Store

NO_BODY: Any = object()
"""The body of a request that sent none (a JSON ``null`` is a body, and not an object)."""


class Call:
    """One parsed API request: path parameters, query and JSON body."""

    def __init__(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> None:
        self.path = path
        self.query = query
        self.body = body


Operation = Callable[[Store, IdSource, Call], Any]
"""An operation answers the JSON body of a 200 (or, for a streamed response, its :class:`Events`)."""


def not_found(what: str, object_id: str) -> Refusal:
    return Refusal(404, f"No {what} found with id '{object_id}'.", param=None)


def listing(store: Store, kind: Kind, call: Call, *, low: int, **scope: str | None) -> dict[str, Any]:
    query = call.query
    limit = integer_query(query.get("limit"), "limit", low, MAX_PAGE_SIZE, 20)
    order = order_query(query.get("order"))
    after, before = query.get("after"), query.get("before")
    page = store.page(kind, order="asc" if order == "asc" else "desc", limit=limit, after=after, before=before, **scope)
    return {
        "object": "list",
        "data": page.data,
        "first_id": page.data[0]["id"] if page.data else None,
        "last_id": page.data[-1]["id"] if page.data else None,
        "has_more": page.has_more,
    }


# ----------------------------------------------------------------------------- ChatKit


def list_chatkit_threads(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /chatkit/threads."""
    user = call.query.get("user")
    if user is not None and not 1 <= len(user) <= MAX_USER:
        refuse(f"Invalid 'user': expected 1 to {MAX_USER} characters.", param="user", code="invalid_value")
    return listing(store, "chatkit_thread", call, low=0, owner=user)


def retrieve_chatkit_thread(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /chatkit/threads/{thread_id}."""
    thread_id = call.path["thread_id"]
    thread = store.get("chatkit_thread", thread_id)
    if thread is None:
        raise not_found("thread", thread_id)
    return thread


def _deleted(store: Store, kind: Kind, object_id: str, deleted_object: str) -> dict[str, Any]:
    """Delete an object with everything under it, or refuse with 404; answer the API's deletion object."""
    if not store.delete(kind, object_id):
        raise not_found("thread", object_id)
    return {"id": object_id, "object": deleted_object, "deleted": True}


def delete_chatkit_thread(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """DELETE /chatkit/threads/{thread_id}: the thread and its items."""
    return _deleted(store, "chatkit_thread", call.path["thread_id"], "chatkit.thread.deleted")


def list_chatkit_thread_items(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /chatkit/threads/{thread_id}/items."""
    thread_id = call.path["thread_id"]
    if store.get("chatkit_thread", thread_id) is None:
        raise not_found("thread", thread_id)
    return listing(store, "chatkit_item", call, low=0, parent=thread_id)


# ----------------------------------------------------------------------------- Assistants threads


def body_of(call: Call) -> dict[str, Any]:
    return dict(expect({} if call.body is NO_BODY else call.body, dict, "body"))


def _thread(store: Store, thread_id: str) -> dict[str, Any]:
    thread = store.get("thread", thread_id)
    if thread is None:
        raise not_found("thread", thread_id)
    return thread


def _image(block: dict[str, Any], kind: str, field: str, where: str) -> dict[str, Any]:
    image = expect(block.get(kind), dict, f"{where}.{kind}")
    known_fields(image, {field, "detail"}, f"{where}.{kind}.")
    value = expect(image.get(field), str, f"{where}.{kind}.{field}")
    if field == "url" and not is_url(value):
        refuse(f"Invalid '{where}.{kind}.url': expected a URL.", param=f"{where}.{kind}.url", code="invalid_value")
    if "detail" in image:
        one_of(image["detail"], ("auto", "low", "high"), f"{where}.{kind}.detail")
    return {"type": kind, kind: dict(image)}


def _message_content(content: object, where: str = "") -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "text": {"value": content, "annotations": []}}]
    blocks = expect(content, list, f"{where}content")
    if not blocks:
        refuse(f"Invalid '{where}content': expected a non-empty array.", param=f"{where}content", code="empty_array")
    converted: list[dict[str, Any]] = []
    for index, raw in enumerate(blocks):
        at = f"{where}content[{index}]"
        block = expect(raw, dict, at)
        kind = block.get("type")
        if kind == "text":
            known_fields(block, {"type", "text"}, f"{at}.")
            text = expect(block.get("text"), str, f"{at}.text")
            converted.append({"type": "text", "text": {"value": text, "annotations": []}})
        elif kind == "image_file":
            known_fields(block, {"type", "image_file"}, f"{at}.")
            converted.append(_image(block, "image_file", "file_id", at))
        elif kind == "image_url":
            known_fields(block, {"type", "image_url"}, f"{at}.")
            converted.append(_image(block, "image_url", "url", at))
        else:
            refuse(
                f"Invalid '{at}.type': expected 'text', 'image_file' or 'image_url', got {kind!r}.",
                param=f"{at}.type",
                code="invalid_value",
            )
    return converted


def _attachments(value: object, where: str = "") -> list[dict[str, Any]]:
    if value is None:
        return []
    attachments = expect(value, list, f"{where}attachments")
    for index, raw in enumerate(attachments):
        at = f"{where}attachments[{index}]"
        attachment = expect(raw, dict, at)
        known_fields(attachment, {"file_id", "tools"}, f"{at}.")
        expect(attachment.get("file_id"), str, f"{at}.file_id")
        for position, tool in enumerate(expect(attachment.get("tools", []), list, f"{at}.tools")):
            kind = expect(tool, dict, f"{at}.tools[{position}]").get("type")
            one_of(kind, ("code_interpreter", "file_search"), f"{at}.tools[{position}].type")
    return [dict(a) for a in attachments]


def _new_message(
    store: Store, ids: IdSource, thread_id: str, body: Mapping[str, Any], where: str = ""
) -> dict[str, Any]:
    known_fields(body, {"role", "content", "attachments", "metadata"}, where)
    role = body.get("role")
    if role not in ("user", "assistant"):
        refuse(f"Invalid '{where}role': expected 'user' or 'assistant'.", param=f"{where}role", code="invalid_value")
    if "content" not in body:
        refuse(
            f"Missing required parameter: '{where}content'.", param=f"{where}content", code="missing_required_parameter"
        )
    message = {
        "id": ids.message_id(),
        "object": "thread.message",
        "created_at": ids.now(),
        "assistant_id": None,
        "thread_id": thread_id,
        "run_id": None,
        "status": "completed",
        "incomplete_details": None,
        "completed_at": None,
        "incomplete_at": None,
        "role": role,
        "content": _message_content(body["content"], where),
        "attachments": _attachments(body.get("attachments"), where),
        "metadata": metadata(body.get("metadata"), f"{where}metadata") or {},
    }
    return message


def create_thread(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /threads, with any starting messages."""
    body = body_of(call)
    known_fields(body, {"messages", "tool_resources", "metadata"})
    thread_id = ids.thread_id()
    thread = {
        "id": thread_id,
        "object": "thread",
        "created_at": ids.now(),
        "metadata": metadata(body.get("metadata")) or {},
        "tool_resources": tool_resources(body.get("tool_resources"), creating=True) or {},
    }
    messages = [
        _new_message(store, ids, thread_id, expect(raw, dict, f"messages[{index}]"), f"messages[{index}].")
        for index, raw in enumerate(expect(body.get("messages", []), list, "messages"))
    ]
    store.put("thread", thread)
    for message in messages:
        store.put("message", message, parent=thread_id)
    return thread


def retrieve_thread(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /threads/{thread_id}."""
    return _thread(store, call.path["thread_id"])


def modify_thread(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /threads/{thread_id}: replace metadata and/or tool resources."""
    thread = _thread(store, call.path["thread_id"])
    body = body_of(call)
    known_fields(body, {"metadata", "tool_resources"})
    if "metadata" in body:
        thread["metadata"] = metadata(body["metadata"]) or {}
    if "tool_resources" in body:
        thread["tool_resources"] = tool_resources(body["tool_resources"]) or {}
    store.put("thread", thread)
    return thread


def delete_thread(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """DELETE /threads/{thread_id}: the thread and its messages."""
    return _deleted(store, "thread", call.path["thread_id"], "thread.deleted")


# ----------------------------------------------------------------------------- Assistants messages


def list_messages(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /threads/{thread_id}/messages."""
    thread_id = _thread(store, call.path["thread_id"])["id"]
    page = listing(store, "message", call, low=1, parent=thread_id)
    run_id = call.query.get("run_id")
    if run_id is not None:
        page["data"] = [m for m in page["data"] if m.get("run_id") == run_id]
    return page


def create_message(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /threads/{thread_id}/messages."""
    thread_id = _thread(store, call.path["thread_id"])["id"]
    message = _new_message(store, ids, thread_id, body_of(call))
    store.put("message", message, parent=thread_id)
    return message


def _message(store: Store, call: Call) -> dict[str, Any]:
    thread_id = _thread(store, call.path["thread_id"])["id"]
    message_id = call.path["message_id"]
    message = store.get("message", message_id, parent=thread_id)
    if message is None:
        raise not_found("message", message_id)
    return message


def retrieve_message(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """GET /threads/{thread_id}/messages/{message_id}."""
    return _message(store, call)


def modify_message(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """POST /threads/{thread_id}/messages/{message_id}: replace metadata."""
    message = _message(store, call)
    body = body_of(call)
    known_fields(body, {"metadata"})
    if "metadata" in body:
        message["metadata"] = metadata(body["metadata"]) or {}
    store.put("message", message, parent=message["thread_id"])
    return message


def delete_message(store: Store, ids: IdSource, call: Call) -> dict[str, Any]:
    """DELETE /threads/{thread_id}/messages/{message_id}."""
    message = _message(store, call)
    store.delete("message", message["id"])
    return {"id": message["id"], "object": "thread.message.deleted", "deleted": True}
