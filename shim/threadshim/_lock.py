"""One writer per export file or journal: an advisory lock held beside it (``FILE.lock``) while a job runs."""

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
def exclusive(target: Path, *, job: str = "export") -> Iterator[None]:
    """Hold the lock of ``target`` (``target.lock``), or raise :class:`ExportLocked` naming the holder.

    The lock is the operating system's, so it is released however the holder ends, ``kill -9``
    included; the ``.lock`` file itself stays behind, holding the last holder's process id and job
    (so a reconcile refused while a migration runs names the migration).
    """
    lock_path = target.with_name(target.name + ".lock")
    with lock_path.open("a+", encoding="utf-8") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                pid, _, theirs = handle.read().strip().partition(" ")
                theirs = theirs or job  # a lock file of an earlier release holds the process id alone
                again = "re-run with --resume" if job == "export" else "re-run the same command"
                raise ExportLocked(
                    f"{target} is being written by another {theirs} (process {pid or 'unknown'}); wait for it to "
                    f"end, or stop it and {again}"
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {job}")
        handle.flush()
        yield
