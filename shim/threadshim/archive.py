"""Read legacy threads back from an export file, as the same unified objects the API gives.

The first open checks that the file is an export (its first line is an export record), scans it
once and saves an index beside it (``FILE.index``: byte offset, ``created_at`` and user of every
thread, and the damage found). Later opens load that index while the export is unchanged (same
size, modification time and inode), so a lookup reads one line, never the whole file. Damage is
never hidden: lines that hold no record, ids that appear twice and a torn last line are listed in
:attr:`Archive.damage` and announced with a :class:`DamagedArchiveWarning`.
"""

from __future__ import annotations

import json
import os
import re
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ._errors import NotAnExport, NotFoundError
from ._exportformat import read_at, scan
from ._json import STORED_DEPTH, loads
from ._mapping import item_from_message, thread_from_assistants
from ._models import UnifiedItem, UnifiedThread
from ._routing import kind_of

_INDEX_VERSION = 3
_ID_AT_START = re.compile(rb'\{\s*"id"\s*:\s*"(thread_[A-Za-z0-9_-]{1,500})"')


class DamagedArchiveWarning(UserWarning):
    """An export has lines that hold no thread, ids that appear twice, or a torn last line."""


@attrs.frozen
class Entry:
    """Where one archived thread is, and what ordering and filtering need without reading it."""

    offset: int
    created_at: int
    user: str | None
    synthesized: bool = False
    """No thread object was saved: ``collect`` made the thread from its messages."""


@attrs.frozen
class Damage:
    """What is wrong with an export: damaged line numbers, duplicated ids with their lines, a torn last line."""

    damaged_lines: tuple[int, ...] = ()
    duplicates: tuple[tuple[str, tuple[int, ...]], ...] = ()
    torn: bool = False

    def __bool__(self) -> bool:
        return bool(self.damaged_lines or self.duplicates or self.torn)

    def describe(self, path: Path, *, details: bool = False) -> str:
        """One line for people: a summary pointing at ``threadshim verify``, or (``details``) the lines themselves."""
        most = 50 if details else 10
        parts = []
        if self.damaged_lines:
            lines = self.damaged_lines
            shown = ", ".join(str(n) for n in lines[:most]) + ("…" if len(lines) > most else "")
            parts.append(f"{len(lines)} damaged line(s) holding no thread ({shown})")
        if self.duplicates and details:
            shown = "; ".join(f"{i} on lines {', '.join(map(str, n))}" for i, n in self.duplicates[:most])
            parts.append(f"{len(self.duplicates)} id(s) on more than one line ({shown}; the first copy is read)")
        elif self.duplicates:
            parts.append(f"{len(self.duplicates)} id(s) on more than one line ({self.duplicates[0][0]}, …)")
        if self.torn:
            parts.append("a torn last line (an export that was cut off: resume it to finish)")
        tail = "" if details else f"; run `threadshim verify {path}` for the details"
        return f"{path} has " + "; ".join(parts) + tail


def _stamp(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def check_is_export(path: Path) -> None:
    """Raise :class:`NotAnExport` unless ``path`` is empty or its first line is an export record."""
    with path.open("rb") as handle:
        first = next(scan(handle), None)
        handle.seek(0)
        empty = not handle.read(1)
    if not empty and (first is None or first.record is None) and not _only_torn(path):
        raise NotAnExport(
            f"{path} is not a threadshim export (its first line is not an export record); "
            "point it at the .jsonl file `threadshim export` wrote"
        )


def _only_torn(path: Path) -> bool:
    """A file with no newline at all whose text starts like a record: an export cut off in its first line."""
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    return b"\n" not in head and head.startswith(b'{"id":')


def survey(path: Path, user_key: str = "user") -> tuple[dict[str, Entry], Damage, int]:
    """One pass over an export: where each thread is (its first complete copy), the damage, and how many messages."""
    entries: dict[str, Entry] = {}
    lines: dict[str, list[int]] = {}
    damaged: list[int] = []
    end = messages = 0
    with path.open("rb") as handle:
        for line in scan(handle):
            end = line.end
            if line.record is None:
                damaged.append(line.number)
                continue
            thread_id = line.record["id"]
            lines.setdefault(thread_id, []).append(line.number)
            if thread_id in entries:
                continue
            messages += len(line.record["messages"])
            thread = line.record["thread"]
            created = thread.get("created_at")
            metadata = thread.get("metadata")
            user = metadata.get(user_key) if isinstance(metadata, dict) else None
            entries[thread_id] = Entry(
                line.offset,
                created if isinstance(created, int) else 0,
                user if isinstance(user, str) else None,
                line.record.get("synthesized") is True,
            )
    duplicates = tuple((i, tuple(numbers)) for i, numbers in lines.items() if len(numbers) > 1)
    return entries, Damage(tuple(damaged), duplicates, end != path.stat().st_size), messages


class Archive:
    """A read-only source of legacy threads and their messages, backed by a ``threadshim export`` file."""

    def __init__(self, path: str | os.PathLike[str], *, title_key: str = "title", user_key: str = "user") -> None:
        self.path = Path(path)
        self.title_key, self.user_key = title_key, user_key
        self.index_path = self.path.with_name(self.path.name + ".index")
        self._opened: tuple[int, int] | None = None  # (process, descriptor): read with pread, shared by threads
        self._opening = threading.Lock()
        check_is_export(self.path)
        loaded = self._load_index()
        self._entries, self.damage = loaded if loaded is not None else self._build_index()
        if self.damage:
            warnings.warn(self.damage.describe(self.path), DamagedArchiveWarning, stacklevel=2)

    def _descriptor(self) -> int | None:
        """The file, opened once in each process that reads it (None where ``os.pread`` is missing)."""
        if not hasattr(os, "pread"):
            return None
        with self._opening:
            if self._opened is None or self._opened[0] != os.getpid():  # a forked copy opens its own
                self._opened = (os.getpid(), os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)))
            return self._opened[1]

    def close(self) -> None:
        """Close the file (it is opened again if the archive is read after)."""
        with self._opening:
            if self._opened is not None and self._opened[0] == os.getpid():
                os.close(self._opened[1])
            self._opened = None

    def __del__(self) -> None:
        if getattr(self, "_opened", None) is not None:
            self.close()

    def _load_index(self) -> tuple[dict[str, Entry], Damage] | None:
        try:
            saved = loads(self.index_path.read_bytes(), STORED_DEPTH)
            expected = {"version": _INDEX_VERSION, "stamp": _stamp(self.path), "user_key": self.user_key}
            if not isinstance(saved, dict) or any(saved.get(key) != value for key, value in expected.items()):
                return None
            entries = {thread_id: Entry(*fields) for thread_id, *fields in saved["entries"]}
            damage = saved["damage"]
            duplicates = tuple((str(i), tuple(lines)) for i, lines in damage["duplicates"])
            return entries, Damage(tuple(damage["damaged_lines"]), duplicates, bool(damage["torn"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _build_index(self) -> tuple[dict[str, Entry], Damage]:
        entries, damage, _ = survey(self.path, self.user_key)
        self._save(entries, damage)
        return entries, damage

    def _save(self, entries: dict[str, Entry], damage: Damage) -> None:
        saved = {
            "version": _INDEX_VERSION,
            "stamp": _stamp(self.path),
            "user_key": self.user_key,
            "entries": [[i, e.offset, e.created_at, e.user, e.synthesized] for i, e in entries.items()],
            "damage": {
                "damaged_lines": list(damage.damaged_lines),
                "duplicates": [[i, list(n)] for i, n in damage.duplicates],
                "torn": damage.torn,
            },
        }
        temporary = self.index_path.with_name(self.index_path.name + ".tmp")
        try:
            temporary.write_text(json.dumps(saved), encoding="utf-8")
            os.replace(temporary, self.index_path)
        except OSError:
            pass  # a read-only folder: the index lives in memory only

    def __len__(self) -> int:
        return len(self._entries)

    def synthesized(self) -> list[str]:
        """The threads ``collect`` made from their messages (no thread object was saved), in archive order."""
        return [thread_id for thread_id, entry in self._entries.items() if entry.synthesized]

    def __contains__(self, thread_id: object) -> bool:
        return thread_id in self._entries

    def _record(self, thread_id: str) -> dict[str, Any]:
        entry = self._entries.get(thread_id)
        if entry is None:
            kind_of(thread_id)  # a malformed id is refused as such, not as missing
        record = read_at(self.path, entry.offset, self._descriptor()) if entry is not None else None
        if record is None or record["id"] != thread_id:
            raise NotFoundError(f"{thread_id} is not in the archive {self.path}", status_code=404)
        return record

    def retrieve(self, thread_id: str) -> UnifiedThread:
        """The archived thread, exactly as the API sent it (in ``raw``)."""
        return thread_from_assistants(
            self._record(thread_id)["thread"], title_key=self.title_key, user_key=self.user_key
        )

    def raw(self, thread_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The archived thread and its messages (oldest first), exactly as the API sent them, in one read."""
        record = self._record(thread_id)
        return record["thread"], [raw if isinstance(raw, dict) else {} for raw in record["messages"]]

    def items(self, thread_id: str, order: str = "asc") -> Iterator[UnifiedItem]:
        """The archived thread's messages, oldest first (``order="desc"``: newest first)."""
        messages = self._record(thread_id)["messages"]
        for raw in messages if order == "asc" else reversed(messages):
            yield item_from_message(raw if isinstance(raw, dict) else {})

    def unreadable(self) -> list[tuple[str, str]]:
        """Each thread the file holds but cannot give, as (which, why): its damaged lines and a torn last line.

        "Which" names the line, and the thread id when the line's start still shows one; a line whose
        thread is also whole on another line is not counted (that copy is read instead).
        """
        if not self.damage.damaged_lines and not self.damage.torn:
            return []
        wanted = set(self.damage.damaged_lines)
        found: list[tuple[str, str]] = []
        with self.path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                torn = not line.endswith(b"\n")
                if number not in wanted and not torn:
                    continue
                match = _ID_AT_START.match(line)
                thread_id = match.group(1).decode() if match else None
                if thread_id in self._entries:
                    continue
                where = f"line {number} of {self.path}"
                what = "a torn last line (the export was cut off)" if torn else "a damaged line that holds no thread"
                found.append((f"{thread_id} ({where})" if thread_id else where, f"{what}; restore it from a copy"))
        return found

    def ids(self, *, order: str = "asc", user: str | None = None) -> list[str]:
        """Archived thread ids by ``created_at`` (file order among equals), optionally of one user."""
        chosen = [
            (e.created_at, n, i) for n, (i, e) in enumerate(self._entries.items()) if user is None or e.user == user
        ]
        chosen.sort(key=lambda c: c[0], reverse=order == "desc")
        return [thread_id for _, _, thread_id in chosen]
