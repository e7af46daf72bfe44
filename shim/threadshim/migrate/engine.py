"""The migration run: read each legacy thread, plan it, move it with a few workers at the API's pace.

Threads are taken in the archive's order of creation (or the order of the ids given). Workers
(``concurrency``, a ceiling) move one thread each at a time; every request goes through one
:class:`Pacer`. A thread that fails is recorded with the reason and the run goes on.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import httpx

from .._client import AsyncThreadShim
from .._config import DEFAULT_TIMEOUT, Settings
from .._engine.drivers import AsyncDriver
from .._errors import APIError, InvalidRequest, NotFoundError, ThreadShimError
from .._journal import Journal
from .._limits import MAX_CONVERSATION_ITEMS
from .._lock import exclusive
from .._progress import Progress
from .._retry import RetryPolicy
from ..archive import Archive
from ..targets import ConversationsTarget, Plan, plan
from .legacy import ApiReader, ArchiveReader, LegacyReader
from .move import Mover
from .pacing import PacedTransport, Pacer
from .summary import MigrationSummary

TARGETS = ("conversations", "chatkit")


def _requests(planned: Plan) -> int:
    batch = MAX_CONVERSATION_ITEMS
    return 1 + max(0, -(-(len(planned.items) - batch) // batch))


async def migrate(
    *,
    journal: str | os.PathLike[str],
    archive: Archive | str | os.PathLike[str] | None = None,
    ids: Sequence[str] | None = None,
    to: str = "conversations",
    api_key: str | None = None,
    base_url: str | None = None,
    organization: str | None = None,
    project: str | None = None,
    concurrency: int = 8,
    allow_lossy: bool = False,
    dry_run: bool = False,
    max_retries: int = 2,
    timeout: float | None = None,
    progress: TextIO | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    store: str | None = None,
    title_key: str = "title",
    user_key: str = "user",
    default_user: str = "default",
    group: int = 500,
    workers: int = 2,
) -> MigrationSummary:
    """Migrate legacy threads (from ``archive``, or ``ids`` read from the Assistants API) into Conversations.

    ``journal`` is the SQLite file that makes the run resumable and exactly-once; run the same
    call again to finish an interrupted migration. ``dry_run`` plans and reports without sending
    anything (or writing the journal). ``transport`` replaces the HTTP transport (for tests).

    ``to="chatkit"`` imports an ``archive`` into the ChatKit store at ``store`` (``sqlite:///…`` or
    ``postgresql://…``; needs the ``chatkit`` extra) instead, ``group`` threads per transaction: the
    title and the store user come from the metadata keys ``title_key`` and ``user_key``, and
    threads with no user go to ``default_user``; ``workers`` processes read and plan ahead of the
    writes (0: all in this process).
    """
    if to not in TARGETS:
        raise InvalidRequest(f"cannot migrate to {to!r}: choose one of {', '.join(TARGETS)}")
    if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
        raise InvalidRequest(f"concurrency must be a whole number of at least 1, not {concurrency!r}")
    if archive is None and ids is None:
        raise InvalidRequest("say which threads to migrate: an archive (--archive) or legacy ids (--ids)")
    if archive is not None and not isinstance(archive, Archive):
        archive = Archive(archive)
    if to == "chatkit":
        return await _into_chatkit(
            Path(journal),
            archive,
            ids,
            store,
            (title_key, user_key, default_user),
            allow_lossy,
            dry_run,
            (group, workers),
            progress,
        )
    # an id listed twice is one thread: two workers must never move it side by side
    todo = list(dict.fromkeys(ids)) if ids is not None else archive.ids(order="asc") if archive is not None else []
    settings = Settings.resolve(
        api_key=api_key, base_url=base_url, organization=organization, project=project,
        timeout=timeout, max_retries=max_retries, require_key=not dry_run,
    )  # fmt: skip
    path = Path(journal)
    if dry_run:
        known = Journal(path, read_only=True) if path.is_file() else None
        try:
            return await _dry_run(todo, archive, settings, known, allow_lossy, transport)
        finally:
            if known is not None:
                known.close()
    with exclusive(path, job="migration"), Journal(path, target=to) as opened:
        pacer = Pacer()
        inner = transport or httpx.AsyncHTTPTransport()
        async with httpx.AsyncClient(transport=PacedTransport(inner, pacer), timeout=DEFAULT_TIMEOUT) as client:
            target = ConversationsTarget(AsyncDriver(client, settings, RetryPolicy(max_retries=0)))
            reader = _reader(archive, client, settings)
            mover = Mover(opened, target, allow_lossy=allow_lossy, tries=max_retries + 1)
            summary = await _run(todo, reader, mover, concurrency, progress or sys.stderr)
        summary.requests, summary.rate_limited = pacer.requests, pacer.rate_limited
        summary.uncertain_creates = sum(e.uncertain_creates for e in opened.entries() if e.legacy_id in set(todo))
    return summary


async def _into_chatkit(
    journal: Path,
    archive: Archive | None,
    ids: Sequence[str] | None,
    store: str | None,
    keys: tuple[str, str, str],
    allow_lossy: bool,
    dry_run: bool,
    sizes: tuple[int, int],
    progress: TextIO | None,
) -> MigrationSummary:
    group, workers = sizes
    if archive is None or ids is not None:
        raise InvalidRequest("--to chatkit imports an export archive: pass --archive (export the threads first)")
    if not store:
        raise InvalidRequest("--to chatkit needs --store: sqlite:///chatkit.db or postgresql://user@host/db")
    if not isinstance(group, int) or isinstance(group, bool) or group < 1:
        raise InvalidRequest(f"group must be a whole number of at least 1, not {group!r}")
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise InvalidRequest(f"workers must be a whole number of at least 0, not {workers!r}")
    from ._prepare import Mapping
    from .into_chatkit import import_archive  # needs the chatkit extra: loaded only when asked for

    return await import_archive(
        journal=journal,
        archive=archive,
        store=store,
        mapping=Mapping(*keys),
        allow_lossy=allow_lossy,
        dry_run=dry_run,
        group=group,
        workers=workers,
        progress=progress or sys.stderr,
    )


def _reader(archive: Archive | None, client: httpx.AsyncClient, settings: Settings) -> LegacyReader:
    if archive is not None:
        return ArchiveReader(archive)
    shim = AsyncThreadShim(
        http_client=client, api_key=settings.api_key, base_url=settings.base_url, max_retries=settings.max_retries
    )
    return ApiReader(shim)


async def _run(
    todo: list[str], reader: LegacyReader, mover: Mover, concurrency: int, stream: TextIO
) -> MigrationSummary:
    summary = MigrationSummary()
    started = time.monotonic()
    meter = Progress(len(todo), stream, verb="migrated")
    queue = list(reversed(todo))

    async def worker() -> None:
        while queue:
            legacy_id = queue.pop()
            await _one(legacy_id, reader, mover, summary)
            meter.advance()

    workers = [asyncio.create_task(worker()) for _ in range(min(concurrency, max(len(todo), 1)))]
    try:
        await asyncio.gather(*workers)
    except BaseException:  # the journal could not be written, or we were interrupted: stop the others first
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        raise
    finally:
        meter.close()
        summary.seconds = time.monotonic() - started
    return summary


async def _one(legacy_id: str, reader: LegacyReader, mover: Mover, summary: MigrationSummary) -> None:
    journal = mover.journal
    try:
        entry = journal.entry(legacy_id)
        if entry is not None and entry.state == "done":
            summary.already += 1
            return
        try:
            thread, messages = await reader.read(legacy_id)
        except NotFoundError as exc:  # the legacy thread; a 404 from the target is a failure like any other
            summary.not_found.append(legacy_id)
            journal.finish(legacy_id, "failed", f"not found: {exc}")
            return
        planned = plan(thread, messages)
        moved = await mover.move(planned)
    except (APIError, ThreadShimError) as exc:
        summary.failed.append((legacy_id, str(exc)))
        journal.finish(legacy_id, "failed", str(exc))
        return
    if not moved:
        summary.skipped.append((legacy_id, journal.entry(legacy_id).error or "skipped"))  # type: ignore[union-attr]
        return
    summary.counts.add(planned.counts)
    summary.migrated += 1
    summary.lossy += planned.lossy


async def _dry_run(
    todo: list[str],
    archive: Archive | None,
    settings: Settings,
    known: Journal | None,
    allow_lossy: bool,
    transport: httpx.AsyncBaseTransport | None,
) -> MigrationSummary:
    summary = MigrationSummary(dry_run=True)
    async with httpx.AsyncClient(transport=transport, timeout=DEFAULT_TIMEOUT) as client:
        reader = _reader(archive, client, settings)
        for legacy_id in todo:
            entry = known.entry(legacy_id) if known is not None else None
            if entry is not None and entry.state == "done":
                summary.already += 1
                continue
            try:
                planned = plan(*await reader.read(legacy_id))
            except NotFoundError:
                summary.not_found.append(legacy_id)
                continue
            summary.plans.append(planned)
            if planned.lossy and not allow_lossy:
                summary.skipped.append((legacy_id, "it would lose message content; pass --allow-lossy to migrate it"))
                continue
            summary.counts.add(planned.counts)
            summary.migrated += 1
            summary.lossy += planned.lossy
            summary.planned_requests += _requests(planned)
    return summary
