"""Where a migration reads legacy threads from: an export archive, or the Assistants API by id.

Every reader yields a thread in one neutral form, :data:`Legacy`: the thread as the API sent it
and its messages, oldest first, raising :class:`NotFoundError` when there is none. A reader of
local files (:class:`ArchiveReader`) also reads synchronously and travels to a worker process by
its path, so planning can run there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import httpx

from .._client import AsyncThreadShim
from .._config import Settings
from ..archive import Archive

Legacy = tuple[dict[str, Any], list[dict[str, Any]]]
"""A legacy thread as the API sent it, and its messages, oldest first."""


class LegacyReader(Protocol):
    """Reads one legacy thread with its messages (raising :class:`NotFoundError` when there is none)."""

    async def read(self, legacy_id: str) -> Legacy:  # pragma: no cover - a protocol
        """The thread and its messages, oldest first."""
        ...


_OPEN: dict[Path, Archive] = {}
"""The archives a worker process has opened, kept between batches."""


def _archive_at(path: Path) -> ArchiveReader:
    """The reader of the archive at ``path``, opened once per process (how a reader arrives in a worker)."""
    archive = _OPEN.get(path) or _OPEN.setdefault(path, Archive(path))
    return ArchiveReader(archive)


class ArchiveReader:
    """Legacy threads from a ``threadshim export`` file; in a worker process, the same file opened there."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def __reduce__(self) -> tuple[Any, tuple[Path]]:
        return _archive_at, (self.archive.path,)

    def read_now(self, legacy_id: str) -> Legacy:
        """The archived thread and its messages, exactly as exported (a local read)."""
        return self.archive.raw(legacy_id)

    async def read(self, legacy_id: str) -> Legacy:
        """The archived thread and its messages, exactly as exported."""
        return self.archive.raw(legacy_id)


class ApiReader:
    """Legacy threads from the Assistants API (or an emulator of it)."""

    def __init__(self, shim: AsyncThreadShim) -> None:
        self.shim = shim

    async def read(self, legacy_id: str) -> Legacy:
        """The thread and every message, oldest first."""
        thread = await self.shim.retrieve(legacy_id)
        messages = [item.raw async for item in self.shim.items(legacy_id, order="asc")]
        return thread.raw, messages


def reader_for(archive: Archive | None, client: httpx.AsyncClient, settings: Settings) -> ArchiveReader | ApiReader:
    """The archive's reader, or the Assistants API's through ``client`` with every one of ``settings``."""
    if archive is not None:
        return ArchiveReader(archive)
    shim = AsyncThreadShim(
        http_client=client,
        api_key=settings.api_key,
        base_url=settings.base_url,
        organization=settings.organization,
        project=settings.project,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
    )
    return ApiReader(shim)
