"""The two drivers: run an operation's steps with the caller's httpx client, synchronously or with asyncio.

Each request is built by the caller's client (``build_request``), so its default headers, params,
cookies, auth and event hooks apply; the driver adds the API key, the per-request headers and,
when one was configured, the timeout. Failed requests are retried by the :class:`RetryPolicy`; an
error that remains is thrown into the operation, which may handle it or let it propagate.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, cast

import httpx

from .._config import Settings
from .._errors import APIError, ThreadShimError
from .._retry import RetryPolicy, send_with_retries, send_with_retries_async
from .responses import check, connection_error
from .steps import Batch, Call, Cursor, Emit, Request, Step, Stream

T = TypeVar("T")


class _Builder:
    """Builds requests with a client, the settings' headers and the configured timeout."""

    def __init__(self, client: httpx.Client | httpx.AsyncClient, settings: Settings) -> None:
        self.client = client
        self.base_url = settings.base_url
        self.headers = settings.headers()
        self.timeout: Any = settings.timeout if settings.timeout is not None else httpx.USE_CLIENT_DEFAULT

    def build(self, request: Request) -> httpx.Request:
        return self.client.build_request(
            request.method,
            self.base_url + request.path,
            params=request.params,
            json=request.json,
            headers={**self.headers, **request.headers},
            timeout=self.timeout,
        )


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

    def _send(self, request: Request) -> httpx.Response:
        built = self._builder.build(request)
        try:
            response = send_with_retries(lambda: self.client.send(built), self.policy)
        except httpx.TransportError as exc:
            raise connection_error(exc) from None
        return check(response)

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
            else:
                cursor.answer = self._send(step)
        except ThreadShimError as exc:
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

    async def _send(self, request: Request) -> httpx.Response:
        built = self._builder.build(request)
        try:
            response = await send_with_retries_async(lambda: self.client.send(built), self.policy)
        except httpx.TransportError as exc:
            raise connection_error(exc) from None
        return check(response)

    async def _captured(self, operation: Call[T]) -> T | APIError:
        try:
            return await self.run(operation)
        except APIError as exc:
            return exc

    async def _answer(self, cursor: Cursor[Any], step: Step) -> None:
        try:
            if isinstance(step, Batch):
                cursor.answer = list(await asyncio.gather(*(self._captured(op) for op in step.operations)))
            else:
                cursor.answer = await self._send(step)
        except ThreadShimError as exc:
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
