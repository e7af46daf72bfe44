"""Pacing requests to an API's rate limit, read from its ``x-ratelimit-*`` headers and its 429s.

The pacer spaces requests evenly at a share (``headroom``) of the advertised rate
(``x-ratelimit-limit-requests`` a minute): an even pace never empties the server's bucket, even
when the server enforces its limit over short windows, as OpenAI says it may. A 429 pauses every
request for the time the server asks and lowers the share; answers that pass raise it back. Until
the first answer says what the limit is, one request goes at a time. It sits in the HTTP client's
transport (:class:`PacedTransport`), so every request the client sends is paced and counted,
retries and look-ups included.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import httpx

from ._retry import retry_after

HEADROOM = 0.97
"""The share of the advertised rate aimed at: close to the limit, with room for clock jitter."""
_LOWEST = 0.5
MAX_GAP = 60.0
"""The longest gap kept between two requests, whatever a server announces."""


def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and number > 0 and number == number and number != float("inf") else None


class Pacer:
    """Spaces requests at the advertised rate; counts requests and 429s."""

    def __init__(
        self,
        *,
        headroom: float = HEADROOM,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not 0 < headroom <= 1:
            raise ValueError("headroom must be more than 0 and at most 1")
        self.headroom = self.share = headroom
        self.rate: float | None = None  # requests a second, once a response says
        self.requests = 0
        self.rate_limited = 0
        self._clock, self._sleep = clock, sleep
        self._next = 0.0
        self._answered = asyncio.Event()
        self._first = True

    async def before(self) -> None:
        """Wait for the next request's turn."""
        if self._first:
            self._first = False
        elif not self._answered.is_set():
            await self._answered.wait()
        now = self._clock()
        slot = max(now, self._next)
        if self.rate is not None:
            self._next = slot + min(1.0 / (self.rate * self.share), MAX_GAP)
        self.requests += 1
        if slot > now:
            await self._sleep(slot - now)

    def failed(self) -> None:
        """A request got no answer (a dropped connection): let the others go on."""
        self._answered.set()

    def after(self, status: int, headers: httpx.Headers) -> None:
        """Learn the limit from an answer's headers; after a 429, pause everyone and slow down."""
        self._answered.set()
        limit = _number(headers.get("x-ratelimit-limit-requests"))
        if limit is not None and limit >= 1:  # a limit below one a minute is no limit a server could mean
            self.rate = limit / 60.0
        now = self._clock()
        if status == 429:
            self.rate_limited += 1
            self.share = max(_LOWEST, self.share * 0.85)
            wait = retry_after(headers)
            pause = wait if wait is not None and wait <= 60.0 else (1.0 / self.rate if self.rate else 1.0)
            self._next = max(self._next, now + pause)
        elif status < 400:
            self.share = min(self.headroom, self.share + 0.005)
            if headers.get("x-ratelimit-remaining-requests", "").strip() == "0" and self.rate:
                self._next = max(self._next, now + 1.0 / self.rate)


class PacedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends each request in its turn by a :class:`Pacer`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, pacer: Pacer) -> None:
        self.inner, self.pacer = inner, pacer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Wait for the turn, send, and let the pacer see the answer."""
        await self.pacer.before()
        try:
            response = await self.inner.handle_async_request(request)
        except BaseException:
            self.pacer.failed()
            raise
        self.pacer.after(response.status_code, response.headers)
        return response

    async def aclose(self) -> None:
        """Close the transport underneath."""
        await self.inner.aclose()
