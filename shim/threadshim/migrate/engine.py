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

from .._config import DEFAULT_TIMEOUT, Settings
from .._engine.drivers import AsyncDriver
from .._errors import InvalidRequest, JournalError, NotFoundError
from .._journal import Journal
from .._lock import exclusive
from .._paths import refuse_clashes
from .._progress import Progress
from .._retry import RetryPolicy
from ..archive import Archive
from ..targets import ConversationsTarget, plan
from .dry_run import dry_run_conversations
from .guards import announce, check_claim, conversations_identity
from .guards import preflight as check_target
from .legacy import LegacyReader, reader_for
from .move import Mover
from .pacing import PacedTransport, Pacer
from .summary import MigrationSummary, failure_reason

TARGETS = ("conversations", "chatkit")


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
    new_journal: bool = False,
    preflight: bool = True,
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

    Before anything is written, a run refuses (one line each): a journal that is the archive, a
    journal made for another target (another server, organization, project or store), a second
    journal for an archive already migrated to the same target (``new_journal=True`` starts over
    on purpose: every thread is sent again), and a Conversations API that cannot be reached, is
    not the API, or refuses the key (:class:`TargetUnusable`; ``preflight=False`` skips that first
    read, for a target whose answers a test scripts request by request). Threads the archive
    cannot give (a damaged or torn line) are counted as failed.
    """
    if to not in TARGETS:
        raise InvalidRequest(f"cannot migrate to {to!r}: choose one of {', '.join(TARGETS)}")
    if not isinstance(concurrency, int) or isinstance(concurrency, bool) or concurrency < 1:
        raise InvalidRequest(f"concurrency must be a whole number of at least 1, not {concurrency!r}")
    if archive is None and ids is None:
        raise InvalidRequest("say which threads to migrate: an archive (--archive) or legacy ids (--ids)")
    if archive is not None and not isinstance(archive, Archive):
        archive = Archive(archive)
    path = Path(journal)
    refuse_clashes({"the archive": archive.path if archive is not None else None}, {"the journal": path})
    stream = progress or sys.stderr
    if to == "chatkit":
        summary = await _into_chatkit(
            path, archive, ids, store, (title_key, user_key, default_user), (allow_lossy, dry_run, new_journal),
            (group, workers), stream,
        )  # fmt: skip
        return _account_for_damage(summary, archive)
    # an id listed twice is one thread: two workers must never move it side by side
    todo = list(dict.fromkeys(ids)) if ids is not None else archive.ids(order="asc") if archive is not None else []
    settings = Settings.resolve(
        api_key=api_key, base_url=base_url, organization=organization, project=project,
        timeout=timeout, max_retries=max_retries, require_key=not dry_run,
    )  # fmt: skip
    identity = conversations_identity(settings)
    if archive is not None:
        check_claim(archive.path, to, identity, path, new_journal=new_journal)
    # not a journal, or made for another target: refused before anything is sent
    known = Journal(path, read_only=True, target=to, identity=identity) if path.exists() else None
    try:
        if dry_run:
            summary = await dry_run_conversations(todo, archive, settings, known, allow_lossy, transport)
            return _account_for_damage(summary, archive)
    finally:
        if known is not None:
            known.close()
    pacer = Pacer()
    inner = transport or httpx.AsyncHTTPTransport()
    if preflight:
        async with httpx.AsyncClient(transport=inner, timeout=DEFAULT_TIMEOUT) as unpaced:  # not counted as a write
            await check_target(AsyncDriver(unpaced, settings, RetryPolicy(max_retries=max_retries)), settings)
    async with httpx.AsyncClient(transport=PacedTransport(inner, pacer), timeout=DEFAULT_TIMEOUT) as client:
        with exclusive(path, job="migration"), Journal(path, target=to, identity=identity) as opened:
            announce(opened, archive, stream)
            target = ConversationsTarget(AsyncDriver(client, settings, RetryPolicy(max_retries=0)))
            reader = reader_for(archive, client, settings)
            mover = Mover(opened, target, allow_lossy=allow_lossy, tries=max_retries + 1)
            summary = await _run(todo, reader, mover, concurrency, stream)
            wanted = set(todo)
            summary.uncertain_creates = sum(e.uncertain_creates for e in opened.entries() if e.legacy_id in wanted)
    summary.requests, summary.rate_limited = pacer.requests, pacer.rate_limited
    return _account_for_damage(summary, archive)


def _account_for_damage(summary: MigrationSummary, archive: Archive | None) -> MigrationSummary:
    """Count every thread the archive holds but cannot give (a damaged or torn line) as failed."""
    if archive is not None:
        summary.failed.extend(archive.unreadable())
    return summary


async def _into_chatkit(
    journal: Path,
    archive: Archive | None,
    ids: Sequence[str] | None,
    store: str | None,
    keys: tuple[str, str, str],
    flags: tuple[bool, bool, bool],
    sizes: tuple[int, int],
    progress: TextIO,
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
    for name, value in zip(("title_key", "user_key", "default_user"), keys, strict=True):
        if not isinstance(value, str) or not value.strip():
            raise InvalidRequest(f"{name} must name something, not {value!r}")
    from ._prepare import Mapping
    from .into_chatkit import import_archive  # needs the chatkit extra: loaded only when asked for

    allow_lossy, dry_run, new_journal = flags
    return await import_archive(
        journal=journal,
        archive=archive,
        store=store,
        mapping=Mapping(*keys),
        allow_lossy=allow_lossy,
        dry_run=dry_run,
        group=group,
        workers=workers,
        progress=progress,
        new_journal=new_journal,
    )


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
    except Exception as exc:  # an API failure, or a bug met by one thread (in its plan, say): that thread fails
        if isinstance(exc, JournalError):
            raise  # the journal cannot be written: stop the run
        summary.failed.append((legacy_id, failure_reason(exc)))
        journal.finish(legacy_id, "failed", failure_reason(exc))
        return
    if not moved:
        summary.skipped.append((legacy_id, journal.entry(legacy_id).error or "skipped"))  # type: ignore[union-attr]
        return
    summary.counts.add(planned.counts)
    summary.migrated += 1
    summary.lossy += planned.lossy
