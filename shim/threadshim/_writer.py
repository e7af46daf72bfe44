"""Append whole lines to a file and sync them to disk in groups, off the event loop."""

from __future__ import annotations

import asyncio
import os
import threading
from typing import TextIO


class GroupWriter:
    """Appends whole lines and syncs them to disk off the event loop, many lines per sync (group commit).

    Workers do not wait for the disk (a killed process loses nothing already written; the sync is
    for power loss), unless more than ``backlog`` lines are waiting, which bounds memory. A write
    that fails (a full disk) stops the writer: the error is raised to the next caller of
    :meth:`write` and by :meth:`close`, never lost in a background task.
    """

    def __init__(self, handle: TextIO, backlog: int = 1000) -> None:
        self._handle = handle
        self._backlog = backlog
        self._pending: list[str] = []
        self._flushing: asyncio.Task[None] | None = None
        self._error: OSError | None = None
        self._disk = threading.Lock()  # a commit still running in its thread never interleaves with another

    def _commit(self, text: str) -> None:
        with self._disk:
            self._handle.write(text)
            self._handle.flush()
            os.fsync(self._handle.fileno())

    async def _drain(self) -> None:
        try:
            while self._pending and self._error is None:
                batch, self._pending = self._pending, []
                await asyncio.to_thread(self._commit, "".join(batch))
        except OSError as exc:
            self._error = exc
        finally:
            self._flushing = None

    def _raise_failure(self) -> None:
        if self._error is not None:
            raise self._error

    async def write(self, line: str) -> None:
        """Queue ``line`` (ending in a newline) for the disk."""
        self._raise_failure()
        self._pending.append(line)
        if self._flushing is None:
            self._flushing = asyncio.create_task(self._drain())
        elif len(self._pending) > self._backlog:
            await asyncio.shield(self._flushing)
            self._raise_failure()

    async def close(self) -> None:
        """Wait for everything queued to reach the disk; raise what writing raised.

        A write always starts a drain when none runs, and a drain runs until nothing is queued or
        a commit fails, so once no drain runs, nothing is left queued but after a failure.
        """
        while self._flushing is not None:
            await self._flushing
        self._raise_failure()
