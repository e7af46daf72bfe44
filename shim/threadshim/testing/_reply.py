"""What the emulator answers, and OpenAI's error envelope."""

from __future__ import annotations

import json
from typing import Any, Protocol

import attrs


@attrs.frozen
class Reply:
    """What the emulator answers: status, headers and body, after ``delay`` seconds, or a dropped connection."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    drop: bool = False


@attrs.frozen
class Events:
    """An answer sent as server-sent events (a streamed response), one JSON object an event."""

    events: list[dict[str, Any]]

    def body(self) -> bytes:
        """The ``text/event-stream`` body: ``event:`` and ``data:`` lines, a blank line after each."""
        return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in self.events).encode()


class Handler(Protocol):
    """Anything that answers HTTP requests as the emulator does."""

    def handle(
        self, method: str, path: str, query: list[tuple[str, str]], headers: dict[str, str], body: bytes
    ) -> Reply:  # pragma: no cover - a protocol
        """Answer one request; ``query`` is its name-value pairs, a repeated name's every value kept."""
        ...


def envelope(message: str, type_: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    """OpenAI's error body."""
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}
