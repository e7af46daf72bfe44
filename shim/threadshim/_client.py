"""``ThreadShim`` and ``AsyncThreadShim``: thin sync and async drivers over :class:`ShimCore`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal

import httpx
from typing_extensions import Unpack

from ._core import Batch, Emit, Op, ShimCore, ShimOptions, check, connection_error
from ._errors import APIError
from ._models import ToolResources, UnifiedItem, UnifiedThread
from ._pool import PooledTransport
from ._retry import send_with_retries, send_with_retries_async


class ThreadShim(ShimCore):
    """One synchronous interface over legacy Assistants threads and ChatKit threads.

    Configured like the official SDK: ``api_key`` (else ``OPENAI_API_KEY``), ``base_url`` (else
    ``OPENAI_BASE_URL``, else ``https://api.openai.com/v1``), ``organization``/``project`` (else
    ``OPENAI_ORG_ID``/``OPENAI_PROJECT_ID``), ``timeout``, ``max_retries`` and an optional
    ``http_client``. Legacy threads have no title or user of their own: they are read from the
    metadata keys ``title_key`` and ``user_key``. ``concurrency`` bounds the legacy fetches of :meth:`list`.
    With ``archive`` (an export file or :class:`~threadshim.archive.Archive`), legacy threads and their
    messages are read from it instead of the API (read-only); ChatKit threads still come from the API.
    """

    def __init__(self, *, http_client: httpx.Client | None = None, **options: Unpack[ShimOptions]) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()
        self._pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> ThreadShim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release connections (and the worker pool) this client opened."""
        if self._pool is not None:
            self._pool.shutdown()
        if self._owns_http:
            self._http.close()

    # ---------------------------------------------------------------- sending

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = send_with_retries(lambda: self._http.send(request), self._policy)
        except httpx.TransportError as exc:
            raise connection_error(exc) from None
        return check(response)

    def _send_or_error(self, request: httpx.Request) -> httpx.Response | APIError:
        try:
            return self._send(request)
        except APIError as exc:
            return exc

    def _answer(self, step: httpx.Request | Batch | Emit) -> Any:
        if isinstance(step, Emit):
            raise TypeError("an operation emitted a value where a result was expected")
        if isinstance(step, Batch):
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="threadshim")
            return list(self._pool.map(self._send_or_error, step.requests))
        return self._send(step)

    def _call(self, op: Op) -> Any:
        try:
            step = next(op)
            while True:
                step = op.send(self._answer(step))
        except StopIteration as stop:
            return stop.value

    def _iterate(self, op: Op) -> Iterator[Any]:
        step = next(op, None)
        while step is not None:
            if isinstance(step, Emit):
                yield step.value
                step = next(op, None)
            else:
                try:
                    step = op.send(self._answer(step))
                except StopIteration:
                    return

    # ---------------------------------------------------------------- public API

    def retrieve(self, thread_id: str) -> UnifiedThread:
        """Fetch a thread of either kind: ``thread_…`` from Assistants, ``cthr_…`` from ChatKit."""
        result: UnifiedThread = self._call(self.retrieve_op(thread_id))
        return result

    def list(
        self,
        *,
        user: str | None = None,
        order: Literal["asc", "desc"] = "desc",
        legacy_ids: Iterable[str] | None = None,
        on_missing: Literal["raise", "skip"] = "raise",
    ) -> Iterator[UnifiedThread]:
        """Iterate over ChatKit threads (every page) merged with the legacy threads named by ``legacy_ids``.

        The Assistants API cannot list threads, so legacy threads come from ids you hold, in the
        same ``created_at`` order as ``order``; those whose metadata ``user`` differs from ``user``
        are left out. ``on_missing="skip"`` passes over legacy ids that no longer exist.
        """
        return self._iterate(self.list_op(user, order, legacy_ids, on_missing))

    def items(self, thread_id: str, *, order: Literal["asc", "desc"] = "asc") -> Iterator[UnifiedItem]:
        """Iterate over a thread's messages (legacy) or items (ChatKit), every page, oldest first by default."""
        return self._iterate(self.items_op(thread_id, order))

    def update(
        self,
        thread_id: str,
        *,
        metadata: Mapping[str, str] | None = None,
        tool_resources: ToolResources | Mapping[str, Any] | None = None,
    ) -> UnifiedThread:
        """Replace a legacy thread's metadata and/or tool resources; ChatKit threads raise UnsupportedOperation."""
        result: UnifiedThread = self._call(self.update_op(thread_id, metadata, tool_resources))
        return result

    def delete(self, thread_id: str) -> bool:
        """Delete a thread of either kind (a ChatKit thread takes its items with it)."""
        return bool(self._call(self.delete_op(thread_id)))


class AsyncThreadShim(ShimCore):
    """The asynchronous twin of :class:`ThreadShim`: the same arguments and methods, awaited."""

    def __init__(self, *, http_client: httpx.AsyncClient | None = None, **options: Unpack[ShimOptions]) -> None:
        super().__init__(**options)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(transport=PooledTransport(max(32, self.concurrency)))

    async def __aenter__(self) -> AsyncThreadShim:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Release connections this client opened."""
        if self._owns_http:
            await self._http.aclose()

    # ---------------------------------------------------------------- sending

    async def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await send_with_retries_async(lambda: self._http.send(request), self._policy)
        except httpx.TransportError as exc:
            raise connection_error(exc) from None
        return check(response)

    async def _send_or_error(self, request: httpx.Request) -> httpx.Response | APIError:
        try:
            return await self._send(request)
        except APIError as exc:
            return exc

    async def _answer(self, step: httpx.Request | Batch | Emit) -> Any:
        if isinstance(step, Emit):
            raise TypeError("an operation emitted a value where a result was expected")
        if isinstance(step, Batch):
            return list(await asyncio.gather(*(self._send_or_error(r) for r in step.requests)))
        return await self._send(step)

    async def _call(self, op: Op) -> Any:
        try:
            step = next(op)
            while True:
                step = op.send(await self._answer(step))
        except StopIteration as stop:
            return stop.value

    async def _iterate(self, op: Op) -> AsyncIterator[Any]:
        step = next(op, None)
        while step is not None:
            if isinstance(step, Emit):
                yield step.value
                step = next(op, None)
            else:
                try:
                    step = op.send(await self._answer(step))
                except StopIteration:
                    return

    # ---------------------------------------------------------------- public API

    async def retrieve(self, thread_id: str) -> UnifiedThread:
        """Fetch a thread of either kind."""
        result: UnifiedThread = await self._call(self.retrieve_op(thread_id))
        return result

    def list(
        self,
        *,
        user: str | None = None,
        order: Literal["asc", "desc"] = "desc",
        legacy_ids: Iterable[str] | None = None,
        on_missing: Literal["raise", "skip"] = "raise",
    ) -> AsyncIterator[UnifiedThread]:
        """Iterate (``async for``) over ChatKit threads merged with legacy threads; see :meth:`ThreadShim.list`."""
        return self._iterate(self.list_op(user, order, legacy_ids, on_missing))

    def items(self, thread_id: str, *, order: Literal["asc", "desc"] = "asc") -> AsyncIterator[UnifiedItem]:
        """Iterate (``async for``) over a thread's messages or items."""
        return self._iterate(self.items_op(thread_id, order))

    async def update(
        self,
        thread_id: str,
        *,
        metadata: Mapping[str, str] | None = None,
        tool_resources: ToolResources | Mapping[str, Any] | None = None,
    ) -> UnifiedThread:
        """Replace a legacy thread's metadata and/or tool resources."""
        result: UnifiedThread = await self._call(self.update_op(thread_id, metadata, tool_resources))
        return result

    async def delete(self, thread_id: str) -> bool:
        """Delete a thread of either kind."""
        return bool(await self._call(self.delete_op(thread_id)))
