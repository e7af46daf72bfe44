"""Serve an :class:`Emulator` in-process as an httpx transport, for sync and async clients alike.

It is an ``httpx.MockTransport`` so that HTTP recorders which hook httpx transports (vcrpy) see it.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from ._emulator import Emulator, Reply


def _in_async_task() -> bool:
    try:
        return asyncio.current_task() is not None
    except RuntimeError:
        return False


class EmulatorTransport(httpx.MockTransport):
    """Answer requests from the emulator; latency sleeps without blocking an event loop."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        super().__init__(self._answer)  # type: ignore[arg-type]  # answers sync or async by context

    def _answer(self, request: httpx.Request) -> httpx.Response | Coroutine[Any, Any, httpx.Response]:
        reply = self.emulator.handle(
            request.method,
            request.url.path,
            dict(request.url.params),
            {key.lower(): value for key, value in request.headers.items()},
            request.content,
        )
        if _in_async_task():
            return self._later(reply, request)
        if reply.delay:
            time.sleep(reply.delay)
        return _response(reply, request)

    async def _later(self, reply: Reply, request: httpx.Request) -> httpx.Response:
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return _response(reply, request)


def _response(reply: Reply, request: httpx.Request) -> httpx.Response:
    if reply.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return httpx.Response(reply.status, headers=list(reply.headers), content=reply.body, request=request)
