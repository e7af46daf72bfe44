"""Append whole lines to a file and sync them to disk in groups, off the event loop."""

from __future__ import annotations

import asyncio
import os
from typing import TextIO


class GroupWriter:
    """Appends whole lines and syncs them to disk off the event loop, many lines per sync (group commit).

    Workers do not wait for the disk (a killed process loses nothing already written; the sync is
    for power loss), unless more than ``backlog`` lines are waiting, which bounds memory.
    """

    def __init__(self, handle: TextIO, backlog: int = 1000) -> None:
        self._handle = handle
        self._backlog = backlog
        self._pending: list[str] = []
        self._flushing: asyncio.Task[None] | None = None

    def _commit(self, text: str) -> None:
        self._handle.write(text)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                await asyncio.to_thread(self._commit, "".join(batch))
        finally:
            self._flushing = None

    async def write(self, line: str) -> None:
        """Queue ``line`` (ending in a newline) for the disk."""
        self._pending.append(line)
        if self._flushing is None:
            self._flushing = asyncio.create_task(self._drain())
        elif len(self._pending) > self._backlog:
            await asyncio.shield(self._flushing)

    async def close(self) -> None:
        """Wait for everything queued to reach the disk; raise what writing raised."""
        while self._flushing is not None:
            await self._flushing
        if self._pending:  # a failed drain left lines behind: write them here, raising if it fails again
            batch, self._pending = self._pending, []
            self._commit("".join(batch))
