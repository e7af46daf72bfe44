"""A local emulator of the ChatKit, Assistants and Conversations APIs, for tests, demos and offline work.

``Emulator`` holds the state and answers requests; serve it in-process with ``emulator.transport()``
(an httpx transport), over loopback with ``EmulatorServer``, or from a terminal with
``threadshim serve``.
"""

from ._asgi import EmulatorServer, MissingServer, asgi_app, bind, serve
from ._emulator import Emulator
from ._faults import Failure, Faults
from ._reply import Reply
from ._seed import seed_demo, seed_legacy_bulk, seed_named
from ._seed_mixed import seed_legacy_mixed
from ._transport import EmulatorTransport
from ._world import SeedError

__all__ = [
    "Emulator",
    "EmulatorServer",
    "EmulatorTransport",
    "Failure",
    "Faults",
    "MissingServer",
    "Reply",
    "SeedError",
    "asgi_app",
    "bind",
    "seed_demo",
    "seed_legacy_bulk",
    "seed_legacy_mixed",
    "seed_named",
    "serve",
]
