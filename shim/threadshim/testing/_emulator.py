"""The emulator: a :class:`World` that answers HTTP requests, with OpenAI's API, its own control routes and faults."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from ._api import Keys, serve_api
from ._control import control
from ._faults import Failure, FaultPlan, Faults
from ._query import Query
from ._ratelimit import RateLimiter
from ._reply import Events, Reply, envelope
from ._responses import script
from ._rules import Refusal
from ._transport import EmulatorTransport
from ._world import World

_FAILURE_TEXT = {
    400: ("invalid_request_error", "The request was refused by a scripted emulator failure.", None),
    401: ("invalid_request_error", "Incorrect API key provided.", "invalid_api_key"),
    403: ("invalid_request_error", "You have insufficient permissions for this operation.", None),
    404: ("invalid_request_error", "The requested resource was not found.", None),
    408: ("server_error", "The request timed out.", None),
    409: ("invalid_request_error", "The request conflicts with another request on the same object.", "conflict"),
    429: ("requests", "Rate limit reached for requests. Please try again shortly.", "rate_limit_exceeded"),
    500: ("server_error", "The server had an error while processing your request. Sorry about that!", None),
    502: ("server_error", "Bad gateway.", None),
    503: ("server_error", "The engine is currently overloaded, please try again later.", None),
}


class Emulator(World):
    """A local, stateful stand-in for OpenAI's ChatKit, Assistants thread and Conversations APIs.

    Serve it over HTTP with :func:`threadshim.testing.serve` (``threadshim serve``) or
    :class:`~threadshim.testing.EmulatorServer`, or in-process through :meth:`transport`.
    ``deterministic`` fixes the clock and the id sequence so that two runs produce the same
    objects; ``database`` names a SQLite file to keep state in. ``api_keys`` limits which bearer
    tokens are accepted (any non-empty token when None); ``read_only_keys`` are accepted but
    refused with 403 on anything that writes. ``rpm`` limits each key to that many API requests a
    minute, with OpenAI's ``x-ratelimit-*`` headers on every answer and 429s past the limit;
    ``burst`` is how many requests may go at once (default: a minute's worth).
    """

    def __init__(
        self,
        *,
        database: str = ":memory:",
        deterministic: bool = False,
        seed: int = 0,
        faults: Faults | None = None,
        api_keys: set[str] | None = None,
        read_only_keys: frozenset[str] = frozenset(),
        rpm: int | None = None,
        burst: int | None = None,
    ) -> None:
        super().__init__(database=database, deterministic=deterministic, seed=seed)
        self.faults = FaultPlan(faults or Faults())
        self.keys = Keys(api_keys, read_only_keys)
        self.limiter = RateLimiter(rpm, burst=burst) if rpm else None

    def handle(
        self,
        method: str,
        path: str,
        query: Mapping[str, str] | Iterable[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes,
    ) -> Reply:
        """Answer one HTTP request. ``headers`` must be case-insensitive (lower-case keys will do).

        ``query`` is a mapping, or name-value pairs that keep every value of a repeated name.
        """
        if path.startswith("/_emulator/"):
            try:
                return self._json(200, control(self, method, path, body), 0.0)
            except Refusal as refusal:
                return self._refusal(refusal, 0.0)
        delay = self.faults.faults.latency
        limits: tuple[tuple[str, str], ...] = ()
        if self.limiter is not None and path.startswith("/v1/"):
            verdict = self.limiter.take(headers.get("authorization", ""))
            limits = verdict.headers
            if not verdict.allowed:
                wait = (
                    ("retry-after-ms", str(math.ceil(verdict.retry_after * 1000))),
                    ("retry-after", str(math.ceil(verdict.retry_after))),
                )
                message = f"Rate limit reached for requests: limit {self.limiter.rpm} per minute. Try again shortly."
                limited = envelope(message, "requests", None, "rate_limit_exceeded")
                return self._json(429, limited, delay, limits + wait)
        failure = self.faults.draw() if path.startswith("/v1/") else None
        if failure is not None and not failure.after_serving:
            return self._failure(failure, delay, limits)
        try:
            payload = serve_api(self, self.keys, method, path, Query.of(query), headers, body)
        except Refusal as refusal:
            return self._refusal(refusal, delay, limits)
        if failure is not None:  # the request was carried out, but its answer is lost
            return self._failure(failure, delay, limits)
        if isinstance(payload, Events):
            sent = (("content-type", "text/event-stream"), ("x-request-id", self.ids.request_id()), *limits)
            return Reply(200, payload.body(), sent, delay)
        return self._json(200, payload, delay, limits)

    def script_responses(self, *replies: str | dict[str, Any]) -> None:
        """Queue what the next responses answer (this is not a model): a text, or ``{"function_calls": [...]}``.

        Each function call is ``{"name": ..., "arguments": "<JSON>", "namespace": ...?}``. A response
        with nothing queued answers a plain text saying that it comes from the emulator.
        """
        script(self.store, self.ids, list(replies))

    def _json(
        self, status: int, payload: dict[str, Any], delay: float, extra: tuple[tuple[str, str], ...] = ()
    ) -> Reply:
        headers = (("content-type", "application/json"), ("x-request-id", self.ids.request_id()), *extra)
        return Reply(status, json.dumps(payload).encode(), headers, delay)

    def _refusal(self, refusal: Refusal, delay: float, extra: tuple[tuple[str, str], ...] = ()) -> Reply:
        body = envelope(refusal.message, refusal.type, refusal.param, refusal.code)
        return self._json(refusal.status, body, delay, extra)

    def _failure(self, failure: Failure, delay: float, limits: tuple[tuple[str, str], ...] = ()) -> Reply:
        if failure.status == 0:
            return Reply(0, b"", delay=delay, drop=True)
        type_, message, code = _FAILURE_TEXT.get(failure.status, ("server_error", "Emulated failure.", None))
        extra: list[tuple[str, str]] = list(limits)
        if failure.retry_after is not None:
            extra.append(("retry-after", str(failure.retry_after)))
        if failure.retry_after_ms is not None:
            extra.append(("retry-after-ms", str(failure.retry_after_ms)))
        if failure.should_retry is not None:
            extra.append(("x-should-retry", "true" if failure.should_retry else "false"))
        return self._json(failure.status, envelope(failure.message or message, type_, None, code), delay, tuple(extra))

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        retry_after: int | None = None,
        retry_after_ms: int | None = None,
        should_retry: bool | None = None,
        after_serving: bool = False,
    ) -> None:
        """Make the next ``times`` API requests answer ``status`` (0: drop the connection).

        With ``after_serving``, each request is carried out first and only its answer fails: a
        write that happened although the client never heard so.
        """
        failure = Failure(status, retry_after, retry_after_ms, should_retry, after_serving=after_serving)
        self.faults.fail_next(failure, times)

    def transport(self) -> EmulatorTransport:
        """An httpx transport, for sync and async clients alike, that serves this emulator in-process."""
        return EmulatorTransport(self)
