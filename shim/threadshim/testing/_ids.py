"""Ids in the real APIs' shapes and a clock, random by default or fixed for reproducible recordings."""

from __future__ import annotations

import random
import secrets
import string
import time

_ALPHABET = string.ascii_letters + string.digits
FIXED_EPOCH = 1712345600
"""Where the deterministic clock starts (the timestamp the ChatKit docs use)."""


class IdSource:
    """Makes ids and timestamps; ``deterministic`` fixes both so two runs give the same objects."""

    def __init__(self, *, deterministic: bool = False, seed: int = 0) -> None:
        self.deterministic = deterministic
        self._random = random.Random(seed) if deterministic else None
        self._tick = FIXED_EPOCH
        self._requests = 0

    def now(self) -> int:
        """Return the creation time for the next object, in Unix seconds."""
        if not self.deterministic:
            return int(time.time())
        self._tick += 1
        return self._tick

    def _token(self, length: int, alphabet: str) -> str:
        if self._random is None:
            return "".join(secrets.choice(alphabet) for _ in range(length))
        return "".join(self._random.choice(alphabet) for _ in range(length))

    def thread_id(self) -> str:
        """Return a new legacy thread id, ``thread_`` and 24 letters and digits."""
        return "thread_" + self._token(24, _ALPHABET)

    def message_id(self) -> str:
        """Return a new message id, ``msg_`` and 24 letters and digits."""
        return "msg_" + self._token(24, _ALPHABET)

    def conversation_id(self) -> str:
        """Return a new conversation id, ``conv_`` and 48 hex digits."""
        return "conv_" + self._token(48, "0123456789abcdef")

    def item_id(self, prefix: str) -> str:
        """Return a new conversation item id, ``prefix`` and 48 hex digits (``msg_``, ``fc_``, …)."""
        return prefix + self._token(48, "0123456789abcdef")

    def chatkit_thread_id(self) -> str:
        """Return a new ChatKit thread id, ``cthr_`` and 32 hex digits."""
        return "cthr_" + self._token(32, "0123456789abcdef")

    def chatkit_item_id(self) -> str:
        """Return a new ChatKit item id, ``cthi_`` and 32 hex digits."""
        return "cthi_" + self._token(32, "0123456789abcdef")

    def request_id(self) -> str:
        """Return the ``x-request-id`` for the next response."""
        self._requests += 1
        if self.deterministic:
            return f"req_{self._requests:032x}"
        return "req_" + secrets.token_hex(16)
