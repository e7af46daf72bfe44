"""Read legacy threads back from an export file, as the same unified objects the API gives.

The first open scans the file once and saves an index beside it (``FILE.index``: byte offset,
``created_at`` and user of every thread). Later opens load that index while the export is unchanged
(same size and modification time), so a lookup reads one line, never the whole file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from ._errors import NotFoundError
from ._exportformat import read_at, scan
from ._mapping import item_from_message, thread_from_assistants
from ._models import UnifiedItem, UnifiedThread
from ._routing import kind_of

_INDEX_VERSION = 1


@attrs.frozen
class Entry:
    """Where one archived thread is, and what ordering and filtering need without reading it."""

    offset: int
    created_at: int
    user: str | None


def _stamp(path: Path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


class Archive:
    """A read-only source of legacy threads and their messages, backed by a ``threadshim export`` file."""

    def __init__(self, path: Path | str, *, title_key: str = "title", user_key: str = "user") -> None:
        self.path = Path(path)
        self.title_key, self.user_key = title_key, user_key
        self.index_path = self.path.with_name(self.path.name + ".index")
        self._entries = self._load_index() or self._build_index()

    def _load_index(self) -> dict[str, Entry] | None:
        try:
            saved = json.loads(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        expected = {"version": _INDEX_VERSION, "stamp": _stamp(self.path), "user_key": self.user_key}
        if not isinstance(saved, dict) or any(saved.get(key) != value for key, value in expected.items()):
            return None
        return {thread_id: Entry(*fields) for thread_id, *fields in saved["entries"]}

    def _build_index(self) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        with self.path.open("rb") as handle:
            for line in scan(handle):
                if line.record is None:
                    continue
                thread = line.record["thread"]
                created = thread.get("created_at")
                metadata = thread.get("metadata")
                user = metadata.get(self.user_key) if isinstance(metadata, dict) else None
                entries[line.record["id"]] = Entry(
                    line.offset, created if isinstance(created, int) else 0, user if isinstance(user, str) else None
                )
        saved = {
            "version": _INDEX_VERSION,
            "stamp": _stamp(self.path),
            "user_key": self.user_key,
            "entries": [[i, e.offset, e.created_at, e.user] for i, e in entries.items()],
        }
        temporary = self.index_path.with_name(self.index_path.name + ".tmp")
        try:
            temporary.write_text(json.dumps(saved), encoding="utf-8")
            os.replace(temporary, self.index_path)
        except OSError:
            pass  # a read-only folder: the index lives in memory only
        return entries

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, thread_id: object) -> bool:
        return thread_id in self._entries

    def _record(self, thread_id: str) -> dict[str, Any]:
        kind_of(thread_id)
        entry = self._entries.get(thread_id)
        record = read_at(self.path, entry.offset) if entry is not None else None
        if record is None or record["id"] != thread_id:
            raise NotFoundError(f"{thread_id} is not in the archive {self.path}", status_code=404)
        return record

    def retrieve(self, thread_id: str) -> UnifiedThread:
        """The archived thread, exactly as the API sent it (in ``raw``)."""
        return thread_from_assistants(
            self._record(thread_id)["thread"], title_key=self.title_key, user_key=self.user_key
        )

    def items(self, thread_id: str, order: str = "asc") -> Iterator[UnifiedItem]:
        """The archived thread's messages, oldest first (``order="desc"``: newest first)."""
        messages = self._record(thread_id)["messages"]
        for raw in messages if order == "asc" else reversed(messages):
            yield item_from_message(raw if isinstance(raw, dict) else {})

    def ids(self, *, order: str = "asc", user: str | None = None) -> list[str]:
        """Archived thread ids by ``created_at`` (file order among equals), optionally of one user."""
        chosen = [
            (e.created_at, n, i) for n, (i, e) in enumerate(self._entries.items()) if user is None or e.user == user
        ]
        chosen.sort(reverse=order == "desc")
        return [thread_id for _, _, thread_id in chosen]
