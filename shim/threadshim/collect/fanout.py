"""Units read ahead by worker processes and handed back in their order, a bounded number at a time.

At most ``ahead`` units are read or waiting at once, so memory stays bounded however large the
input. A compressed file or archive is read here, as a stream, when its turn comes; so is every
unit when there is no pool.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future

from .containers import Invalid
from .records import Record, Tally
from .units import Done, Files, Part, Unit, read, streamed


def _tally(objects: int) -> Tally:
    tally = Tally()
    tally.objects = objects
    return tally


def _here(unit: Unit) -> tuple[Iterable[Record], Tally, bool]:
    if isinstance(unit, Invalid):
        return [unit], Tally(), False
    if isinstance(unit, Files) and unit.streamed:
        found, tally = streamed(unit.paths[0])
        return found, tally, False
    done = read(unit)
    return done.records, _tally(done.objects), done.to_end


Read = tuple[Unit, Iterable[Record], Tally, bool]


def read_all(units: Iterable[Unit], pool: Executor | None, ahead: int) -> Iterator[Read]:
    """Each unit in order, with its records, their tally of objects (whole once they are consumed), and whether
    it read its file to the end.
    """
    source = iter(units)
    window: deque[tuple[Unit, Future[Done] | None]] = deque()
    while True:
        while len(window) < max(ahead, 1) and (unit := next(source, None)) is not None:
            future = None
            if pool is not None and isinstance(unit, (Files, Part)) and not (isinstance(unit, Files) and unit.streamed):
                future = pool.submit(read, unit)
            window.append((unit, future))
        if not window:
            return
        unit, future = window.popleft()
        if future is None:
            yield (unit, *_here(unit))
        else:
            done = future.result()
            yield unit, done.records, _tally(done.objects), done.to_end
