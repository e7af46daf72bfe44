"""AsyncThreadShim's own client spreads requests over small connection pools and still works end to end."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from threadshim import AsyncThreadShim
from threadshim._pool import PooledTransport
from threadshim.testing import Emulator, EmulatorServer


def test_pool_count_follows_the_connection_budget_and_pools_are_made_when_needed() -> None:
    assert PooledTransport(32)._size == 4 and PooledTransport(33)._size == 5 and PooledTransport(3)._size == 1
    assert PooledTransport(100_000)._size == 64  # capped: more pools stop helping long before that
    huge = PooledTransport(100_000)
    assert huge._pools == []  # nothing built (no CA bundle loaded) until a request needs it
    with pytest.raises(ValueError):
        PooledTransport(0)


async def test_requests_take_turns_over_the_pools_against_a_served_emulator() -> None:
    emulator = Emulator()
    ids = [emulator.add_thread({"metadata": {"user": "u"}, "tool_resources": {}})["id"] for _ in range(40)]
    with EmulatorServer(emulator) as server:
        async with AsyncThreadShim(api_key="sk-x", base_url=server.base_url, concurrency=16) as shim:
            transport = shim._http._transport
            assert isinstance(transport, PooledTransport)
            threads = await asyncio.gather(*(shim.retrieve(i) for i in ids))
            assert [t.id for t in threads] == ids
            used = [pool for pool in transport._pools if pool._pool.connections]
            assert len(used) == len(transport._pools) == 4
        assert all(not pool._pool.connections for pool in transport._pools)


def test_a_callers_client_is_used_as_given() -> None:
    client = httpx.AsyncClient()
    shim = AsyncThreadShim(api_key="sk-x", http_client=client)
    assert shim._http is client
