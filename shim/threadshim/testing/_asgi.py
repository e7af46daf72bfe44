"""Serve an :class:`Emulator` over HTTP: a plain ASGI app, and a uvicorn server in a background thread."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from ._emulator import Emulator
from ._reply import Handler

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class DroppedConnection(Exception):
    """Raised mid-response so the server closes the connection, as a flaky network would."""


def asgi_app(emulator: Handler) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """Return an ASGI application that serves ``emulator``."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)  # repeated names kept
        reply = emulator.handle(scope["method"], scope["path"], query, headers, body)
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.drop:
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})
            raise DroppedConnection("emulated dropped connection")
        raw_headers = [(key.encode("latin-1"), value.encode("latin-1")) for key, value in reply.headers]
        await send({"type": "http.response.start", "status": reply.status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": reply.body})

    return app


class _QuietDrops(logging.Filter):
    """Keep emulated dropped connections out of the server's error log: they are on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DroppedConnection))


class MissingServer(ImportError):
    """uvicorn, which serves the emulator over HTTP, is not installed."""


def _uvicorn() -> Any:
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - depends on the install
        raise MissingServer("serving the emulator needs uvicorn: pip install 'threadshim[emulator]'") from None
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())
    return uvicorn


def bind(host: str = "127.0.0.1", port: int = 8787) -> socket.socket:
    """A listening socket on ``host:port``; raises ``OSError`` (for example, the port is in use)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(2048)
    except OSError:
        listener.close()
        raise
    return listener


def serve(
    emulator: Handler,
    host: str = "127.0.0.1",
    port: int = 8787,
    *,
    on_listening: Callable[[str], None] | None = None,
) -> None:
    """Serve ``emulator`` until interrupted (what ``threadshim serve`` runs).

    ``on_listening`` is called with the base URL once the server listens (from another thread).
    """
    uvicorn = _uvicorn()
    config = uvicorn.Config(asgi_app(emulator), host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    if on_listening is not None:

        def announce() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.01)
            if server.started:
                bound_host, bound_port = server.servers[0].sockets[0].getsockname()[:2]
                on_listening(f"http://{bound_host}:{bound_port}/v1")

        threading.Thread(target=announce, name="threadshim-announce", daemon=True).start()
    server.run()


class EmulatorServer:
    """Run the emulator on a loopback port in a background thread; ``base_url`` ends in ``/v1``."""

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", port: int = 0) -> None:
        uvicorn = _uvicorn()
        self.emulator = emulator
        config = uvicorn.Config(asgi_app(emulator), host=host, port=port, log_level="critical", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="threadshim-emulator", daemon=True)
        self.base_url = ""

    def __enter__(self) -> EmulatorServer:
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the emulator server did not start")
            threading.Event().wait(0.01)
        host, port = self._server.servers[0].sockets[0].getsockname()[:2]
        self.base_url = f"http://{host}:{port}/v1"
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
