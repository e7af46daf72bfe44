"""What the engine asks of a migration target, and the target-neutral forms a planned thread takes on the way.

A target plans each legacy thread (:class:`Planner`, pure CPU work that may run in a worker
process), and writes a batch of planned threads exactly once, recording each in the journal
(:class:`Target`). The engine does the rest the same way for every target: reading, the lossy
rule, missing and failed threads, progress, the summary, the report and the dry run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar, Literal, Protocol

import attrs
import httpx

from .._config import Settings
from .._journal import Journal
from .._journal_rows import Moved
from .._json import text
from .._pacing import Pacer
from .common import Counts, Loss

Outcome = Literal["ready", "missing", "skipped", "failed"]


class Planned(Protocol):
    """A target's plan of one legacy thread: what every plan says, whatever else it holds."""

    @property
    def legacy_id(self) -> str:
        """The legacy thread's id."""
        ...  # pragma: no cover - a protocol

    @property
    def items(self) -> Sequence[Any]:
        """What the target will hold, in order."""
        ...  # pragma: no cover - a protocol

    @property
    def losses(self) -> Sequence[Loss]:
        """Message content the target cannot hold."""
        ...  # pragma: no cover - a protocol

    @property
    def kept(self) -> dict[str, Any]:
        """What the journal keeps that the target cannot hold."""
        ...  # pragma: no cover - a protocol

    @property
    def tools(self) -> list[dict[str, Any]]:
        """The thread's tool resources as the Responses API's tools."""
        ...  # pragma: no cover - a protocol

    @property
    def counts(self) -> Counts:
        """Content carried and dropped."""
        ...  # pragma: no cover - a protocol


@attrs.frozen
class Record:
    """What the journal and the report keep of a planned thread: its size, its losses, kept fields and tools.

    The three are JSON text, made once where the thread was planned (a worker process, say): the
    journal stores that text as it is, and only a report or a skipped thread reads it back.
    """

    legacy_id: str
    total: int
    lossy: bool
    losses_json: str
    kept_json: str
    tools_json: str
    counts: Counts

    @classmethod
    def of(cls, planned: Planned) -> Record:
        """The record of a plan."""
        losses = [attrs.asdict(loss) for loss in planned.losses]
        texts = text(losses), text(planned.kept), text(planned.tools)
        return cls(planned.legacy_id, len(planned.items), bool(losses), *texts, planned.counts)

    @property
    def losses(self) -> list[dict[str, Any]]:
        """Each part lost: its message, why, and the part as it was."""
        found: list[dict[str, Any]] = json.loads(self.losses_json)
        return found

    @property
    def kept(self) -> dict[str, Any]:
        """What the journal keeps that the target cannot hold."""
        found: dict[str, Any] = json.loads(self.kept_json)
        return found

    @property
    def tools(self) -> list[dict[str, Any]]:
        """The thread's tool resources as the Responses API's tools."""
        found: list[dict[str, Any]] = json.loads(self.tools_json)
        return found

    def moved(self, target_id: str) -> Moved:
        """The journal's row for the thread, written whole as ``target_id``."""
        return Moved(
            self.legacy_id, target_id, self.total, self.lossy, self.losses_json, self.kept_json, self.tools_json
        )


@attrs.frozen
class Prepared:
    """One legacy thread after reading and planning: ready to write, missing, skipped (lossy) or failed.

    ``note`` is what the target made of it where it was planned, beyond the payload (ChatKit: its
    journal row and how many of the payload's rows are its own).
    """

    legacy_id: str
    outcome: Outcome
    reason: str = ""
    record: Record | None = None
    note: Any = None


@attrs.frozen
class Batch:
    """Prepared threads, and the target's written form of the ready ones (``payload``), in one piece."""

    threads: list[Prepared]
    payload: Any

    @property
    def ready(self) -> list[Prepared]:
        """The threads to write, in order."""
        return [p for p in self.threads if p.outcome == "ready"]


class Planner(Protocol):
    """A target's CPU half: plans a thread, checks it, packs the ready ones (picklable: it may run in a worker)."""

    def plan(self, thread: dict[str, Any], messages: list[dict[str, Any]]) -> Planned:
        """The target's plan of a legacy thread (its raw object) and its raw messages, oldest first."""
        ...  # pragma: no cover - a protocol

    def check(self, planned: Any) -> tuple[Any, Any]:
        """The thread's written form and the target's note on it; raises if the target refuses it."""
        ...  # pragma: no cover - a protocol

    def pack(self, written: list[Any]) -> Any:
        """The written forms of a batch's ready threads as the one payload :meth:`Target.write` takes."""
        ...  # pragma: no cover - a protocol


@attrs.frozen
class Context:
    """What a run gives the target it builds: the account's settings, and an HTTP client paced for its API.

    ``transport`` is the client's own transport, beneath the pacing (for a first read that is not
    counted); ``pacer`` counts every request the client sends and the 429s among them.
    """

    settings: Settings
    client: httpx.AsyncClient
    transport: httpx.AsyncBaseTransport
    pacer: Pacer


WriteResult = list[tuple[Prepared, BaseException | None]]
"""Each ready thread of a batch, with None when it was written or the error that stopped it."""


class Target(Protocol):
    """Where legacy threads move to: named, identified, planned and written exactly once, batch by batch.

    ``group`` threads go to one :meth:`write`; ``concurrency`` writes run at once. A write records
    each thread it wrote in the journal before it returns (``done``, with its target id), lets a
    :class:`JournalError` through, and reports every other failure per thread.

    Two methods are optional. ``async arrange(todo, reader) -> todo`` puts the run's threads in an
    order of the target's own before anything is planned; ``batches(left) -> [[id, …], …]`` says
    which threads go to one write, in place of ``group`` at a time (the Agents target's shared
    sessions: a session's threads oldest first, in one write).
    """

    name: ClassVar[str]
    group: int
    concurrency: int
    planner: Planner

    def identity(self) -> str:
        """The one place this target writes to, as the journal records it (never a secret)."""
        ...  # pragma: no cover - a protocol

    def requests(self, record: Record) -> int:
        """How many writes the thread would take (what a dry run reports)."""
        ...  # pragma: no cover - a protocol

    async def open(self) -> None:
        """Get ready to write (connect, check the target can be used); refuse in one line if it cannot."""
        ...  # pragma: no cover - a protocol

    async def write(self, batch: Batch, journal: Journal) -> WriteResult:
        """Write the batch's ready threads exactly once, each recorded in ``journal``."""
        ...  # pragma: no cover - a protocol

    async def close(self) -> None:
        """Let go of what :meth:`open` took."""
        ...  # pragma: no cover - a protocol
