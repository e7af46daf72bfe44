"""``migrate(...)``: the library's one call for a move, a thin layer over the engine and the target registry.

It checks the paths and the journal, builds the reader and the target, opens both, and runs the
engine; every slip it can see (an output that is an input, a journal for another target, a
second journal for the same move) is refused in one line before anything is written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
import httpx

from .._config import DEFAULT_TIMEOUT, Settings
from .._errors import InvalidRequest
from .._journal import Journal
from .._journal_schema import UNCERTAIN_CREATE
from .._lock import exclusive
from .._pacing import PacedTransport, Pacer
from .._paths import refuse_clashes
from .._pool import MIGRATION_POOL, PooledTransport
from .._workers import worker_pool
from ..archive import Archive
from ..targets import TARGETS, TargetKind, target_kind
from ..targets.base import Context, Target
from . import engine
from .checking import OPTIONS, recorded_options
from .guards import announce, check_claim
from .readers import reader_for
from .summary import MigrationSummary


def target_options(kind: TargetKind, given: dict[str, Any]) -> Any:
    """The target's options from the keyword arguments given; one that belongs to another target is refused."""
    own = {field.name for field in attrs.fields(kind.options)}
    for other in TARGETS.values():
        for field in attrs.fields(other.options):
            if field.name in given and field.name not in own:
                raise InvalidRequest(f"{field.name} applies to to={other.name!r}, not to={kind.name!r}")
    return kind.options(**{name: value for name, value in given.items() if name in own})


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
    allow_lossy: bool = False,
    dry_run: bool = False,
    max_retries: int = 2,
    timeout: float | None = None,
    progress: TextIO | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    new_journal: bool = False,
    options: Any = None,
    **target_kwargs: Any,
) -> MigrationSummary:
    """Migrate legacy threads (from ``archive``, or ``ids`` read from the Assistants API) into the target ``to``.

    ``journal`` is the SQLite file that makes the run resumable and exactly-once; run the same
    call again to finish an interrupted migration. ``dry_run`` plans and reports without writing
    anything (or the journal). ``transport`` replaces the HTTP transport (for tests). The key,
    URL, organization, project, timeout and retries are the account's: they read ``ids`` and
    reach the Conversations API.

    The target's own options are keyword arguments (or ``options``, the target's options value):
    ``to="conversations"``: ``concurrency`` (requests in flight at once, 8; twice as many threads are
    under way) and ``preflight`` (one first read, so a wrong URL or key stops the run before anything
    is sent; ``False`` for a target whose answers a test scripts request by request). ``to="chatkit"`` (needs the
    ``chatkit`` extra): ``store`` (``sqlite:///…`` or ``postgresql://…``), ``title_key`` and
    ``user_key`` (the metadata keys of a thread's title and store user), ``default_user`` (the
    user of threads with none), ``group`` (threads per transaction, 500) and ``workers``
    (processes reading and planning ahead, 2; 0 for none). ``to="agents"`` (needs the ``agents``
    extra): ``sessions`` (``sqlite:///…``, ``postgresql://…`` or ``python:module:factory``),
    ``session_id`` (``"thread"``, the legacy id, or a metadata key naming each thread's session) and
    ``concatenate`` (threads with one key's value share a session, oldest first).

    Before anything is written, a run refuses (one line each): a journal that is the archive or
    the store, a journal made for another target (another server, organization, project or
    store), a second journal for an archive already migrated to the same target
    (``new_journal=True`` starts over on purpose: every thread is sent again), and a target that
    cannot be reached or refuses the key (:class:`TargetUnusable`). Threads the archive cannot
    give (a damaged or torn line) are counted as failed.
    """
    kind = target_kind(to)
    chosen = options if options is not None else target_options(kind, target_kwargs)
    if not isinstance(chosen, kind.options):
        raise InvalidRequest(f"options for to={to!r} are {kind.options.__name__}, not {type(chosen).__name__}")
    if archive is None and ids is None:
        raise InvalidRequest("say which threads to migrate: an archive (--archive) or legacy ids (--ids)")
    if archive is not None and not isinstance(archive, Archive):
        archive = Archive(archive)
    path = Path(journal)
    # an id listed twice is one thread: two workers must never move it side by side
    todo = list(dict.fromkeys(ids)) if ids is not None else archive.ids(order="asc") if archive is not None else []
    settings = Settings.resolve(
        api_key=api_key, base_url=base_url, organization=organization, project=project,
        timeout=timeout, max_retries=max_retries, require_key=not dry_run and (ids is not None or kind.needs_key),
    )  # fmt: skip
    pacer = Pacer()
    inner = transport or PooledTransport(per_pool=MIGRATION_POOL)  # httpcore's cost per request grows with a pool
    async with httpx.AsyncClient(transport=PacedTransport(inner, pacer), timeout=DEFAULT_TIMEOUT) as client:
        target = kind.build(chosen, Context(settings, client, inner, pacer))
        files: dict[str, Path | None] = getattr(target, "files", dict)()
        refuse_clashes({"the archive": archive.path if archive is not None else None, **files}, {"the journal": path})
        identity = target.identity()
        if archive is not None:
            check_claim(archive.path, kind.name, identity, path, new_journal=new_journal)
        states: dict[str, str] = {}
        if path.exists():  # not a journal, or made for another target: refused before anything is written
            with Journal(path, read_only=True, target=kind.name, identity=identity) as known:
                states = known.states()
        reader = reader_for(archive, client, settings)
        arrange = getattr(target, "arrange", None)  # a target whose threads must go in an order of its own
        if arrange is not None:
            todo = await arrange(todo, reader)
        if dry_run:
            summary = await engine.dry_run(todo, reader, target, states, allow_lossy=allow_lossy)
            warn = getattr(target, "dry_run_warnings", None)  # what a target can tell only of the whole plan
            summary.warnings = list(await warn(summary.plans)) if warn is not None else []
        else:
            summary = await _run(path, archive, todo, reader, target, chosen, allow_lossy, progress or sys.stderr)
            summary.requests, summary.rate_limited = pacer.requests, pacer.rate_limited
    if archive is not None:  # every thread the archive holds but cannot give (a damaged or torn line) failed
        summary.failed.extend(archive.unreadable())
        wanted = set(todo)
        summary.synthesized = [legacy_id for legacy_id in archive.synthesized() if legacy_id in wanted]
    return summary


async def _run(
    path: Path,
    archive: Archive | None,
    todo: list[str],
    reader: Any,
    target: Target,
    options: Any,
    allow_lossy: bool,
    stream: TextIO,
) -> MigrationSummary:
    workers = getattr(options, "workers", 0)
    pool = worker_pool(workers) if archive is not None else None  # first: fork before anything starts a thread
    try:
        await target.open()  # a target that cannot be used stops the run here, before the journal is made
        try:
            with exclusive(path, job="migration"), Journal(path, target=target.name, identity=target.identity()) as j:
                announce(j, archive, stream)
                j.put_setting(OPTIONS, recorded_options(options))  # reconcile and undo plan as this run plans
                summary = await engine.run(todo, reader, target, j, allow_lossy=allow_lossy, progress=stream, pool=pool)
                summary.uncertain_creates = sum(j.count_rows(UNCERTAIN_CREATE, todo).values())
        finally:
            await target.close()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return summary
