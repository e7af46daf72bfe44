"""Workers side by side: when one fails, the others are stopped and waited for before the failure is raised."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from threadshim._tasks import side_by_side


def test_every_worker_runs_to_the_end() -> None:
    ran: list[int] = []
    numbers = itertools.count()

    async def worker() -> None:
        number = next(numbers)
        await asyncio.sleep(0)
        ran.append(number)

    asyncio.run(side_by_side(worker, 3))
    assert sorted(ran) == [0, 1, 2]


def test_one_failure_stops_the_others_before_it_is_raised() -> None:
    numbers = itertools.count()
    cleaned: list[int] = []

    async def worker() -> None:
        number = next(numbers)
        try:
            if number == 0:
                await asyncio.sleep(0)
                raise OSError("disk full")
            await asyncio.Event().wait()  # would wait forever
        finally:
            cleaned.append(number)

    async def main() -> list[int]:
        with pytest.raises(OSError, match="disk full"):
            await side_by_side(worker, 3)
        return list(cleaned)  # as it was the moment the failure reached the caller

    assert sorted(asyncio.run(main())) == [0, 1, 2]
