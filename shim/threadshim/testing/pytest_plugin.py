"""Pytest fixtures for testing your own code against the emulator; loaded automatically once threadshim is installed.

- ``threadshim_emulator``: a fresh, deterministic in-process :class:`Emulator` (seed it, inspect it).
- ``threadshim_server``: that emulator served on a loopback port (``.base_url`` ends in ``/v1``),
  for code that takes a URL (``OPENAI_BASE_URL``) or uses the official ``openai`` SDK.
- ``threadshim_shim`` / ``threadshim_async_shim``: a :class:`ThreadShim` / :class:`AsyncThreadShim`
  wired to the in-process emulator, with retries that never sleep.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from .._client import AsyncThreadShim, ThreadShim
from .._retry import RetryPolicy
from ._asgi import EmulatorServer
from ._emulator import Emulator

TEST_KEY = "sk-threadshim-test"


@pytest.fixture
def threadshim_emulator() -> Iterator[Emulator]:
    """A fresh deterministic emulator, empty: seed it with ``seed_demo(emulator)`` or the ``add_*`` calls."""
    emulator = Emulator(deterministic=True)
    yield emulator
    emulator.close()


@pytest.fixture
def threadshim_server(threadshim_emulator: Emulator) -> Iterator[EmulatorServer]:
    """The emulator served over HTTP on a free loopback port; any bearer key is accepted."""
    with EmulatorServer(threadshim_emulator) as server:
        yield server


@pytest.fixture
def threadshim_shim(threadshim_emulator: Emulator) -> Iterator[ThreadShim]:
    """A ThreadShim talking to the in-process emulator; retries do not wait."""
    client = httpx.Client(transport=threadshim_emulator.transport())
    with ThreadShim(api_key=TEST_KEY, http_client=client, retry_policy=RetryPolicy.no_wait()) as shim:
        yield shim
    client.close()


@pytest.fixture
def threadshim_async_shim(threadshim_emulator: Emulator) -> AsyncThreadShim:
    """An AsyncThreadShim talking to the in-process emulator; use it with ``async with``."""
    client = httpx.AsyncClient(transport=threadshim_emulator.transport())
    return AsyncThreadShim(api_key=TEST_KEY, http_client=client, retry_policy=RetryPolicy.no_wait())
