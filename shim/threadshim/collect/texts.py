"""Each message's texts (its canonical JSON and unified view) in append-only files beside the pile.

A worker process writes the texts of the messages it read to a file of its own and hands back only
where they are, so gigabytes of text never cross between processes or through SQLite's pages; the
pile keeps each message's place in a file, and the archive's lines are joined from what is read
back. Files are numbered by the pile (its ``files`` table), so any process can read them.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from .records import MessageRecord, Record

Stored = tuple[int, int, int]
"""Where a message's texts are in their file: the offset, then the canonical JSON's and the unified view's lengths."""


class TextsFile:
    """An append-only file of texts at ``path``; every write is in the file (the page cache) when it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._end = os.lseek(self._fd, 0, os.SEEK_END)

    def add(self, body: str, unified: str) -> Stored:
        """Append one message's texts; where they are."""
        raw, view = body.encode(), unified.encode()
        return self._append([raw, view])[0]

    def store(self, found: Iterable[Record]) -> list[Record]:
        """``found`` with each named message's texts written here (one write) and replaced by where they are."""
        kept: list[Record] = []
        chunks: list[bytes] = []
        for record in found:
            if isinstance(record, MessageRecord) and record.unified is not None:
                chunks.append(record.body.encode())
                chunks.append(record.unified.encode())
            kept.append(record)
        where = iter(self._append(chunks))
        return [
            MessageRecord(r.id, r.thread_id, r.created_at, "", None, r.place, next(where))
            if isinstance(r, MessageRecord) and r.unified is not None
            else r
            for r in kept
        ]

    def _append(self, chunks: list[bytes]) -> list[Stored]:
        """Write ``chunks`` (pairs of texts) at the end in one go; where each pair is."""
        places: list[Stored] = []
        at = self._end
        for number in range(0, len(chunks), 2):
            raw, view = len(chunks[number]), len(chunks[number + 1])
            places.append((at, raw, view))
            at += raw + view
        data = memoryview(b"".join(chunks))
        while data:
            data = data[os.write(self._fd, data) :]
        self._end = at
        return places

    def close(self) -> None:
        """Close the file (it is removed with the scratch folder)."""
        os.close(self._fd)


class Texts:
    """Texts read back from the files the pile ``db`` numbers, each file opened once."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._open: dict[int, int] = {}

    def read(self, file: int, stored: Stored) -> tuple[str, str]:
        """A message's canonical JSON and unified view."""
        descriptor = self._open.get(file)
        if descriptor is None:
            (path,) = self._db.execute("SELECT path FROM files WHERE number = ?", (file,)).fetchone()
            descriptor = self._open[file] = os.open(path, os.O_RDONLY)
        at, raw, view = stored
        data = os.pread(descriptor, raw + view, at)
        if len(data) != raw + view:
            raise OSError(f"the collect scratch file {file} ends before byte {at + raw + view}")
        return data[:raw].decode(), data[raw:].decode()

    def close(self) -> None:
        """Close every file opened."""
        for descriptor in self._open.values():
            os.close(descriptor)
        self._open.clear()


_mine = threading.local()
"""Each worker's own texts file (per thread too, so a pool of threads never shares one)."""


def spill(folder: str, found: list[Record]) -> tuple[list[Record], str]:
    """``found`` with its messages' texts written to this worker's file in ``folder``, and the file."""
    own: TextsFile | None = getattr(_mine, "file", None)
    if own is None or own.path.parent != Path(folder):
        if own is not None:
            own.close()
        own = _mine.file = TextsFile(Path(folder) / f"texts-{os.getpid()}-{threading.get_ident()}")
    return own.store(found), str(own.path)
