"""The export's writer: every queued line reaches the file whole and in order, even past its backlog."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest
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


async def test_lines_reach_the_disk_while_the_export_runs_not_only_at_close(tmp_path: Path) -> None:
    out = tmp_path / "lines.jsonl"
    with out.open("a", encoding="utf-8") as handle:
        writer = GroupWriter(handle)
        for n in range(3):
            await writer.write(f"{n}\n")
        for _ in range(200):  # the drain runs in the background; give it the loop for a while
            if out.read_text() == "0\n1\n2\n":
                break
            await asyncio.sleep(0.01)
        assert out.read_text() == "0\n1\n2\n"
        await writer.close()


@pytest.mark.parametrize("backlog", [2, 1000])
async def test_a_writer_waits_for_the_disk_only_past_its_backlog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backlog: int
) -> None:
    disk = threading.Event()
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        disk.wait(10)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    with (tmp_path / "lines.jsonl").open("a", encoding="utf-8") as handle:
        writer = GroupWriter(handle) if backlog == 1000 else GroupWriter(handle, backlog=backlog)
        await writer.write("first\n")  # its group goes to the (stuck) disk
        await asyncio.sleep(0.05)
        for n in range(backlog):  # up to the backlog: queued, no waiting
            await asyncio.wait_for(writer.write(f"{n}\n"), 1)
        one_more = asyncio.ensure_future(writer.write("over\n"))
        await asyncio.sleep(0.1)
        assert not one_more.done()  # past the backlog: it waits for the disk
        disk.set()
        await asyncio.wait_for(one_more, 10)
        await writer.close()
    assert (tmp_path / "lines.jsonl").read_text().splitlines()[-1] == "over"
