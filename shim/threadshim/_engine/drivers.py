"""The two drivers: run an operation's steps with the caller's httpx client, synchronously or with asyncio.

Each request is built by the caller's client (``build_request``), so its default headers, params,
cookies, auth and event hooks apply; the driver adds the API key, the per-request headers and,
when one was configured, the timeout. Failed requests are retried by the :class:`RetryPolicy`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import httpx

from .._config import Settings
from .._errors import APIError, ThreadShimError
from .._retry import RetryPolicy, send_with_retries, send_with_retries_async
from .responses import check, connection_error
from .steps import Batch, Call, Emit, Request, Step, Stream

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

    def _answer(self, step: Step) -> Any:
        if isinstance(step, Batch):
            if self._threads is None:
                self._threads = ThreadPoolExecutor(self.concurrency, thread_name_prefix="threadshim")
            return list(self._threads.map(self._captured, step.operations))
        return self._send(step)

    def run(self, operation: Call[T]) -> T:
        """Drive an operation to its result."""
        answer: Any = None
        error: ThreadShimError | None = None
        while True:
            try:
                step = operation.throw(error) if error is not None else operation.send(answer)
            except StopIteration as stop:
                result: T = stop.value
                return result
            answer, error = None, None
            try:
                answer = self._answer(step)
            except ThreadShimError as exc:
                error = exc

    def iterate(self, stream: Stream[T]) -> Iterator[T]:
        """Drive a stream, yielding each value it emits."""
        answer: Any = None
        error: ThreadShimError | None = None
        while True:
            try:
                step = stream.throw(error) if error is not None else stream.send(answer)
            except StopIteration:
                return
            answer, error = None, None
            if isinstance(step, Emit):
                yield step.value
                continue
            try:
                answer = self._answer(step)
            except ThreadShimError as exc:
                error = exc


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

    async def _answer(self, step: Step) -> Any:
        if isinstance(step, Batch):
            return list(await asyncio.gather(*(self._captured(op) for op in step.operations)))
        return await self._send(step)

    async def run(self, operation: Call[T]) -> T:
        """Drive an operation to its result."""
        answer: Any = None
        error: ThreadShimError | None = None
        while True:
            try:
                step = operation.throw(error) if error is not None else operation.send(answer)
            except StopIteration as stop:
                result: T = stop.value
                return result
            answer, error = None, None
            try:
                answer = await self._answer(step)
            except ThreadShimError as exc:
                error = exc

    async def iterate(self, stream: Stream[T]) -> AsyncIterator[T]:
        """Drive a stream, yielding each value it emits."""
        answer: Any = None
        error: ThreadShimError | None = None
        while True:
            try:
                step = stream.throw(error) if error is not None else stream.send(answer)
            except StopIteration:
                return
            answer, error = None, None
            if isinstance(step, Emit):
                yield step.value
                continue
            try:
                answer = await self._answer(step)
            except ThreadShimError as exc:
                error = exc
