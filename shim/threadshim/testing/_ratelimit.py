"""Requests-per-minute limits per API key, as OpenAI applies them: a token bucket, headers on every answer.

Every response carries ``x-ratelimit-limit-requests``, ``x-ratelimit-remaining-requests`` and
``x-ratelimit-reset-requests`` (how long until the bucket is full again, as ``1.5s`` or ``20ms``);
past the limit the answer is a 429 with ``retry-after-ms`` and ``Retry-After``. OpenAI notes
that a limit may be enforced over shorter periods (60,000 a minute as 1,000 a second): ``burst``
sets how many tokens the bucket holds (a minute's worth unless given), so ``burst=rpm // 60``
enforces the limit a second at a time.
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
    """``rpm`` requests a minute per key: a bucket of ``burst`` tokens (default ``rpm``), refilled at ``rpm / 60``/s."""

    def __init__(self, rpm: int, clock: Callable[[], float] = time.monotonic, *, burst: int | None = None) -> None:
        if rpm < 1:
            raise ValueError("rpm must be at least 1")
        if burst is not None and burst < 1:
            raise ValueError("burst must be at least 1")
        self.rpm = rpm
        self.burst = burst if burst is not None else rpm
        self._rate = rpm / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> Verdict:
        """Spend one token of ``key``'s bucket if there is one."""
        with self._lock:
            now = self._clock()
            tokens, then = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self._rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, now)
        reset = (self.burst - tokens) / self._rate
        headers = (
            ("x-ratelimit-limit-requests", str(self.rpm)),
            ("x-ratelimit-remaining-requests", str(math.floor(tokens))),
            ("x-ratelimit-reset-requests", _duration(reset)),
        )
        wait = 0.0 if allowed else (1.0 - tokens) / self._rate
        return Verdict(allowed, headers, wait)
