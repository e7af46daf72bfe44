"""``ids --scan``: the ``thread_…`` ids a team still holds, harvested from any files and database columns.

Any file is read as bytes (logs, dumps, code; ``.gz`` read through), folders recursively in name
order; a query's every column of every row is searched too. Ids come out deduplicated, in the order
first seen, with how many each source held.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .._errors import InvalidRequest
from .containers import Invalid, files_in
from .rows import sqlite_query

LEGACY_ID = re.compile(rb"(?<![A-Za-z0-9_\-])thread_[A-Za-z0-9]{24}(?![A-Za-z0-9_\-])")
"""A legacy thread id as the Assistants API made them: ``thread_`` and 24 letters and digits, standing alone."""


@attrs.define
class Scanned:
    """The ids found, in first-seen order, and how many (with repeats) each source held."""

    ids: list[str] = attrs.field(factory=list)
    per_source: dict[str, int] = attrs.field(factory=dict)

    def add(self, source: str, found: Iterable[bytes]) -> None:
        """Count the ids a source held and keep the new ones."""
        seen = set(self.ids)
        count = 0
        for raw in found:
            count += 1
            legacy_id = raw.decode("ascii")
            if legacy_id not in seen:
                seen.add(legacy_id)
                self.ids.append(legacy_id)
        self.per_source[source] = self.per_source.get(source, 0) + count


_ID_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    for file in files_in(paths):
        if isinstance(file, Invalid):
            raise InvalidRequest(f"no such file or folder: {file.place}")
        yield Path(file)


def _chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes in pieces that overlap by an id's length, so an id across a boundary is found once."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    tail = b""
    with opener(path, "rb") as handle:
        while block := handle.read(1 << 20):
            data = tail + block
            cut = max(0, len(data) - 40)
            while cut > 0 and data[cut - 1] in _ID_BYTES:  # never split inside something an id could be part of
                cut -= 1
            if cut == 0 and len(data) > 1 << 21:  # one unbroken token of megabytes holds no id standing alone
                cut = len(data) - 40
            yield data[:cut]
            tail = data[cut:]
    yield tail


def scan_ids(paths: Iterable[str | os.PathLike[str]] = (), *, db: str | None = None, sql: str | None = None) -> Scanned:
    """Every legacy thread id in ``paths`` and in the rows ``sql`` returns from ``db`` (``sqlite:///FILE``)."""
    scanned = Scanned()
    for path in _files(paths):
        try:
            scanned.add(str(path), (m.group() for chunk in _chunks(path) for m in LEGACY_ID.finditer(chunk)))
        except (OSError, EOFError) as exc:
            raise InvalidRequest(f"cannot read {path}: {exc}") from None
    if sql is not None:
        if db is None or not db.startswith("sqlite:///"):
            raise InvalidRequest("--sql needs --db sqlite:///FILE")
        text = "\n".join(str(value) for row in sqlite_query(db, sql) for value in row.values()).encode()
        scanned.add("query", (m.group() for m in LEGACY_ID.finditer(text)))
    return scanned
