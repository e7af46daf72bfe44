"""
Read legacy threads back from an export file, as the same unified objects the API gives.

Opening an archive scans it once for the byte offset of each thread; each lookup then reads one line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._errors import NotFoundError
from ._mapping import item_from_message, thread_from_assistants
from ._models import UnifiedItem, UnifiedThread
from ._routing import source_of


class Archive:
    """A read-only source of legacy threads and messages backed by a ``threadshim export`` file."""

    def __init__(self, path: Path | str, *, title_key: str = "title", user_key: str = "user") -> None:
        self.path = Path(path)
        self.title_key, self.user_key = title_key, user_key
        self._offsets: dict[str, int] = {}
        offset = 0
        with self.path.open("rb") as handle:
            for line in handle:
                if line.endswith(b"\n"):
                    start = line[:200]
                    marker = start.find(b'"id":"')
                    if marker >= 0:
                        end = start.find(b'"', marker + 6)
                        self._offsets[start[marker + 6 : end].decode()] = offset
                offset += len(line)

    def __len__(self) -> int:
        return len(self._offsets)

    def __contains__(self, thread_id: object) -> bool:
        return thread_id in self._offsets

    def _record(self, thread_id: str) -> dict[str, Any]:
        source_of(thread_id)
        if thread_id not in self._offsets:
            raise NotFoundError(f"{thread_id} is not in the archive {self.path}", status_code=404)
        with self.path.open("rb") as handle:
            handle.seek(self._offsets[thread_id])
            record: dict[str, Any] = json.loads(handle.readline())
        return record

    def retrieve(self, thread_id: str) -> UnifiedThread:
        """The archived thread."""
        return thread_from_assistants(
            self._record(thread_id)["thread"], title_key=self.title_key, user_key=self.user_key
        )

    def items(self, thread_id: str) -> Iterator[UnifiedItem]:
        """The archived thread's messages, oldest first."""
        for raw in self._record(thread_id)["messages"]:
            yield item_from_message(raw)

    def ids(self) -> list[str]:
        """Every archived thread id, in file order."""
        return list(self._offsets)
