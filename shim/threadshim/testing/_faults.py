"""Trouble on demand: added latency, random 429/500/503s, dropped connections, scripted failures."""

from __future__ import annotations

import random
import threading
from collections import deque

import attrs


@attrs.frozen
class Faults:
    """Random trouble applied to every API request (never to the emulator's own routes).

    Rates are probabilities per request, drawn from a generator seeded with ``seed`` so a run can
    be repeated. ``retry_after`` is the ``Retry-After`` (seconds) sent with 429 and 503.
    """

    latency: float = 0.0
    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_503: float = 0.0
    drop_rate: float = 0.0
    retry_after: int = 1
    seed: int = 0

    def __attrs_post_init__(self) -> None:
        for name in ("latency", "rate_429", "rate_500", "rate_503", "drop_rate"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.rate_429 + self.rate_500 + self.rate_503 + self.drop_rate > 1:
            raise ValueError("the fault rates add up to more than 1")


@attrs.frozen
class Failure:
    """One scripted failure: answer ``status`` (0 drops the connection) instead of serving the request.

    With ``after_serving`` the request is served first and only then is the answer replaced.
    """

    status: int
    retry_after: int | None = None
    retry_after_ms: int | None = None
    should_retry: bool | None = None
    message: str | None = None
    after_serving: bool = False


class FaultPlan:
    """Decides, request by request, whether to fail and how."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self._random = random.Random(faults.seed)
        self._scripted: deque[Failure] = deque()
        self._lock = threading.Lock()

    def fail_next(self, failure: Failure, times: int = 1) -> None:
        """Make the next ``times`` API requests fail this way, before any random fault."""
        with self._lock:
            self._scripted.extend([failure] * times)

    def clear(self) -> None:
        """Forget scripted failures."""
        with self._lock:
            self._scripted.clear()

    def draw(self) -> Failure | None:
        """Return the failure for the next request, or None to serve it."""
        with self._lock:
            if self._scripted:
                return self._scripted.popleft()
            faults = self.faults
            roll = self._random.random()
        for status, rate in (
            (429, faults.rate_429),
            (500, faults.rate_500),
            (503, faults.rate_503),
            (0, faults.drop_rate),
        ):
            if roll < rate:
                return Failure(status, retry_after=faults.retry_after if status in (429, 503) else None)
            roll -= rate
        return None
