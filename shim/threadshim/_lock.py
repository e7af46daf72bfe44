"""One writer per export file: an advisory lock held beside it (``FILE.lock``) for as long as an export runs."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ._errors import ExportLocked

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def exclusive(target: Path) -> Iterator[None]:
    """Hold the lock of ``target`` (``target.lock``), or raise :class:`ExportLocked` naming the holder.

    The lock is the operating system's, so it is released however the holder ends, ``kill -9``
    included; the ``.lock`` file itself stays behind, holding the last holder's process id.
    """
    lock_path = target.with_name(target.name + ".lock")
    with lock_path.open("a+", encoding="utf-8") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                raise ExportLocked(
                    f"{target} is being written by another export (process {holder}); wait for it to end, "
                    "or stop it and re-run with --resume"
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
