"""The export's writer: every queued line reaches the file whole and in order, even past its backlog."""

from __future__ import annotations

import asyncio
from pathlib import Path

from threadshim._writer import GroupWriter


async def test_lines_past_the_backlog_all_land_in_order(tmp_path: Path) -> None:
    out = tmp_path / "lines.jsonl"
    with out.open("a", encoding="utf-8") as handle:
        writer = GroupWriter(handle, backlog=3)

        async def produce(start: int) -> None:
            for n in range(start, start + 50):
                await writer.write(f"{n}\n")

        await asyncio.gather(produce(0), produce(1000))
        await writer.close()
    numbers = [int(line) for line in out.read_text().splitlines()]
    assert sorted(numbers) == [*range(50), *range(1000, 1050)]
    assert [n for n in numbers if n < 1000] == list(range(50))
