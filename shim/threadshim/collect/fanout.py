"""Work done ahead by worker processes and handed back in its order, a bounded number of jobs at a time.

At most ``ahead`` jobs are in flight or waiting at once, so memory stays bounded however large the
input. Reading: a compressed file or archive is read here, as a stream, when its turn comes; so is
every unit when there is no pool. Writing: each chunk of threads is made into the archive's lines
by a worker, or here when there is no pool.
"""

from __future__ import annotations

import functools
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import TypeVar

from .records import Record, Tally
from .texts import spill
from .units import Done, Files, Part, Unit, read, streamed

Job = TypeVar("Job")
Result = TypeVar("Result")


def ahead(
    jobs: Iterable[Job], pool: Executor | None, depth: int, work: Callable[[Job], Result], sent: Callable[[Job], bool]
) -> Iterator[tuple[Job, Future[Result] | None]]:
    """Each job in order, with the future of ``work`` on it when ``sent`` to the pool (None: do it here, now);
    at most ``depth`` jobs (at least one) are sent or waiting at a time.
    """
    source = iter(jobs)
    window: deque[tuple[Job, Future[Result] | None]] = deque()
    while True:
        for job in itertools.islice(source, max(depth, 1) - len(window)):
            window.append((job, pool.submit(work, job) if pool is not None and sent(job) else None))
        if not window:
            return
        yield window.popleft()


def _pooled(unit: Unit) -> bool:
    """Whether a worker reads the unit: every file or part, but a compressed file or archive (streamed here)."""
    return isinstance(unit, Part) or (isinstance(unit, Files) and not unit.streamed)


def read_aside(folder: str, unit: Unit) -> Done:
    """A unit read in a worker process, its messages' texts written to the worker's file in ``folder``."""
    done = read(unit)
    found, file = spill(folder, done.records)
    return Done(found, done.objects, done.to_end, file)


def _here(unit: Unit) -> tuple[Iterable[Record], Tally, bool]:
    if isinstance(unit, Files) and unit.streamed:
        found, tally = streamed(unit.paths[0])
        return found, tally, False
    done = read(unit)
    return done.records, Tally(done.objects), done.to_end


Read = tuple[Unit, Iterable[Record], Tally, bool, str | None]


def read_all(units: Iterable[Unit], pool: Executor | None, depth: int, folder: str) -> Iterator[Read]:
    """Each unit in order, with its records, their tally of objects (whole once they are consumed), whether it
    read its file to the end, and the file in ``folder`` a worker wrote its messages' texts to.
    """
    for unit, future in ahead(units, pool, depth, functools.partial(read_aside, folder), _pooled):
        if future is None:
            yield (unit, *_here(unit), None)
        else:
            done: Done = future.result()
            yield unit, done.records, Tally(done.objects), done.to_end, done.texts
