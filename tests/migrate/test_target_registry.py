"""A target written here, in memory, plugs in through the registry and gets the engine's guarantees unchanged.

Exactly once (a second run writes nothing again), the dry run (nothing written, the journal not
made), the lossy rule (left out unless allowed, recorded with why), resuming after a crash, and a
thread whose write fails alone: the same engine loop the Conversations and ChatKit targets run.
"""

from __future__ import annotations

import asyncio
import importlib
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from threadshim import InvalidRequest
from threadshim.migrate import Journal, MigrationSummary, migrate
from threadshim.targets import TARGETS, TargetKind, register
from threadshim.targets.base import Batch, Context, Record, WriteResult
from threadshim.targets.common import Counts, Loss
from threadshim.testing import Emulator, Faults

from .conftest import archive_of


class Crash(BaseException):
    """What a kill looks like from inside a run: nothing after it runs."""


@attrs.frozen
class MemoryOptions:
    """Where the threads go, and the faults to play."""

    shelf: dict[str, list[str]] = attrs.field(factory=dict, eq=False)
    planned_in: set[int] = attrs.field(factory=set, eq=False)
    writes: list[str] = attrs.field(factory=list, eq=False)
    refuse: frozenset[str] = frozenset()
    crash_after: int | None = None
    batch: int = 2
    workers: int = 0


@attrs.frozen
class MemoryPlan:
    """A thread as the texts of its messages; any other part is lost."""

    legacy_id: str
    items: tuple[str, ...]
    losses: tuple[Loss, ...]
    kept: dict[str, Any]
    tools: list[dict[str, Any]]
    counts: Counts


class MemoryPlanner:
    """Texts kept, everything else lost; a thread whose metadata says ``refuse`` is refused at the check."""

    def plan(self, thread: dict[str, Any], messages: list[dict[str, Any]]) -> MemoryPlan:
        texts, losses = [], []
        for message in messages:
            for part in message["content"]:
                if part["type"] == "text":
                    texts.append(part["text"]["value"])
                else:
                    losses.append(Loss(message["id"], "not text", part))
        return MemoryPlan(thread["id"], tuple(texts), tuple(losses), {"thread": thread["metadata"]}, [], Counts())

    def check(self, planned: MemoryPlan) -> tuple[tuple[tuple[str, ...], int], str]:
        if planned.kept["thread"].get("refuse"):
            raise InvalidRequest("memory refuses this one")
        return (planned.items, os.getpid()), "mem_" + planned.legacy_id

    def pack(self, written: list[tuple[tuple[str, ...], int]]) -> list[tuple[tuple[str, ...], int]]:
        return written


class MemoryTarget:
    """Writes each thread into ``options.shelf`` and records it in the journal in the same step."""

    name = "memory"
    concurrency = 1

    def __init__(self, options: MemoryOptions, context: Context) -> None:
        self.options, self.group, self.planner = options, options.batch, MemoryPlanner()

    def identity(self) -> str:
        return "the test's memory shelf"

    def requests(self, record: Record) -> int:
        return 1

    async def open(self) -> None:
        pass

    async def write(self, batch: Batch, journal: Journal) -> WriteResult:
        results: WriteResult = []
        for prepared, (texts, pid) in zip(batch.ready, batch.payload, strict=True):
            self.options.planned_in.add(pid)
            if self.options.crash_after is not None and len(self.options.writes) >= self.options.crash_after:
                raise Crash
            if prepared.legacy_id in self.options.refuse:
                results.append((prepared, InvalidRequest("the shelf is full")))
                continue
            assert prepared.record is not None
            self.options.shelf[prepared.note] = list(texts)
            self.options.writes.append(prepared.legacy_id)
            journal.done_many([prepared.record.moved(prepared.note)])
            results.append((prepared, None))
        return results

    async def close(self) -> None:
        pass


def build(options: MemoryOptions, context: Context) -> MemoryTarget:
    """The registry's way in."""
    return MemoryTarget(options, context)


@pytest.fixture(autouse=True)
def memory_target() -> Iterator[None]:
    register(TargetKind("memory", MemoryOptions, __name__, column="memory_id"))
    yield
    del TARGETS["memory"]


def _archive(tmp_path: Path, threads: int = 5, lossy: int | None = None, refused: int | None = None) -> list[str]:
    emulator = Emulator()
    ids = []
    for number in range(threads):
        metadata = {"refuse": "yes"} if number == refused else {}
        thread = emulator.add_thread({"metadata": metadata, "tool_resources": {}})
        emulator.add_message(thread["id"], {"role": "user", "content": f"hello {number}", "metadata": {}})
        if number == lossy:
            image = [{"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]
            emulator.add_message(thread["id"], {"role": "user", "content": image, "metadata": {}})
        ids.append(thread["id"])
    archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    return ids


def _run(tmp_path: Path, options: MemoryOptions, **extra: Any) -> MigrationSummary:
    run = migrate(
        journal=tmp_path / "m.db", archive=tmp_path / "legacy.jsonl", to="memory", options=options,
        progress=io.StringIO(), **extra,
    )  # fmt: skip
    return asyncio.run(run)


def test_every_thread_is_written_once_and_a_second_run_writes_nothing(tmp_path: Path) -> None:
    ids = _archive(tmp_path)
    options = MemoryOptions()
    first = _run(tmp_path, options)
    second = _run(tmp_path, options)
    assert (first.migrated, first.already, first.ok) == (5, 0, True)
    assert (second.migrated, second.already, second.ok) == (0, 5, True)
    assert options.writes == ids and options.shelf["mem_" + ids[2]] == ["hello 2"]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert journal.target == "memory" and journal.target_of(ids[4]) == "mem_" + ids[4]


def test_a_dry_run_writes_nothing_and_makes_no_journal(tmp_path: Path) -> None:
    ids = _archive(tmp_path, lossy=1, refused=3)
    options = MemoryOptions()
    summary = _run(tmp_path, options, dry_run=True)
    assert summary.dry_run and (summary.migrated, summary.planned_requests) == (3, 3)
    assert summary.skipped == [
        (ids[1], "it would lose message content (1 parts); pass --allow-lossy to migrate it anyway")
    ]
    assert summary.failed == [(ids[3], "memory refuses this one")]
    assert [record.legacy_id for record in summary.plans] == ids
    assert options.writes == [] and not (tmp_path / "m.db").exists()


def test_a_lossy_thread_is_left_out_with_why_until_allowed(tmp_path: Path) -> None:
    ids = _archive(tmp_path, lossy=2)
    options = MemoryOptions()
    strict = _run(tmp_path, options)
    assert strict.migrated == 4 and [legacy_id for legacy_id, _ in strict.skipped] == [ids[2]] and not strict.ok
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(ids[2])
    assert entry is not None and entry.state == "skipped" and "--allow-lossy" in (entry.error or "")
    assert entry.losses[0]["reason"] == "not text"
    allowed = _run(tmp_path, options, allow_lossy=True)
    assert (allowed.migrated, allowed.lossy, allowed.already, allowed.ok) == (1, 1, 4, True)
    assert options.writes == [*ids[:2], *ids[3:], ids[2]]


def test_a_run_killed_midway_is_finished_by_the_next_each_thread_once(tmp_path: Path) -> None:
    ids = _archive(tmp_path, threads=7)
    crashing = MemoryOptions(crash_after=3)
    with pytest.raises(Crash):
        _run(tmp_path, crashing)
    assert crashing.writes == ids[:3]
    resumed = MemoryOptions(shelf=crashing.shelf, writes=crashing.writes)
    summary = _run(tmp_path, resumed)
    assert (summary.migrated, summary.already, summary.ok) == (4, 3, True)
    assert resumed.writes == ids and len(resumed.shelf) == 7


def test_a_thread_the_target_refuses_fails_alone_and_is_tried_again_next_run(tmp_path: Path) -> None:
    ids = _archive(tmp_path, refused=None)
    options = MemoryOptions(refuse=frozenset({ids[1]}))
    summary = _run(tmp_path, options)
    assert summary.migrated == 4 and summary.failed == [(ids[1], "the shelf is full")]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        entry = journal.entry(ids[1])
    assert entry is not None and (entry.state, entry.error) == ("failed", "the shelf is full")
    again = _run(tmp_path, MemoryOptions(shelf=options.shelf, writes=options.writes))
    assert (again.migrated, again.already, again.ok) == (1, 4, True) and options.writes.count(ids[1]) == 1


def test_options_of_another_kind_or_another_target_are_refused(tmp_path: Path) -> None:
    _archive(tmp_path, threads=1)
    with pytest.raises(InvalidRequest, match=r"^options for to='memory' are MemoryOptions, not dict$"):
        _run(tmp_path, {"batch": 1})  # type: ignore[arg-type]
    with pytest.raises(InvalidRequest, match=r"^store applies to to='chatkit', not to='memory'$"):
        asyncio.run(migrate(journal=tmp_path / "m.db", archive=tmp_path / "legacy.jsonl", to="memory", store="x"))
    assert not (tmp_path / "m.db").exists()


def test_lossy_threads_are_counted_and_a_batch_of_skipped_threads_does_not_end_the_run(tmp_path: Path) -> None:
    ids = _archive(tmp_path, threads=5, lossy=0)
    progress = io.StringIO()
    run = migrate(
        journal=tmp_path / "m.db", archive=tmp_path / "legacy.jsonl", to="memory", options=MemoryOptions(batch=1),
        progress=progress,
    )  # fmt: skip
    summary = asyncio.run(run)
    assert (summary.migrated, len(summary.skipped)) == (4, 1) and summary.skipped[0][0] == ids[0]
    assert progress.getvalue().splitlines()[-1].startswith("migrated 5/5 ")  # the skipped one counted too
    assert 0 <= summary.seconds < 3600
    allowed = _run(tmp_path, MemoryOptions(), allow_lossy=True)
    assert (allowed.migrated, allowed.lossy, allowed.already) == (1, 1, 4)


def test_a_dry_run_after_a_partial_run_counts_what_is_done_and_may_allow_lossy(tmp_path: Path) -> None:
    ids = _archive(tmp_path, threads=6, lossy=5)
    with pytest.raises(Crash):
        _run(tmp_path, MemoryOptions(crash_after=2))
    strict = _run(tmp_path, MemoryOptions(), dry_run=True)
    assert (strict.already, strict.migrated, [i for i, _ in strict.skipped]) == (2, 3, [ids[5]])
    lenient = _run(tmp_path, MemoryOptions(), dry_run=True, allow_lossy=True)
    assert (lenient.already, lenient.migrated, lenient.lossy, lenient.skipped) == (2, 4, 1, [])


def test_workers_plan_in_other_processes_unless_the_caller_runs_threads(tmp_path: Path) -> None:
    _archive(tmp_path, threads=4)
    if threading.active_count() > 1:
        pytest.skip("another thread runs in this test process: the engine plans in-process then (tested below)")
    pooled = MemoryOptions(workers=2)
    assert _run(tmp_path, pooled).migrated == 4
    assert pooled.planned_in and os.getpid() not in pooled.planned_in
    (tmp_path / "m.db").unlink()
    inline = MemoryOptions(workers=0)
    assert _run(tmp_path, inline, new_journal=True).migrated == 4 and inline.planned_in == {os.getpid()}
    (tmp_path / "m.db").unlink()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        threaded = MemoryOptions(workers=2)
        assert _run(tmp_path, threaded, new_journal=True).migrated == 4
    finally:
        stop.set()
        other.join()
    assert threaded.planned_in == {os.getpid()}


def test_lossy_moves_are_counted_one_by_one(tmp_path: Path) -> None:
    _archive(tmp_path, threads=3, lossy=0)
    summary = _run(tmp_path, MemoryOptions(batch=1), allow_lossy=True)
    assert (summary.migrated, summary.lossy) == (3, 1)


def test_a_run_reading_ids_from_the_api_killed_midway_stops_with_its_own_error_and_resumes(tmp_path: Path) -> None:
    emulator = Emulator(faults=Faults(latency=0.02))  # reads still under way when the run is killed
    ids = []
    for number in range(6):
        made = emulator.add_thread({"metadata": {}, "tool_resources": {}})
        emulator.add_message(made["id"], {"role": "user", "content": f"hello {number}", "metadata": {}})
        ids.append(made["id"])

    def run(options: MemoryOptions) -> MigrationSummary:
        return asyncio.run(
            migrate(
                journal=tmp_path / "m.db", ids=ids, to="memory", options=options, api_key="sk-test",
                transport=emulator.transport(), progress=io.StringIO(),
            )
        )  # fmt: skip

    crashing = MemoryOptions(crash_after=2, batch=1)
    with pytest.raises(Crash):  # not a CancelledError of the reads still under way
        run(crashing)
    resumed = MemoryOptions(shelf=crashing.shelf, writes=crashing.writes, batch=1)
    summary = run(resumed)
    assert (summary.migrated, summary.already) == (4, 2) and resumed.writes == ids


@pytest.mark.parametrize(("job", "done"), [("reconcile", "reconciled"), ("undo", "undone"), ("repair", "repaired")])
def test_a_target_that_cannot_read_back_what_it_holds_cannot_be_checked_or_taken_back(
    tmp_path: Path, job: str, done: str
) -> None:
    _archive(tmp_path)
    assert _run(tmp_path, MemoryOptions()).ok
    module = importlib.import_module(f"threadshim.migrate.{job}")
    call = getattr(module, job)(journal=tmp_path / "m.db", archive=tmp_path / "legacy.jsonl", progress=io.StringIO())
    with pytest.raises(
        InvalidRequest, match=rf"^the memory target cannot read back what it holds: it cannot be {done}$"
    ):
        asyncio.run(call)
