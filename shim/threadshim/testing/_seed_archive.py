"""Seed the emulator from a threadshim export: every thread and message with its ids, times, metadata and content."""

from __future__ import annotations

import os
from typing import Any

from .._errors import ThreadShimError
from ..archive import Archive
from ._world import World


def seed_archive(emulator: World, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Load every thread of the export at ``path`` (``threadshim export`` or ``collect`` wrote it) as saved."""
    try:
        archive = Archive(path)
    except (OSError, ThreadShimError) as exc:
        raise ValueError(f"cannot seed from {path}: {exc}") from None
    ids = []
    for legacy_id in archive.ids(order="asc"):
        thread, messages = archive.raw(legacy_id)
        emulator.add_thread(thread)
        for message in messages:
            emulator.add_message(legacy_id, message)
        ids.append(legacy_id)
    return {"legacy_thread_ids": ids, "chatkit_thread_ids": []}
