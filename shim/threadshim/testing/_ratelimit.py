"""Requests-per-minute limits per API key, as OpenAI applies them: a token bucket, headers on every answer.

Every response carries ``x-ratelimit-limit-requests``, ``x-ratelimit-remaining-requests`` and
``x-ratelimit-reset-requests`` (how long until the bucket is full again, as ``1.5s`` or ``20ms``);
past the limit the answer is a 429 with ``retry-after-ms`` and ``Retry-After``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

import attrs


@attrs.frozen
class Verdict:
    """Whether a request may go ahead, the headers to send, and how long to wait when it may not."""

    allowed: bool
    headers: tuple[tuple[str, str], ...]
    retry_after: float = 0.0


def _duration(seconds: float) -> str:
    return f"{round(seconds * 1000)}ms" if seconds < 1 else f"{seconds:.3g}s"


class RateLimiter:
    """``rpm`` requests a minute per key: a bucket of ``rpm`` tokens refilled at ``rpm / 60`` a second."""

    def __init__(self, rpm: int, clock: Callable[[], float] = time.monotonic) -> None:
        if rpm < 1:
            raise ValueError("rpm must be at least 1")
        self.rpm = rpm
        self._rate = rpm / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> Verdict:
        """Spend one token of ``key``'s bucket if there is one."""
        with self._lock:
            now = self._clock()
            tokens, then = self._buckets.get(key, (float(self.rpm), now))
            tokens = min(float(self.rpm), tokens + (now - then) * self._rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, now)
        reset = (self.rpm - tokens) / self._rate
        headers = (
            ("x-ratelimit-limit-requests", str(self.rpm)),
            ("x-ratelimit-remaining-requests", str(math.floor(tokens))),
            ("x-ratelimit-reset-requests", _duration(reset)),
        )
        wait = 0.0 if allowed else (1.0 - tokens) / self._rate
        return Verdict(allowed, headers, wait)
