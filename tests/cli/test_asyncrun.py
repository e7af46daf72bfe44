"""Ctrl-C during a command's coroutine: the work is cancelled and cleans up, then the command stops, on every Python."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from threadshim.cli._asyncrun import run


def _ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


def test_ctrl_c_cancels_the_work_lets_its_cleanup_run_then_stops() -> None:
    cleaned: list[str] = []

    async def work() -> str:
        try:
            _ctrl_c()
            await asyncio.sleep(30)
            return "finished"
        finally:
            await asyncio.sleep(0)  # cleanup may still await (the export's last lines reach the disk)
            cleaned.append("cleaned up")

    with pytest.raises(KeyboardInterrupt):
        run(work())
    assert cleaned == ["cleaned up"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is put back


def test_work_that_swallows_the_cancel_still_stops() -> None:
    async def work() -> str:
        _ctrl_c()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            return "carried on"
        return "finished"

    with pytest.raises(KeyboardInterrupt):
        run(work())


def test_without_ctrl_c_the_result_comes_back_and_other_tasks_are_ended() -> None:
    started: list[asyncio.Task[None]] = []

    async def work() -> int:
        started.append(asyncio.get_running_loop().create_task(asyncio.sleep(30)))
        return 7

    assert run(work()) == 7
    assert started[0].cancelled()


def test_a_cancel_that_is_not_ctrl_c_stays_a_cancel() -> None:
    async def work() -> None:
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        run(work())
