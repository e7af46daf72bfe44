"""The cassette harness: record scenarios against the emulator (or the real API), replay them offline.

A :class:`Scenario` has a ``setup`` that seeds a deterministic emulator (Python calls, no HTTP),
a ``run`` that makes the HTTP calls under test, and a ``check`` on what ``run`` returned. Recording
runs ``setup`` and ``run`` against the emulator with vcrpy in record mode ``all``, then ``check``;
replaying runs ``setup`` on a fresh deterministic emulator only to learn the same ids, then ``run``
with record mode ``none`` and no emulator in the path, so an unrecorded request fails loudly, and a
recorded interaction that was never requested fails the replay too.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import vcr
from threadshim.testing import Emulator

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
BASE_URL = "https://api.openai.com/v1"
TEST_KEY = "sk-threadshim-test-0000000000000000"
"""The key scenarios send; scrubbed from cassettes like any real key."""
READ_ONLY_KEY = "sk-threadshim-readonly-00000000000"

SECRET = re.compile(r"sk-[A-Za-z0-9_\-]{8,}")
_SECRET_HEADERS = ("authorization", "openai-organization", "openai-project", "cookie", "set-cookie")


@attrs.frozen
class Context:
    """What a scenario's ``run`` gets: where to send requests, with which key, through which transport."""

    base_url: str
    api_key: str
    facts: dict[str, Any]
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None

    def httpx_args(self, *, asynchronous: bool = False) -> dict[str, Any]:
        """Keyword arguments for the httpx client a scenario builds (the transport, when there is one)."""
        transport = self.async_transport if asynchronous else self.transport
        return {} if transport is None else {"transport": transport}


@attrs.frozen
class Scenario:
    """A recorded conversation with the API and what must hold of its outcome."""

    name: str
    run: Callable[[Context], Any]
    check: Callable[[Any, dict[str, Any]], None]
    setup: Callable[[Emulator], dict[str, Any]] | None = None

    @property
    def cassette(self) -> Path:
        """Where the recording lives."""
        return CASSETTES / f"{self.name}.yaml"


def scrub_text(text: str) -> str:
    """Replace anything shaped like an API key."""
    return SECRET.sub("sk-REDACTED", text)


def _scrub_request(request: Any) -> Any:
    for name in list(request.headers):
        if name.lower() in _SECRET_HEADERS:
            del request.headers[name]
    if request.body:
        body = request.body.decode() if isinstance(request.body, bytes) else request.body
        request.body = scrub_text(body).encode()
    request.uri = scrub_text(request.uri)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _SECRET_HEADERS or name.lower() in ("date", "server"):
            del headers[name]
    body = response.get("body", {}).get("string")
    if isinstance(body, bytes):
        response["body"]["string"] = scrub_text(body.decode("utf-8", "replace")).encode()
    elif isinstance(body, str):
        response["body"]["string"] = scrub_text(body)
    return response


def recorder(mode: str, directory: Path = CASSETTES) -> vcr.VCR:
    """A vcrpy configuration that matches on everything that identifies a request, and scrubs secrets."""
    return vcr.VCR(
        cassette_library_dir=str(directory),
        record_mode=mode,
        match_on=("method", "scheme", "host", "port", "path", "query", "body"),
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )


def facts_for(scenario: Scenario) -> tuple[Emulator, dict[str, Any]]:
    """Seed a fresh deterministic emulator the way the recording did, and return it with the facts."""
    emulator = Emulator(deterministic=True, api_keys={TEST_KEY}, read_only_keys=frozenset({READ_ONLY_KEY}))
    facts = scenario.setup(emulator) if scenario.setup else {}
    return emulator, facts


class UnplayedInteractions(AssertionError):
    """A replay ended with recorded interactions it never played: the code made fewer requests than recorded."""


@contextlib.contextmanager
def replaying(scenario: Scenario, directory: Path = CASSETTES) -> Iterator[Context]:
    """Replay a scenario's cassette; any request it does not hold raises, and so does one it holds but never gets."""
    _, facts = facts_for(scenario)
    with recorder("none", directory).use_cassette(scenario.cassette.name) as cassette:
        yield Context(BASE_URL, TEST_KEY, facts)
    if not cassette.all_played:
        raise UnplayedInteractions(
            f"{scenario.name}: {len(cassette) - cassette.play_count} of {len(cassette)} recorded interactions "
            "were never requested"
        )


def record(scenario: Scenario, *, real: bool = False, directory: Path = CASSETTES) -> Any:
    """Record a scenario into ``directory``: against the emulator, or the real API when ``real`` is set."""
    if real:
        if scenario.setup is not None:
            raise SystemExit(f"{scenario.name} seeds the emulator and cannot be recorded against the real API")
        context = Context(os.environ.get("OPENAI_BASE_URL", BASE_URL), os.environ["OPENAI_API_KEY"], {})
    else:
        emulator, facts = facts_for(scenario)
        transport = emulator.transport()
        context = Context(BASE_URL, TEST_KEY, facts, transport, transport)
    (directory / scenario.cassette.name).unlink(missing_ok=True)
    with recorder("all", directory).use_cassette(scenario.cassette.name):
        result = scenario.run(context)
    scenario.check(result, context.facts)
    return result
