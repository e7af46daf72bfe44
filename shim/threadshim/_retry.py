"""When and how long to wait before trying a request again (the official SDK's policy).

Retried: 408, 409, 429, 5xx and connection errors (timeouts included), unless ``x-should-retry``
says otherwise. The wait honours ``retry-after-ms``, then ``Retry-After`` (seconds or an HTTP date)
up to ``max_retry_after`` (60 s); a server that asks for longer is not waited for: its answer is
handed back at once, so the caller gets the error with ``retry_after`` and can schedule the retry.
Without such a header the wait backs off exponentially from 0.5 s to 8 s with jitter.
:class:`RetryTransport` applies the policy to any httpx client, the generated one included.
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol, TypeVar

import attrs
import httpx

RETRYABLE_STATUS = frozenset({408, 409, 429})
MAX_RETRY_AFTER = 60.0


R = TypeVar("R", bound="Answered")


class Answered(Protocol):
    """What the policy looks at in a response: its status and headers."""

    @property
    def status_code(self) -> int: ...  # pragma: no cover - a protocol

    @property
    def headers(self) -> Mapping[str, str]: ...  # pragma: no cover - a protocol


@attrs.frozen
class RetryPolicy:
    """How many times to retry and how long to wait in between."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = MAX_RETRY_AFTER
    honour_retry_after: bool = True

    @classmethod
    def no_wait(cls, max_retries: int = 2) -> RetryPolicy:
        """Retry as usual but never wait, whatever the server asks: for tests against the emulator."""
        return cls(max_retries=max_retries, initial_delay=0.0, max_delay=0.0, honour_retry_after=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError("max_retries must be a whole number, 0 or more")
        if min(self.initial_delay, self.max_delay, self.max_retry_after) < 0:
            raise ValueError("delays must not be negative")

    def should_retry(self, response: Answered | None) -> bool:
        """Whether a response (None: a connection error) is worth another try."""
        if response is None:
            return True
        override = response.headers.get("x-should-retry", "").lower()
        if override in ("true", "false"):
            return bool(override == "true")
        status: int = response.status_code
        return status in RETRYABLE_STATUS or status >= 500

    def delay(self, retries_done: int, response: Answered | None, *, now: float | None = None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if response is not None and self.honour_retry_after:
            asked = retry_after(response.headers, now)
            if asked is not None and asked <= self.max_retry_after:
                return asked
        backoff = min(self.initial_delay * 2.0**retries_done, self.max_delay)
        return backoff * (1 - 0.25 * random.random())

    def wait_before_retry(self, retries_done: int, response: Answered | None) -> float | None:
        """Seconds to wait before trying again, or None to hand back this outcome (None: a connection error)."""
        if response is not None and (response.status_code < 400 or not self.should_retry(response)):
            return None
        if retries_done >= self.max_retries:
            return None
        if response is not None and self.honour_retry_after:
            asked = retry_after(response.headers)
            if asked is not None and asked > self.max_retry_after:
                return None  # longer than we wait: the caller gets the error with retry_after and decides
        return self.delay(retries_done, response)


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """The wait the server asked for in seconds (``retry-after-ms``, else ``Retry-After``); None if unusable."""
    milliseconds = _number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _number(value)
    if seconds is not None:
        return seconds
    try:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return max(0.0, float(email.utils.mktime_tz(parsed)) - (time.time() if now is None else now))
    except (ValueError, OverflowError, TypeError, IndexError):
        return None


def _number(value: str | None) -> float | None:
    """A finite, non-negative number of seconds, or None."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _close(response: Any) -> None:
    if isinstance(response, httpx.Response):
        response.close()


async def _aclose(response: Any) -> None:
    if isinstance(response, httpx.Response):
        await response.aclose()


def send_with_retries(send: Callable[[], R], policy: RetryPolicy, discard: Callable[[R], None] = _close) -> R:
    """Call ``send`` until it succeeds, is not retryable, or the retries run out; ``discard`` drops a retried answer."""
    retries = 0
    while True:
        try:
            response: R | None = send()
        except httpx.TransportError:
            if retries >= policy.max_retries:
                raise
            response = None
        wait = policy.wait_before_retry(retries, response)
        if wait is None and response is not None:
            return response
        if response is not None:
            discard(response)
        time.sleep(wait or 0.0)
        retries += 1


async def send_with_retries_async(
    send: Callable[[], Awaitable[R]], policy: RetryPolicy, discard: Callable[[R], Awaitable[None]] = _aclose
) -> R:
    """The async twin of :func:`send_with_retries`."""
    retries = 0
    while True:
        try:
            response: R | None = await send()
        except httpx.TransportError:
            if retries >= policy.max_retries:
                raise
            response = None
        wait = policy.wait_before_retry(retries, response)
        if wait is None and response is not None:
            return response
        if response is not None:
            await discard(response)
        await asyncio.sleep(wait or 0.0)
        retries += 1


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wrap a transport so every request is retried by :class:`RetryPolicy`.

    ``AuthenticatedClient(..., httpx_args={"transport": RetryTransport()})`` gives the generated
    client the same retries as :class:`threadshim.ThreadShim`.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        policy: RetryPolicy | None = None,
    ) -> None:
        self._sync = transport or httpx.HTTPTransport()
        self._async = async_transport or (
            transport if isinstance(transport, httpx.AsyncBaseTransport) else httpx.AsyncHTTPTransport()
        )
        self.policy = policy or RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send with retries (sync)."""
        return send_with_retries(lambda: self._sync.handle_request(request), self.policy)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send with retries (async)."""
        return await send_with_retries_async(lambda: self._async.handle_async_request(request), self.policy)

    def close(self) -> None:
        """Close the wrapped sync transport."""
        self._sync.close()

    async def aclose(self) -> None:
        """Close the wrapped async transport."""
        await self._async.aclose()
