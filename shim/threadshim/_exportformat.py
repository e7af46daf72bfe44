"""The export file format, in one place: one JSON line a thread, how it is written, read and recovered.

A line is ``{"id", "exported_at", "thread", "messages", "unified"}``: the thread and every message
exactly as the API sent them, and the unified view. Lines are appended whole; the only damage a
crash can do is a *torn* last line, one that does not end in a newline. Readers ignore it and
``recover`` cuts it off; a complete line that is not a record is *damaged* and is never cut.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import attrs

from ._json import STORED_DEPTH, loads, plain_text, text
from ._models import UnifiedItem, UnifiedThread


def thread_json(thread: UnifiedThread) -> dict[str, Any]:
    """The unified view of a thread as plain JSON (``raw`` left out: it is stored beside it)."""
    return thread.to_dict(raw=False)


def item_json(item: UnifiedItem) -> dict[str, Any]:
    """The unified view of an item as plain JSON (``raw`` left out)."""
    return item.to_dict(raw=False)


def encode(
    thread: UnifiedThread, messages: Sequence[UnifiedItem], exported_at: datetime, *, synthesized: bool = False
) -> str:
    """One export line (ending in a newline) for a thread and its messages.

    ``synthesized``: no thread object was saved, so the thread was made from its messages (``collect``).
    """
    raw, unified = [text(m.raw) for m in messages], [plain_text(item_json(m)) for m in messages]
    return encode_texts(thread, raw, unified, exported_at, synthesized=synthesized)


def encode_texts(
    thread: UnifiedThread,
    raw: Sequence[str],
    unified: Sequence[str],
    exported_at: datetime,
    *,
    synthesized: bool = False,
) -> str:
    """The line :func:`encode` writes, from each message's wire JSON (as :func:`text` writes it) and unified view.

    ``collect`` encodes each message once, where it reads it, and joins the stored texts here.
    """
    head = f'{{"id":{text(thread.id)},"exported_at":{text(exported_at.isoformat())},"thread":{text(thread.raw)}'
    made = ',"synthesized":true' if synthesized else ""
    views = f'{{"thread":{plain_text(thread_json(thread))},"messages":[{",".join(unified)}]}}'
    return f'{head},"messages":[{",".join(raw)}]{made},"unified":{views}}}\n'


def decode(line: bytes) -> dict[str, Any] | None:
    """The record a complete line holds, or None when the line is not an export record."""
    try:
        record = loads(line, STORED_DEPTH)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    if not isinstance(record.get("thread"), dict) or not isinstance(record.get("messages"), list):
        return None
    return record


@attrs.frozen
class Line:
    """One line of an export: where it starts and ends, its number, and its record (None: damaged)."""

    offset: int
    end: int
    number: int
    record: dict[str, Any] | None


def scan(handle: IO[bytes]) -> Iterator[Line]:
    """Every complete line of an export, from the start; a torn last line is not yielded."""
    offset = 0
    for number, line in enumerate(handle, start=1):
        if not line.endswith(b"\n"):
            return
        yield Line(offset, offset + len(line), number, decode(line))
        offset += len(line)


_UNIFIED = b',"unified":{"thread":'
"""Where the unified view begins in a line this module wrote: after the thread and messages as the API sent them."""


def read_at(path: Path, offset: int, descriptor: int | None = None) -> dict[str, Any] | None:
    """The record of the line that starts at ``offset``: the thread and its messages as the API sent them.

    Readers of an archive want only those, so the unified view that ends the line is not parsed
    when the line has the layout :func:`encode` writes (the part before it, closed, is then a whole
    JSON object: a cut anywhere inside a nested value would not parse); any other line is parsed whole.
    ``descriptor``: the file already open (read with ``os.pread``, so threads may share it).
    """
    if descriptor is None:
        with path.open("rb") as handle:
            handle.seek(offset)
            line = handle.readline()
    else:
        line = _line_at(descriptor, offset)
    if not line.endswith(b"\n"):
        return None
    cut = line.rfind(_UNIFIED)
    raw = decode(line[:cut] + b"}") if cut > 0 else None
    return raw if raw is not None and "unified" not in raw else decode(line)


def _line_at(descriptor: int, offset: int) -> bytes:
    """The line starting at ``offset`` (with its newline, if it has one), read without moving the file's position."""
    blocks: list[bytes] = []
    while block := os.pread(descriptor, _BLOCK, offset):
        end = block.find(b"\n")
        if end >= 0:
            blocks.append(block[: end + 1])
            break
        blocks.append(block)
        offset += len(block)
    return b"".join(blocks)


_BLOCK = 16384


def recover(path: Path) -> set[str]:
    """The ids already exported to ``path``, after cutting off a torn last line."""
    if not path.exists():
        return set()
    done: set[str] = set()
    end = 0
    with path.open("rb") as handle:
        for line in scan(handle):
            end = line.end
            if line.record is not None:
                done.add(line.record["id"])
    if end != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(end)
    return done
