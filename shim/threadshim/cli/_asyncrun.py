"""Running a command's coroutine so that Ctrl-C behaves the same on every Python: cancel, finish cleanly, then stop.

Python 3.11's ``asyncio.run`` cancels the main task on the first Ctrl-C; 3.10's lets the
``KeyboardInterrupt`` land wherever the loop happens to be, which can leave tasks pending and print
their tracebacks. Here the first Ctrl-C cancels the main task (so its ``finally`` blocks run: the
export's last lines reach the disk, the journal is closed) and the command then ends with
``KeyboardInterrupt``, which the CLI reports in one line; a second Ctrl-C stops at once.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Coroutine
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


def run(main: Coroutine[Any, Any, T]) -> T:
    """Run ``main`` to its end in a new event loop; raise ``KeyboardInterrupt`` if Ctrl-C came meanwhile."""
    loop = asyncio.new_event_loop()
    task = loop.create_task(main)
    interrupted = False

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        if interrupted:
            raise KeyboardInterrupt
        interrupted = True
        loop.call_soon_threadsafe(task.cancel)

    ours = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_interrupt) if ours else None
    try:
        try:
            result = loop.run_until_complete(task)
        except asyncio.CancelledError:
            if interrupted:
                raise KeyboardInterrupt from None
            raise
        if interrupted:  # the work ended before the cancel reached it: still, the user asked to stop
            raise KeyboardInterrupt
        return result
    finally:
        if ours:
            signal.signal(signal.SIGINT, previous)
        _close(loop)


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is left, let it finish, and close the loop (as ``asyncio.run`` does)."""
    try:
        left = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in left:
            task.cancel()
        if left:
            loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()
