"""Tell which API a thread id belongs to, refusing malformed ids before anything is sent."""

from __future__ import annotations

import re
from typing import Literal

from ._errors import InvalidThreadId

Kind = Literal["assistants", "chatkit", "conversations", "store"]
MAX_ID_LENGTH = 512
_PREFIXES: dict[str, Kind] = {"thread_": "assistants", "cthr_": "chatkit", "conv_": "conversations", "thr_": "store"}
_BODY = re.compile(r"[A-Za-z0-9_\-]+")


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
    for prefix, kind in _PREFIXES.items():
        if thread_id.startswith(prefix):
            if not _BODY.fullmatch(thread_id[len(prefix) :]):
                raise InvalidThreadId(thread_id, f"after {prefix!r} only letters, digits, '_' and '-' may follow")
            return kind
    raise InvalidThreadId(
        thread_id,
        "unknown prefix; expected 'thread_…' (Assistants), 'cthr_…' (ChatKit), 'conv_…' (Conversations) "
        "or 'thr_…' (a ChatKit store)",
    )
