"""Under ``AsyncThreadShim``, reading an archive, a ChatKit store or a journal never stops the event loop.

Each read below is made to wait until a ticker on the event loop has ticked: run on the loop, it
would wait forever (here: until the read gives up, and the test fails); run as a local step in a
worker thread, the ticker goes on and the read finishes. No timing is measured.
"""

from __future__ import annotations

import asyncio
import functools
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from threadshim import AsyncThreadShim
from threadshim.archive import Archive
from threadshim.chatkit import SQLStore
from threadshim.migrate import Journal

EARLIER = Path(__file__).resolve().parent.parent / "fixtures" / "release-2026-12-04"
MIGRATED = "thread_2yW4Acq9GFz6Y1t9EwL56nGi"  # in the store and both journals
NOT_MIGRATED = "thread_kSRn9XdYRk2kvHqhM6CQlaER"


class LoopStood(AssertionError):
    """The event loop did not tick while a local read waited for it."""


def _after_ticks(original: Callable[..., Any], ticked: threading.Event) -> Callable[..., Any]:
    """``original``, made to wait until the ticker has ticked (a blocking wait, as a slow disk is)."""

    @functools.wraps(original)
    def waiting(*args: Any, **kwargs: Any) -> Any:
        if not ticked.wait(timeout=30):
            raise LoopStood("the event loop stood still while a local read ran")
        return original(*args, **kwargs)

    return waiting


async def _ticking(read: Callable[[], Any], ticked: threading.Event) -> tuple[Any, int]:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0)
            ticks += 1
            if ticks >= 20:
                ticked.set()

    task = asyncio.ensure_future(ticker())
    try:
        return await read(), ticks
    finally:
        task.cancel()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name in ("legacy.jsonl", "conversations.db", "store.db"):
        shutil.copy2(EARLIER / name, tmp_path / name)
    return tmp_path


def test_an_archive_read_runs_beside_the_loop(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ticked = threading.Event()
    archive = Archive(files / "legacy.jsonl")
    monkeypatch.setattr(archive, "retrieve", _after_ticks(archive.retrieve, ticked))

    async def read() -> Any:
        async with AsyncThreadShim(archive=archive) as shim:
            return await shim.retrieve(NOT_MIGRATED)

    thread, ticks = asyncio.run(_ticking(read, ticked))
    assert thread.id == NOT_MIGRATED and ticks >= 20


def test_a_store_read_runs_beside_the_loop(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ticked = threading.Event()
    original = SQLStore.owner_of

    async def owner_of(self: SQLStore[Any], thread_id: str) -> str | None:
        await asyncio.to_thread(_after_ticks(lambda: None, ticked))  # the store's own loop waits in a thread
        return await original(self, thread_id)

    monkeypatch.setattr(SQLStore, "owner_of", owner_of)
    stored = "thr_" + MIGRATED.removeprefix("thread_")

    async def read() -> Any:
        async with AsyncThreadShim(store=f"sqlite:///{files / 'store.db'}") as shim:
            return await shim.retrieve(stored), [item.text async for item in shim.items(stored)]

    (thread, texts), ticks = asyncio.run(_ticking(read, ticked))
    assert (thread.id, thread.legacy_id, texts) == (stored, MIGRATED, ["question 0", "answer 0"]) and ticks >= 20


def test_a_journal_read_runs_beside_the_loop(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ticked = threading.Event()
    monkeypatch.setattr(Journal, "target_of", _after_ticks(Journal.target_of, ticked))

    async def read() -> Any:
        # with a key, a journal answers for its legacy ids (migrated ones from Conversations, the rest from the archive)
        options: dict[str, Any] = {"journal": files / "conversations.db", "archive": files / "legacy.jsonl"}
        async with AsyncThreadShim(api_key="sk-test", **options) as shim:
            return await shim.retrieve(NOT_MIGRATED)

    thread, ticks = asyncio.run(_ticking(read, ticked))
    assert thread.id == NOT_MIGRATED and thread.source == "assistants" and ticks >= 20
