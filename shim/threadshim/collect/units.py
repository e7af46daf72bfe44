"""The inputs cut into units of a few megabytes, each read into records wherever it runs.

Small files go together, up to ``UNIT_BYTES`` or ``UNIT_FILES`` a unit; a larger plain file is cut
into parts at line ends, each knowing its first line's number, so the parts of one JSON Lines
file are read side by side and every place is still ``file:line``. The first part decides what
the file is: once a line has been a whole value it stops at its end, and the later parts read on
as JSON Lines; otherwise it reads the whole file as ``values`` always does, and the later parts
are not used. Compressed files and archives are read as streams in the run's own process, so
their records never wait in memory.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator

import attrs

from .containers import Invalid, read_file, values
from .records import Record, Tally, records

UNIT_BYTES = 1 << 20
UNIT_FILES = 256
_PACKED = (".gz", ".zip", ".tar", ".tgz")


@attrs.frozen
class Files:
    """Whole files, read one after another; ``streamed``: one compressed file or archive, read here."""

    paths: tuple[str, ...]
    streamed: bool = False


@attrs.frozen
class Part:
    """The bytes ``start`` to ``end`` of a plain file (both at line ends), whose first line is ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int


Unit = Files | Part | Invalid


@attrs.frozen
class Done:
    """A unit read: its records, how many objects they hold, whether it read its file to the end, and the file its
    messages' texts were written to (``texts``), when they were.
    """

    records: list[Record]
    objects: int
    to_end: bool = False
    texts: str | None = None


def units(files: Iterable[str | Invalid]) -> Iterator[Unit]:
    """The units of ``files`` (as ``walk_files`` finds them), in their order; a missing path stays an Invalid."""
    batch: list[str] = []
    size = 0
    for file in files:
        length = size_of(file)
        packed = isinstance(file, str) and file.lower().endswith(_PACKED)
        if batch and (isinstance(file, Invalid) or packed or length > 2 * UNIT_BYTES):
            yield Files(tuple(batch))
            batch, size = [], 0
        if isinstance(file, Invalid):
            yield file
        elif packed:
            yield Files((file,), streamed=True)
        elif length > 2 * UNIT_BYTES:
            yield from _parts(file)
        else:
            batch.append(file)
            size += length
            if size >= UNIT_BYTES or len(batch) >= UNIT_FILES:
                yield Files(tuple(batch))
                batch, size = [], 0
    if batch:
        yield Files(tuple(batch))


def size_of(file: str | Invalid) -> int:
    """A file's size in bytes; 0 for a missing one (reading it will say what is wrong)."""
    try:
        return os.path.getsize(file) if isinstance(file, str) else 0
    except OSError:
        return 0


def _parts(path: str) -> Iterator[Unit]:
    """A large plain file's parts, each ending at the first line end after ``UNIT_BYTES`` more bytes."""
    start, line = 0, 1
    try:
        with open(path, "rb") as stream:
            while True:
                block = stream.read(UNIT_BYTES)
                block += stream.readline()
                if not block:
                    return
                yield Part(path, start, start + len(block), line)
                start, line = start + len(block), line + block.count(b"\n")
    except OSError:
        if start == 0:
            yield Files((path,))  # reading it will say what is wrong


def streamed(file: str) -> tuple[Iterator[Record], Tally]:
    """A compressed file or archive's records, as it is read."""
    tally = Tally()
    return records(read_file(file), tally), tally


def read(unit: Unit) -> Done:
    """A unit's records, all read (in a worker process, or here); a missing path is its one invalid record."""
    tally = Tally()
    if isinstance(unit, Invalid):
        return Done([unit], 0)
    if isinstance(unit, Files):
        found = [record for path in unit.paths for record in records(read_file(path), tally)]
        return Done(found, tally.objects)
    try:
        with open(unit.path, "rb") as stream:
            stream.seek(unit.start)
            if unit.start == 0:
                found = list(records(values(stream, unit.path, stop=unit.end), tally))
                return Done(found, tally.objects, to_end=stream.tell() > unit.end)
            part = io.BytesIO(stream.read(unit.end - unit.start))
    except OSError as exc:
        return Done([Invalid(unit.path, f"cannot be read ({exc})")], 0)
    found = list(records(values(part, unit.path, first_line=unit.first_line, json_lines=True), tally))
    return Done(found, tally.objects)
