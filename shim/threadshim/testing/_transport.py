"""Serve the emulator in-process as an httpx transport, with one handler for sync clients and one for async.

It is an ``httpx.MockTransport`` so that HTTP recorders which hook that class (vcrpy) see every
request. ``MockTransport`` calls a single handler for both kinds of client, so the async entry
point marks its context and the handler picks the async path only there: a sync client works
wherever it is called from, a running event loop included.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import Awaitable

import httpx

from ._reply import Handler, Reply

_ASYNC = contextvars.ContextVar("threadshim_emulator_async", default=False)


class EmulatorTransport(httpx.MockTransport):
    """Answer requests from an emulator; added latency sleeps without blocking an event loop."""

    def __init__(self, emulator: Handler) -> None:
        self.emulator = emulator
        super().__init__(self._dispatch)  # type: ignore[arg-type]  # sync or async, by context

    def _dispatch(self, request: httpx.Request) -> httpx.Response | Awaitable[httpx.Response]:
        return self._answer_async(request) if _ASYNC.get() else self._answer_sync(request)

    def _reply(self, request: httpx.Request) -> Reply:
        headers = {key.lower(): value for key, value in request.headers.items()}
        return self.emulator.handle(
            request.method, request.url.path, request.url.params.multi_items(), headers, request.content
        )

    def _answer_sync(self, request: httpx.Request) -> httpx.Response:
        reply = self._reply(request)
        if reply.delay:
            time.sleep(reply.delay)
        return _response(reply, request)

    async def _answer_async(self, request: httpx.Request) -> httpx.Response:
        reply = self._reply(request)
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return _response(reply, request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Serve an async client's request (through ``MockTransport``'s own entry point, which recorders hook)."""
        token = _ASYNC.set(True)
        try:
            return await super().handle_async_request(request)
        finally:
            _ASYNC.reset(token)


def _response(reply: Reply, request: httpx.Request) -> httpx.Response:
    if reply.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return httpx.Response(reply.status, headers=list(reply.headers), content=reply.body, request=request)
