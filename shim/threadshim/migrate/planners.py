"""Reading and planning legacy threads ahead of the writes, in this process or in forked worker processes.

A batch is a list of legacy ids; preparing it reads each thread, plans it with the target's
planner, applies the lossy rule (:func:`gate`, the one place it is written), checks the plan
against the target and packs the ready ones into the payload one write takes. A reader of local
files is prepared with :func:`prepare`, which may run in a worker process (``workers.py``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .._errors import NotFoundError
from ..targets.base import Batch, Planner, Prepared, Record
from .readers import ArchiveReader, Legacy, LegacyReader
from .summary import failure_reason, lossy_reason


def gate(record: Record, allow_lossy: bool, started: bool) -> str | None:
    """Why a planned thread is left out (it would lose content, and that is not allowed), or None to move it.

    A thread some of whose items are already in its target is finished whatever it loses.
    """
    if record.lossy and not allow_lossy and not started:
        return lossy_reason(len(record.losses))
    return None


def _assess(
    legacy_id: str, read: Legacy | BaseException, planner: Planner, allow_lossy: bool, started: Collection[str]
) -> tuple[Prepared, Any]:
    """One thread's fate and, when ready, its written form."""
    if isinstance(read, NotFoundError):
        return Prepared(legacy_id, "missing", f"not found: {read}"), None
    try:
        if isinstance(read, BaseException):
            raise read
        planned = planner.plan(*read)
        record = Record.of(planned)
    except Exception as exc:  # a bug met by one thread fails that thread, not the run
        return Prepared(legacy_id, "failed", failure_reason(exc)), None
    reason = gate(record, allow_lossy, legacy_id in started)
    if reason is not None:
        return Prepared(legacy_id, "skipped", reason, record), None
    try:
        written, note = planner.check(planned)
    except Exception as exc:
        return Prepared(legacy_id, "failed", failure_reason(exc), record), None
    return Prepared(legacy_id, "ready", record=record, note=note), written


def _batch(assessed: list[tuple[Prepared, Any]], planner: Planner) -> Batch:
    written = [w for p, w in assessed if p.outcome == "ready"]
    return Batch([p for p, _ in assessed], planner.pack(written))


def _read_now(reader: ArchiveReader, legacy_id: str) -> Legacy | BaseException:
    try:
        return reader.read_now(legacy_id)
    except Exception as exc:
        return exc


def prepare(
    reader: ArchiveReader, planner: Planner, allow_lossy: bool, started: Collection[str], ids: list[str]
) -> Batch:
    """Prepare ``ids`` from a local reader, in whichever process this runs."""
    return _batch([_assess(i, _read_now(reader, i), planner, allow_lossy, started) for i in ids], planner)


async def prepare_async(
    reader: LegacyReader, planner: Planner, allow_lossy: bool, started: Collection[str], ids: list[str]
) -> Batch:
    """Prepare ``ids`` here, reading through ``reader`` (an API, say)."""
    assessed = []
    for legacy_id in ids:
        try:
            read: Legacy | BaseException = await reader.read(legacy_id)
        except Exception as exc:
            read = exc
        assessed.append(_assess(legacy_id, read, planner, allow_lossy, started))
    return _batch(assessed, planner)
