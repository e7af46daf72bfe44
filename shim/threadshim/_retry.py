"""When and how long to wait before trying a request again (the official SDK's policy).

Retried: 408, 409, 429, 5xx and connection errors, unless ``x-should-retry`` says otherwise.
The wait honours ``retry-after-ms``, then ``Retry-After`` (seconds or an HTTP date) up to 60 s,
else backs off exponentially from 0.5 s to 8 s with jitter. :class:`RetryTransport` applies the
policy to any httpx client, the generated one included.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable

import attrs
import httpx

RETRYABLE_STATUS = frozenset({408, 409, 429})
MAX_RETRY_AFTER = 60.0


@attrs.frozen
class RetryPolicy:
    """How many times to retry and how long to wait in between."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0

    def __attrs_post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be 0 or more")

    def should_retry(self, response: httpx.Response | None) -> bool:
        """Whether a response (None: a connection error) is worth another try."""
        if response is None:
            return True
        override = response.headers.get("x-should-retry", "").lower()
        if override in ("true", "false"):
            return bool(override == "true")
        status: int = response.status_code
        return status in RETRYABLE_STATUS or status >= 500

    def delay(self, retries_done: int, response: httpx.Response | None, *, now: float | None = None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if response is not None:
            asked = _retry_after(response.headers, time.time() if now is None else now)
            if asked is not None and 0 <= asked <= MAX_RETRY_AFTER:
                return asked
        backoff = min(self.initial_delay * 2.0**retries_done, self.max_delay)
        return backoff * (1 - 0.25 * random.random())

    def wait_before_retry(self, retries_done: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before trying again, or None to hand back this outcome (None: a connection error)."""
        if response is not None and (response.status_code < 400 or not self.should_retry(response)):
            return None
        if retries_done >= self.max_retries:
            return None
        return self.delay(retries_done, response)


def _retry_after(headers: httpx.Headers, now: float) -> float | None:
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        return float(email.utils.mktime_tz(parsed)) - now


def send_with_retries(send: Callable[[], httpx.Response], policy: RetryPolicy) -> httpx.Response:
    """Call ``send`` until it succeeds, is not retryable, or the retries run out."""
    retries = 0
    while True:
        try:
            response: httpx.Response | None = send()
        except httpx.TransportError:
            if retries >= policy.max_retries:
                raise
            response = None
        wait = policy.wait_before_retry(retries, response)
        if wait is None and response is not None:
            return response
        if response is not None:
            response.close()
        time.sleep(wait or 0.0)
        retries += 1


async def send_with_retries_async(send: Callable[[], Awaitable[httpx.Response]], policy: RetryPolicy) -> httpx.Response:
    """The async twin of :func:`send_with_retries`."""
    retries = 0
    while True:
        try:
            response: httpx.Response | None = await send()
        except httpx.TransportError:
            if retries >= policy.max_retries:
                raise
            response = None
        wait = policy.wait_before_retry(retries, response)
        if wait is None and response is not None:
            return response
        if response is not None:
            await response.aclose()
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
