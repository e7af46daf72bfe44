"""The archive's lines, made from the pile a chunk of threads at a time: in a worker process, or in the run's own.

Each line is joined from the texts stored when the messages were read (``_exportformat.encode_texts``),
so nothing is parsed again but each kept thread object. Worker processes make the chunks side by
side while the run writes the ones before them, in order (``fanout.ahead``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, NamedTuple

from .._exportformat import encode_texts
from .._mapping import thread_from_assistants, timestamp
from .pile import Kept, kept, reader
from .texts import Texts

_EPOCH = datetime.fromtimestamp(0, timezone.utc)


class Written(NamedTuple):
    """A thread as written: its id, whether it was made from its messages, and how many messages it holds."""

    id: str
    synthesized: bool
    messages: int


class Lines(NamedTuple):
    """A chunk's lines, joined (or the file a worker wrote them to), and its threads in the same order."""

    data: bytes
    threads: tuple[Written, ...]
    file: str | None = None


def lines(threads: Iterable[Kept]) -> Lines:
    """The export lines of ``threads``, each dated by the newest time its thread holds (no clock is read)."""
    texts: list[str] = []
    written: list[Written] = []
    for thread in threads:
        newest = _newest(thread.thread.get("created_at"), [m[2] for m in thread.messages])
        raw, views = [m[0] for m in thread.messages], [m[1] for m in thread.messages]
        texts.append(encode_texts(thread_from_assistants(thread.thread), raw, views, newest,
                                  synthesized=thread.synthesized))  # fmt: skip
        written.append(Written(thread.id, thread.synthesized, len(thread.messages)))
    return Lines("".join(texts).encode(), tuple(written))


_open = threading.local()
"""Each worker's read-only connection to the pile and its texts files (per thread: a connection is not shared)."""


def lines_from(pile: str, chunk: tuple[str, ...]) -> Lines:
    """The lines of ``chunk``'s threads from the pile at ``pile`` (in a worker, which keeps it open)."""
    held: tuple[str, sqlite3.Connection, Texts] | None = getattr(_open, "pile", None)
    if held is None or held[0] != pile:
        if held is not None:
            held[2].close()
            held[1].close()
        db = reader(pile)
        held = _open.pile = (pile, db, Texts(db))
    return lines(kept(held[1], held[2], chunk))


def lines_into(pile: str, folder: str, job: tuple[int, tuple[str, ...]]) -> Lines:
    """The lines of a numbered chunk's threads, written to a file of that number in ``folder`` (in a worker
    process: the run appends the file to the archive, a copy the kernel makes, then removes it).
    """
    number, chunk = job
    made = lines_from(pile, chunk)
    path = os.path.join(folder, f"lines-{number}")
    with open(path, "wb") as handle:
        handle.write(made.data)
    return Lines(b"", made.threads, path)


def _newest(created_at: Any, times: list[float | None]) -> datetime:
    """The newest time the thread holds (its own, its messages'), or the epoch when it holds none."""
    numbers = (t for t in (created_at, *times) if isinstance(t, (int, float)) and not isinstance(t, bool) and t == t)
    for number in sorted(numbers, reverse=True):  # the largest that is a time (one past year 9999 is not)
        moment = timestamp(number)
        if moment is not None:
            return moment
    return _EPOCH
