"""What the CLI tests share: the demo data set, served on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from threadshim.testing import Emulator, EmulatorServer, seed_demo


@pytest.fixture
def served() -> Iterator[tuple[str, dict[str, Any], Emulator]]:
    """The base URL of a served deterministic emulator with the demo data, its ids, and the emulator."""
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    with EmulatorServer(emulator) as server:
        yield server.base_url, facts, emulator
