"""Each object found, encoded once where it was read: what the pile stores and the archive's line is made of.

A thread or message is kept as its canonical JSON (keys sorted, no spaces: two copies are compared
by it, and it is the text the archive holds); a message also as its unified view's JSON, so the
archive's lines are joined from stored text without parsing anything again. This work is most of
``collect``'s, and it runs wherever the input is read: in this process or in a worker process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from .._exportformat import item_json
from .._json import plain_text, text
from .._mapping import item_from_message
from .containers import Found, Invalid
from .objects import pieces


class ThreadRecord(NamedTuple):
    """A thread object: its id, canonical JSON and place; ``synthesized``: made from rows, not saved as one."""

    id: str
    body: str
    place: str
    synthesized: bool = False


class MessageRecord(NamedTuple):
    """A message: its id (None until the pile gives it one), thread, time, canonical JSON, unified view, place;
    ``stored``: where its texts were written instead (``texts``), when they were.
    """

    id: str | None
    thread_id: str
    created_at: float | None
    body: str
    unified: str | None
    place: str
    stored: tuple[int, int, int] | None = None


class AsideRecord(NamedTuple):
    """An object kept aside: its kind and its line of the side file."""

    kind: str
    line: str


Record = ThreadRecord | MessageRecord | AsideRecord | Invalid


class Tally:
    """How many objects (pieces of saved values, invalid ones included) a stream of records held."""

    def __init__(self, objects: int = 0) -> None:
        self.objects = objects


def canonical(value: Any) -> str:
    """The JSON text two copies are compared by: keys sorted, no spaces."""
    return text(value, sort_keys=True)


def _time(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def message_record(message: dict[str, Any], place: str) -> MessageRecord:
    """A message (its ``thread_id`` checked); its unified view waits for an id when it has none."""
    known = isinstance(message.get("id"), str)
    unified = plain_text(item_json(item_from_message(message))) if known else None
    body = canonical(message)
    return MessageRecord(message["id"] if known else None, message["thread_id"],
                         _time(message.get("created_at")), body, unified, place)  # fmt: skip


def records(found: Iterable[Found | Invalid], tally: Tally) -> Iterator[Record]:
    """The records of every value found; an :class:`Invalid` value passes through (it is not an object)."""
    for value in found:
        if isinstance(value, Invalid):
            yield value
            continue
        for piece in pieces(value.value, value.place):
            tally.objects += 1
            if piece.kind == "thread":
                yield ThreadRecord(piece.value["id"], canonical(piece.value), piece.place, value.synthesized)
            elif piece.kind == "message":
                yield message_record(piece.value, piece.place)
            elif piece.kind == "aside":
                line = canonical({"place": piece.place, "object": piece.value})
                yield AsideRecord(str(piece.value.get("object")), line)
            else:
                yield Invalid(piece.place, piece.reason)
