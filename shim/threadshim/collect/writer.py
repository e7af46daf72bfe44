"""Bytes written to a file by a thread of their own, so the run goes on making the next lines meanwhile.

Writing a gigabyte into the page cache takes seconds of the writing thread's time, with the
interpreter's lock let go; a bounded queue keeps at most ``QUEUED`` blocks (a chunk of threads'
lines each) waiting.
"""

from __future__ import annotations

import os
import queue
import shutil
import threading
from types import TracebackType
from typing import IO

QUEUED = 4


class Writer:
    """Writes to ``handle`` in a thread; :meth:`close` waits for every line and raises what writing raised."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._lines: queue.Queue[bytes | str | None] = queue.Queue(QUEUED)
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="threadshim-collect-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (line := self._lines.get()) is not None:
            if self._failed is None:
                try:
                    if isinstance(line, str):
                        _append(line, self._handle)
                    else:
                        self._handle.write(line)
                except BaseException as exc:  # raised in the run's thread, at its next write or at close
                    self._failed = exc

    def write(self, line: bytes) -> None:
        """Queue ``line`` (waiting while the queue is full); raise what an earlier write raised."""
        self._raise()
        self._lines.put(line)

    def move(self, path: str) -> None:
        """Queue the file at ``path``: its bytes are appended, then it is removed."""
        self._raise()
        self._lines.put(path)

    def close(self) -> None:
        """Wait until every queued line is written; raise what writing raised."""
        if self._thread.is_alive():
            self._lines.put(None)
            self._thread.join()
        self._raise()

    def _raise(self) -> None:
        if self._failed is not None:
            raise self._failed

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._thread.is_alive():  # interrupted: let the thread end, the file is removed after
            self._lines.put(None)
            self._thread.join()


def _append(path: str, handle: IO[bytes]) -> None:
    """Append the file at ``path`` to ``handle`` (unbuffered), copied by the kernel where it can, then remove it."""
    with open(path, "rb") as source:
        left = os.fstat(source.fileno()).st_size
        try:
            while left > 0 and (copied := os.copy_file_range(source.fileno(), handle.fileno(), left)) > 0:
                left -= copied
        except (AttributeError, OSError):  # no such call here, or not between these two file systems
            pass
        if left > 0:
            shutil.copyfileobj(source, handle)  # from where the kernel's copy stopped
    os.unlink(path)
