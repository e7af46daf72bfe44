"""What reconcile, repair and undo share: the journal's target built again, its plan of a thread, and a run's setup.

The journal says which target it moved threads to (its kind and identity) and with which
options; the target is built from that, so a check reads the place the migration wrote and
plans each thread as the migration did. Where a target writes (a store's or sessions' URL) is not
in the journal (it may hold a password): it is passed again, and refused when it is not the place
the journal records.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TextIO, TypedDict, TypeVar

import attrs
import httpx

from .._config import DEFAULT_TIMEOUT, Settings
from .._errors import InvalidRequest, JournalError
from .._journal import Journal
from .._lock import exclusive
from .._pacing import PacedTransport, Pacer
from .._pool import MIGRATION_POOL, PooledTransport
from .._progress import Progress
from .._tasks import side_by_side
from ..archive import Archive
from ..targets import TargetKind, recorded_kind
from ..targets.base import Context, Target
from ..targets.held import Checked, Held, checked
from ..targets.shared import part, slices
from .readers import LegacyReader, reader_for

T = TypeVar("T")

OPTIONS = "options"
"""The journal setting that records the target's options a migration planned with (never where it wrote)."""


def _where(kind_options: type[Any]) -> list[str]:
    """The options that say where a target writes (a store's or sessions' URL, which may hold a password)."""
    return [field.name for field in attrs.fields(kind_options) if field.metadata.get("where")]


def recorded_options(options: Any) -> str:
    """A target's options as the journal records them: what shapes a plan, not where it writes."""
    where = _where(type(options))
    values = {field.name: getattr(options, field.name) for field in attrs.fields(type(options))}
    scalars = (str, int, float, bool, type(None))
    return json.dumps({k: v for k, v in values.items() if k not in where and isinstance(v, scalars)}, sort_keys=True)


class JobOptions(TypedDict, total=False):
    """What reconcile, repair and undo take besides their own arguments: where the journal's target is (a
    ChatKit store's or the sessions' URL), how many requests at once, the account, progress, a transport.
    """

    store: str | None
    sessions: str | None
    concurrency: int | None
    api_key: str | None
    base_url: str | None
    organization: str | None
    project: str | None
    max_retries: int
    timeout: float | None
    progress: TextIO | None
    transport: httpx.AsyncBaseTransport | None


_GIVEN = ("store", "sessions", "concurrency")
_ACCOUNT = ("api_key", "base_url", "organization", "project", "max_retries", "timeout")


@attrs.frozen
class Job:
    """A journal's target, opened, where its legacy threads are read from, and where progress goes."""

    journal: Journal
    kind: TargetKind
    target: Target
    checks: Checked
    reader: LegacyReader
    pacer: Pacer
    stream: TextIO
    parts: dict[str, tuple[int, int | None]] = attrs.field(factory=dict)
    """The threads that share a target thread with others: which of its items are each one's."""

    async def expected(self, legacy_id: str) -> tuple[Any, Held]:
        """The target's plan of a legacy thread, read as the migration read it, and what that plan must hold."""
        planned = self.target.planner.plan(*await self.reader.read(legacy_id))
        return planned, self.checks.expected(planned)

    async def held(self, legacy_id: str, target_id: str) -> Held:
        """What the target holds of a migrated thread now: of a shared target thread, the thread's own part."""
        return (await self.read(legacy_id, target_id))[1]

    async def read(self, legacy_id: str, target_id: str) -> tuple[Held, Held]:
        """The target thread as it is now, and the migrated thread's own part of it (the whole, unless shared)."""
        found = await self.checks.held(target_id)
        where = self.parts.get(legacy_id)
        return found, part(found, where) if where is not None else found


def as_archive(archive: Archive | str | os.PathLike[str] | None) -> Archive | None:
    """The archive, opened when given as a path."""
    return archive if archive is None or isinstance(archive, Archive) else Archive(archive)


def journal_target(path: Path) -> tuple[TargetKind, str, dict[str, Any]]:
    """The kind, identity and recorded options of the target a journal moved threads to."""
    if not path.is_file():
        raise JournalError(f"no migration journal at {path}; pass the file `threadshim migrate` wrote")
    with Journal(path, read_only=True) as known:
        kind, identity, options = recorded_kind(known.target), known.identity, known.setting(OPTIONS)
    if kind is None or identity is None:
        raise JournalError(f"{path} records no migration to a known target; pass the journal a migration wrote")
    return kind, identity, json.loads(options) if options else {}


def _options(kind: TargetKind, recorded: dict[str, Any], given: dict[str, Any]) -> Any:
    own = {field.name for field in attrs.fields(kind.options)}
    for name, value in given.items():
        if value is not None and name not in own:
            raise InvalidRequest(f"--{name.replace('_', '-')} does not apply to a journal of a {kind.name} migration")
    for name in _where(kind.options):
        if not given.get(name):
            raise InvalidRequest(f"this journal records a {kind.name} migration: pass --{name} with its URL")
    chosen = {**{k: v for k, v in recorded.items() if k in own}, **{k: v for k, v in given.items() if v is not None}}
    return kind.options(**chosen)


@contextlib.asynccontextmanager
async def opened(
    journal: str | os.PathLike[str],
    *,
    job: str,
    archive: Archive | str | os.PathLike[str] | None,
    options: JobOptions,
    write: bool = True,
) -> AsyncIterator[Job]:
    """The journal (held by this job alone when it ``write``s) with its target opened, and the thread reader."""
    unknown = sorted(set(options) - set(JobOptions.__annotations__))
    if unknown:
        raise TypeError(f"{job}() got an unexpected keyword argument {unknown[0]!r}")
    path, legacy = Path(journal), as_archive(archive)
    kind, identity, recorded = journal_target(path)
    target_options = _options(kind, recorded, {name: options.get(name) for name in _GIVEN})
    settings: dict[str, Any] = {name: options[name] for name in _ACCOUNT if name in options}  # type: ignore[literal-required]
    resolved = Settings.resolve(**settings, require_key=kind.needs_key or legacy is None)
    pacer = Pacer()
    inner = options.get("transport") or PooledTransport(per_pool=MIGRATION_POOL)
    async with httpx.AsyncClient(transport=PacedTransport(inner, pacer), timeout=DEFAULT_TIMEOUT) as client:
        target = kind.build(target_options, Context(resolved, client, inner, pacer))
        checks = checked(target)
        if checks is None:
            done = {"reconcile": "reconciled", "undo": "undone", "repair": "repaired"}.get(job, job)
            raise InvalidRequest(f"the {kind.name} target cannot read back what it holds: it cannot be {done}")
        if target.identity() != identity:
            raise JournalError(
                f"{path} records a migration to {kind.name} {identity}, not to {target.identity()}; "
                "pass the target it was made for"
            )
        await target.open()
        try:
            with contextlib.ExitStack() as stack:
                if write:
                    stack.enter_context(exclusive(path, job=job))
                held = stack.enter_context(Journal(path, read_only=not write, target=kind.name, identity=identity))
                reader = reader_for(legacy, client, resolved)
                stream = options.get("progress") or sys.stderr
                yield Job(held, kind, target, checks, reader, pacer, stream, slices(held))
                if write:
                    await held.durable()
        finally:
            await target.close()


async def each(job: Job, work: list[T], step: Callable[[T], Awaitable[None]], *, verb: str, done: int = 0) -> None:
    """Run ``step`` on each of ``work``, as many at once as the target runs, with a progress bar (``done`` already)."""
    meter = Progress(len(work) + done, job.stream, verb=verb)
    meter.advance(done)
    left = deque(work)

    async def worker() -> None:
        while left:
            await step(left.popleft())
            meter.advance()

    try:
        await side_by_side(worker, max(1, min(job.target.concurrency, len(left))))
    finally:
        meter.close()
