"""Tell which API a thread id belongs to, refusing malformed ids before anything is sent."""

from __future__ import annotations

import re
from typing import Literal

import attrs

from ._errors import InvalidThreadId

Kind = Literal["assistants", "chatkit", "conversations", "store"]
MAX_ID_LENGTH = 512
_BODY = re.compile(r"[A-Za-z0-9_\-]+")


@attrs.frozen
class Place:
    """A place threads live, declared once: the kind of id, its prefix, its name in messages, and its ``source``.

    ``source`` is what :attr:`UnifiedThread.source` says of a thread read there (``_models.Source``).
    """

    kind: Kind
    prefix: str
    label: str
    source: str


PLACES: tuple[Place, ...] = (
    Place("assistants", "thread_", "Assistants", "assistants"),
    Place("chatkit", "cthr_", "ChatKit", "chatkit"),
    Place("conversations", "conv_", "Conversations", "conversations"),
    Place("store", "thr_", "a ChatKit store", "chatkit_store"),
)
"""Every place threadshim reads threads from; routing, messages and the sources' wiring come from this list."""

SUCCESSORS_ONLY: tuple[str, ...] = ("agents",)
"""Sources reached only through a migration journal (Agents SDK sessions: their ids have no prefix of their own)."""


def kind_of(thread_id: object) -> Kind:
    """``"assistants"`` for ``thread_…``, ``"chatkit"`` for ``cthr_…``, ``"conversations"`` for ``conv_…``, ``"store"``
    for ``thr_…`` (a thread in a self-hosted ChatKit store).

    Anything else, or a malformed id, raises :class:`InvalidThreadId` before any request is sent.
    """
    if not isinstance(thread_id, str):
        raise InvalidThreadId(thread_id, f"expected a string, got {type(thread_id).__name__}")
    if not thread_id.strip():
        raise InvalidThreadId(thread_id, "it is empty")
    if len(thread_id) > MAX_ID_LENGTH:
        raise InvalidThreadId(thread_id, f"it is {len(thread_id)} characters long; ids are at most {MAX_ID_LENGTH}")
    if any(ord(char) < 32 or ord(char) == 127 for char in thread_id):
        raise InvalidThreadId(thread_id, "it contains control characters")
    for bad in ("/", "?", "#", "%", ".."):
        if bad in thread_id:
            raise InvalidThreadId(thread_id, f"it contains {bad!r}, which no thread id has")
    for place in PLACES:
        if thread_id.startswith(place.prefix):
            if not _BODY.fullmatch(thread_id[len(place.prefix) :]):
                raise InvalidThreadId(thread_id, f"after {place.prefix!r} only letters, digits, '_' and '-' may follow")
            return place.kind
    raise InvalidThreadId(thread_id, _EXPECTED)


_EXPECTED = "unknown prefix; expected " + ", ".join(f"'{p.prefix}…' ({p.label})" for p in PLACES[:-1])
_EXPECTED += f" or '{PLACES[-1].prefix}…' ({PLACES[-1].label})"
