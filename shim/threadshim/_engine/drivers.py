"""The two drivers: run an operation's steps with the caller's httpx client, synchronously or with asyncio.

Each request is built by the caller's client (``build_request``), so its default headers, params,
cookies, auth and event hooks apply; the driver adds the API key, the per-request headers and,
when one was configured, the timeout. Failed requests are retried by the :class:`RetryPolicy`; an
error that remains is thrown into the operation, which may handle it or let it propagate.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, cast

import anyio
import httpx

from .._config import Settings
from .._errors import APIError, InvalidRequest, ThreadShimError, UnexpectedResponse
from .._retry import RetryPolicy, send_with_retries, send_with_retries_async
from .bodies import BodyReader
from .responses import Received, check, connection_error
from .steps import Batch, Call, Cursor, Emit, Local, Request, Step, Stream

T = TypeVar("T")


class _Builder:
    """Builds requests with a client, the settings' headers and the configured timeout; reads answers within bounds."""

    def __init__(self, client: httpx.Client | httpx.AsyncClient, settings: Settings) -> None:
        self.client = client
        self.base_url = settings.base_url
        self.headers = settings.headers()
        self.timeout: Any = settings.timeout if settings.timeout is not None else httpx.USE_CLIENT_DEFAULT
        self.cap = settings.max_response_bytes

    def build(self, request: Request) -> httpx.Request:
        try:
            return self.client.build_request(
                request.method,
                self.base_url + request.path,
                params=request.params,
                json=request.json,
                headers={**self.headers, **request.headers},
                timeout=self.timeout,
            )
        except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as exc:
            raise InvalidRequest(f"the request could not be built: {type(exc).__name__}: {exc}") from None

    def reader(self, built: httpx.Request, response: httpx.Response, started: float) -> BodyReader:
        """A reader for ``response``'s body, bounded by the size cap and by the request's timeout as a whole.

        A transport that answered with its body already in memory (and so already decoded) gets
        the body handed over at once.
        """
        limit = total_timeout(built)
        deadline = started + limit if limit is not None else float("inf")
        in_memory = response.is_stream_consumed
        encoding = "" if in_memory else response.headers.get("content-encoding", "")
        reader = BodyReader(encoding=encoding, cap=self.cap, deadline=deadline, status_code=response.status_code)
        if in_memory:
            reader.add(response.content)
        return reader


def total_timeout(built: httpx.Request) -> float | None:
    """How long one attempt may take in all: the longest of the request's timeout phases (None: no limit)."""
    phases = built.extensions.get("timeout", {})
    limits = [float(value) for value in phases.values() if isinstance(value, (int, float))]
    return max(limits) if limits else None


def _failure(exc: httpx.HTTPError) -> ThreadShimError:
    """The error for an httpx failure that remains after retries."""
    if isinstance(exc, httpx.DecodingError):
        return UnexpectedResponse(
            f"the response body is not encoded as its content-encoding header says: {exc}", status_code=0, body=b""
        )
    return connection_error(exc)


def _keep(received: Received) -> None:
    """Nothing to release: a received answer is already read and closed."""


class SyncDriver:
    """Runs operations with an ``httpx.Client``; a :class:`Batch` runs on a pool of ``concurrency`` threads."""

    def __init__(self, client: httpx.Client, settings: Settings, policy: RetryPolicy, concurrency: int) -> None:
        self.client = client
        self.policy = policy
        self.concurrency = concurrency
        self._builder = _Builder(client, settings)
        self._threads: ThreadPoolExecutor | None = None

    def close(self) -> None:
        """Stop the worker threads, if any were started."""
        if self._threads is not None:
            self._threads.shutdown()

    def _attempt(self, built: httpx.Request) -> Received:
        started = time.monotonic()
        response = self.client.send(built, stream=True)
        try:
            reader = self._builder.reader(built, response, started)
            if not response.is_stream_consumed:
                for chunk in response.iter_raw() if reader.decodes else response.iter_bytes():
                    reader.add(chunk)
            return Received(response.status_code, response.headers, reader.finish())
        finally:
            response.close()

    def _send(self, request: Request) -> Received:
        built = self._builder.build(request)
        try:
            received = send_with_retries(lambda: self._attempt(built), self.policy, _keep)
        except httpx.HTTPError as exc:
            raise _failure(exc) from None
        return check(received)

    def _captured(self, operation: Call[T]) -> T | APIError:
        try:
            return self.run(operation)
        except APIError as exc:
            return exc

    def _answer(self, cursor: Cursor[Any], step: Step) -> None:
        try:
            if isinstance(step, Batch):
                if self._threads is None:
                    self._threads = ThreadPoolExecutor(self.concurrency, thread_name_prefix="threadshim")
                cursor.answer = list(self._threads.map(self._captured, step.operations))
            elif isinstance(step, Local):
                cursor.answer = step.work()
            else:
                cursor.answer = self._send(step)
        except ThreadShimError as exc:
            cursor.error = exc
        except Exception as exc:  # local work that failed otherwise: the operation sees it where it asked
            if not isinstance(step, Local):
                raise
            cursor.error = exc

    def run(self, operation: Call[T]) -> T:
        """Drive an operation to its result."""
        cursor = Cursor(operation)
        while (step := cursor.advance()) is not None:
            self._answer(cursor, cast(Step, step))
        return cast(T, cursor.result)

    def iterate(self, stream: Stream[T]) -> Iterator[T]:
        """Drive a stream, yielding each value it emits."""
        cursor: Cursor[None] = Cursor(stream)
        while (step := cursor.advance()) is not None:
            if isinstance(step, Emit):
                yield step.value
            else:
                self._answer(cursor, step)


class AsyncDriver:
    """Runs operations with an ``httpx.AsyncClient``; a :class:`Batch` runs as concurrent tasks."""

    def __init__(self, client: httpx.AsyncClient, settings: Settings, policy: RetryPolicy) -> None:
        self.client = client
        self.policy = policy
        self._builder = _Builder(client, settings)

    async def _attempt(self, built: httpx.Request) -> Received:
        started = time.monotonic()
        try:
            with anyio.fail_after(total_timeout(built)):
                response = await self.client.send(built, stream=True)
                try:
                    reader = self._builder.reader(built, response, started)
                    if not response.is_stream_consumed:
                        chunks = response.aiter_raw() if reader.decodes else response.aiter_bytes()
                        async for chunk in chunks:
                            reader.add(chunk)
                    return Received(response.status_code, response.headers, reader.finish())
                finally:
                    await response.aclose()
        except TimeoutError:
            raise httpx.ReadTimeout("the response took longer than the timeout to arrive", request=built) from None

    async def _send(self, request: Request) -> Received:
        built = self._builder.build(request)

        async def keep(received: Received) -> None:
            """Nothing to release: a received answer is already read and closed."""

        try:
            received = await send_with_retries_async(lambda: self._attempt(built), self.policy, keep)
        except httpx.HTTPError as exc:
            raise _failure(exc) from None
        return check(received)

    async def _captured(self, operation: Call[T]) -> T | APIError:
        try:
            return await self.run(operation)
        except APIError as exc:
            return exc

    async def _answer(self, cursor: Cursor[Any], step: Step) -> None:
        try:
            if isinstance(step, Batch):
                cursor.answer = list(await asyncio.gather(*(self._captured(op) for op in step.operations)))
            elif isinstance(step, Local):
                cursor.answer = await anyio.to_thread.run_sync(step.work)
            else:
                cursor.answer = await self._send(step)
        except ThreadShimError as exc:
            cursor.error = exc
        except Exception as exc:  # local work that failed otherwise: the operation sees it where it asked
            if not isinstance(step, Local):
                raise
            cursor.error = exc

    async def run(self, operation: Call[T]) -> T:
        """Drive an operation to its result."""
        cursor = Cursor(operation)
        while (step := cursor.advance()) is not None:
            await self._answer(cursor, cast(Step, step))
        return cast(T, cursor.result)

    async def iterate(self, stream: Stream[T]) -> AsyncIterator[T]:
        """Drive a stream, yielding each value it emits."""
        cursor: Cursor[None] = Cursor(stream)
        while (step := cursor.advance()) is not None:
            if isinstance(step, Emit):
                yield step.value
            else:
                await self._answer(cursor, step)
