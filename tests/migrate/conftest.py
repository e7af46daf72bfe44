"""What the migration tests share: legacy threads exported to an archive, and reading back the conversations."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import httpx
from threadshim import AsyncThreadShim
from threadshim.export import export
from threadshim.testing import Emulator

KEY = "sk-test"
BASE = "https://api.openai.com/v1"


def archive_of(emulator: Emulator, ids: list[str], path: Path) -> Path:
    """Export ``ids`` from the emulator to ``path``, then remove them from the API, as after the shutdown."""

    async def run() -> None:
        client = httpx.AsyncClient(transport=emulator.transport())
        async with AsyncThreadShim(api_key=KEY, http_client=client) as shim:
            with open(os.devnull, "w") as quiet:
                await export(shim, ids, path, progress=quiet)

    asyncio.run(run())
    for thread_id in ids:
        emulator.store.delete("thread", thread_id)
    return path


def conversation(emulator: Emulator, conversation_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A conversation and every item it holds, oldest first, as the emulator serves them."""
    api = httpx.Client(base_url=BASE, transport=emulator.transport(), headers={"Authorization": f"Bearer {KEY}"})
    found = api.get(f"/conversations/{conversation_id}").json()
    items: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        params: dict[str, Any] = {"order": "asc", "limit": 100, **({"after": after} if after else {})}
        page = api.get(f"/conversations/{conversation_id}/items", params=params).json()
        items += page["data"]
        if not page["has_more"]:
            return found, items
        after = page["last_id"]


def conversations(emulator: Emulator) -> list[str]:
    """The id of every conversation the emulator holds (referenced by a journal or not)."""
    return emulator.store.ids("conversation")


def texts(items: list[dict[str, Any]]) -> list[str]:
    """The first text of each item, in order."""
    return [next((p.get("text") or p.get("refusal") for p in i["content"]), "") for i in items]


def text_part(value: Any, annotations: Any = None) -> dict[str, Any]:
    """A legacy text content part holding ``value`` (any JSON, to try odd ones) and ``annotations``."""
    return {"type": "text", "text": {"value": value, "annotations": annotations if annotations is not None else []}}


def citation(text: str, start: Any, end: Any, file_id: Any = "file-c", **extra: Any) -> dict[str, Any]:
    """A legacy ``file_citation`` annotation over ``text`` at ``start``…``end`` (any JSON, to try odd ones)."""
    span = {"start_index": start, "end_index": end}
    return {"type": "file_citation", "text": text, "file_citation": {"file_id": file_id}, **span, **extra}


def file_path_note(text: str, start: Any, end: Any, file_id: Any = "file-p") -> dict[str, Any]:
    """A legacy ``file_path`` annotation over ``text`` at ``start``…``end``."""
    return {
        "type": "file_path",
        "text": text,
        "file_path": {"file_id": file_id},
        "start_index": start,
        "end_index": end,
    }


def states(journal: Path, state: str) -> int:
    """How many threads ``journal`` holds in ``state`` (0 when there is no journal yet)."""
    from threadshim.migrate import Journal

    if not journal.exists():
        return 0
    with Journal(journal, read_only=True) as opened:
        return sum(entry.state == state for entry in opened.entries())
