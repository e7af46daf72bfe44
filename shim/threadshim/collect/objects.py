"""What a saved JSON value holds: threads, messages, objects kept aside, or nothing usable (and why).

Values come as the API sent them or as the ``openai`` SDK wrote them (``model_dump()``,
``model_dump_json()``, ``to_dict()``, ``to_json()``): a ``None`` the SDK wrote for a field the API
did not send is an absent field. A list page (``{"object": "list", "data": [...]}``) and a JSON
array hold objects; a line of a threadshim export holds a thread and its messages. Objects are
recognised by ``object``: ``thread`` and ``thread.message`` are collected; assistants, runs, run
steps, vector stores, files and the like are kept aside (runs carry the assistant, model and
instructions teams want to keep); anything else is invalid, with its reason.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, Literal

import attrs

from .._errors import InvalidThreadId
from .._routing import kind_of

KEPT_ASIDE = frozenset(
    {
        "assistant",
        "thread.run",
        "thread.run.step",
        "vector_store",
        "vector_store.file",
        "vector_store.file_batch",
        "file",
        "thread.deleted",
        "thread.message.deleted",
        "assistant.deleted",
    }
)
"""Kinds of objects kept in the side file and counted, not collected."""

Kind = Literal["thread", "message", "aside", "invalid"]


@attrs.frozen
class Piece:
    """One object found: its kind, the object (``None`` fields dropped; None when invalid), its place, and why."""

    kind: Kind
    value: Any
    place: str
    reason: str = ""


def _invalid(place: str, reason: str) -> Piece:
    """Something found that cannot be collected, where, and why (what it was is not kept)."""
    return Piece("invalid", None, place, reason)


def without_nones(value: Any) -> Any:
    """``value`` with every ``None`` member of an object dropped, at any depth (as the API would have sent it).

    It is changed in place (a value found is parsed for this run alone, and rebuilding it would take
    longer than the parse), and returned.
    """
    if isinstance(value, dict):
        if None in value.values():  # a quick look first: most objects hold none
            for key in [key for key, member in value.items() if member is None]:
                del value[key]
        members: Iterable[Any] = value.values()
    elif isinstance(value, list):
        members = value
    else:
        return value
    for member in members:
        if member and isinstance(member, (dict, list)):  # an empty one has nothing to drop
            without_nones(member)
    return value


def pieces(value: Any, place: str) -> Iterator[Piece]:
    """The threads, messages, set-aside objects and invalid records in one saved value."""
    if isinstance(value, list):
        for number, inner in enumerate(value):
            yield from pieces(inner, f"{place}[{number}]")
        return
    if not isinstance(value, dict):
        yield _invalid(place, f"a JSON {_type(value)}, not an object")
        return
    kind = value.get("object")
    if kind == "list" and isinstance(value.get("data"), list):
        for number, inner in enumerate(value["data"]):
            yield from pieces(inner, f"{place}.data[{number}]")
        return
    if kind is None and isinstance(value.get("thread"), dict) and isinstance(value.get("messages"), list):
        yield from _export_line(value, place)
        return
    if kind == "thread":
        yield _thread(value, place)
    elif kind == "thread.message":
        yield _message(value, place)
    elif isinstance(kind, str) and kind in KEPT_ASIDE:
        yield Piece("aside", without_nones(value), place)
    elif kind is None:
        yield _invalid(place, 'not an OpenAI object (it has no "object" field)')
    else:
        yield _invalid(place, f"an object of unknown kind {kind!r}")


def _export_line(value: dict[str, Any], place: str) -> Iterator[Piece]:
    """A threadshim export's line: its thread, then each message (with the thread's id if it lacks one)."""
    thread = value["thread"]
    yield _thread(thread, f"{place}.thread")
    for number, message in enumerate(value["messages"]):
        where = f"{place}.messages[{number}]"
        if isinstance(message, dict) and "thread_id" not in message and isinstance(thread.get("id"), str):
            message = {**message, "thread_id": thread["id"]}
        yield (
            _message(message, where)
            if isinstance(message, dict)
            else _invalid(where, "a message that is not an object")
        )


def _thread(value: dict[str, Any], place: str) -> Piece:
    thread = without_nones(value)
    if not _legacy(thread.get("id")):
        return _invalid(place, f"a thread whose id is not a thread_… id ({thread.get('id')!r})")
    return Piece("thread", thread, place)


def _message(value: dict[str, Any], place: str) -> Piece:
    message = without_nones(value)
    if not _legacy(message.get("thread_id")):
        return _invalid(place, "a message without a thread_… thread_id")
    if "id" in message and not isinstance(message["id"], str):
        return _invalid(place, f"a message whose id is not a string ({message['id']!r})")
    return Piece("message", message, place)


def _legacy(thread_id: object) -> bool:
    """Whether ``thread_id`` is a well-formed legacy thread id (the answers for the last few thousand ids kept)."""
    return isinstance(thread_id, str) and _legacy_id(thread_id)


@functools.lru_cache(maxsize=4096)
def _legacy_id(thread_id: str) -> bool:
    try:
        return kind_of(thread_id) == "assistants"
    except InvalidThreadId:
        return False


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string" if isinstance(value, str) else "null"
