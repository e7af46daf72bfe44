"""The emulator's own routes under ``/_emulator/`` (not OpenAI's API): seeding over HTTP."""

from __future__ import annotations

import re
from typing import Any

from .._json import loads
from ._responses import script
from ._rules import Refusal
from ._seed import seed_named
from ._world import SeedError, World

_ITEMS = re.compile(r"/_emulator/chatkit/threads/([^/]+)/items")
_MESSAGES = re.compile(r"/_emulator/threads/([^/]+)/messages")


def control(world: World, method: str, path: str, body: bytes) -> dict[str, Any]:
    """Answer a control request with a JSON body, or raise :class:`Refusal`."""
    if method.upper() == "GET" and path == "/_emulator/seeded":
        return world.thread_ids()
    try:
        data = loads(body) if body.strip() else {}
        if method.upper() != "POST" or not isinstance(data, dict):
            raise Refusal(404, f"Invalid URL ({method.upper()} {path})")
        if path == "/_emulator/chatkit/threads":
            return world.add_chatkit_thread(**data)
        match = _ITEMS.fullmatch(path)
        if match:
            return world.add_chatkit_item(match.group(1), data)
        if path == "/_emulator/threads":
            return world.add_thread(data)
        match = _MESSAGES.fullmatch(path)
        if match:
            return world.add_message(match.group(1), data)
        if path == "/_emulator/responses/script":
            replies = data.get("replies")
            if not isinstance(replies, list):
                raise Refusal(400, "Bad emulator request: 'replies' must be a list of texts or function calls")
            return {"queued": script(world.store, world.ids, replies)}
        if path == "/_emulator/seed":
            return seed_named(world, str(data.get("name", "demo")))
    except SeedError as exc:
        raise Refusal(exc.status, str(exc)) from None
    except (TypeError, ValueError, KeyError) as exc:
        raise Refusal(400, f"Bad emulator request: {exc}") from None
    raise Refusal(404, f"Invalid URL ({method.upper()} {path})")
