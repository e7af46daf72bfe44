"""A transport that spreads requests over several small connection pools, made as they are needed.

httpcore checks every idle connection of a pool each time it hands out or takes back a
connection, so one pool of 32 connections spends more CPU per request than four pools of 8.
Measured on this project's export (50 ms latency, 32 requests in flight, httpx 0.28): one pool of
32 kept-alive connections reached 239 requests/s, four pools of 8 reached 544. Pools are built
on first use, all with one TLS context (loading the CA bundle takes tens of milliseconds), and
there are at most ``MAX_POOLS``.
"""

from __future__ import annotations

import math
import ssl

import httpx

PER_POOL = 8
MAX_POOLS = 64
MIGRATION_POOL = 4
"""Connections per pool of a migration's client: with 16 requests in flight, pools of 4 gave the
migration 0.84 of a plain client's rate (``bench/journal.py``), pools of 8 about 0.8."""


class PooledTransport(httpx.AsyncBaseTransport):
    """Round-robin over up to ``ceil(connections / 8)`` pools (at most 64) of at most 8 connections each."""

    def __init__(self, connections: int = 32, *, per_pool: int = PER_POOL) -> None:
        if connections < 1 or per_pool < 1:
            raise ValueError("connections and per_pool must be at least 1")
        self._limits = httpx.Limits(max_connections=per_pool, max_keepalive_connections=per_pool)
        self._pools: list[httpx.AsyncHTTPTransport] = []
        self._size = min(math.ceil(connections / per_pool), MAX_POOLS)
        self._turn = 0
        self._tls: ssl.SSLContext | None = None

    def _next(self) -> httpx.AsyncHTTPTransport:
        index, self._turn = self._turn, (self._turn + 1) % self._size
        if index == len(self._pools):
            self._tls = self._tls or httpx.create_ssl_context()
            self._pools.append(httpx.AsyncHTTPTransport(verify=self._tls, limits=self._limits))
        return self._pools[index]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send through the next pool in turn."""
        return await self._next().handle_async_request(request)

    async def aclose(self) -> None:
        """Close every pool."""
        for pool in self._pools:
            await pool.aclose()
