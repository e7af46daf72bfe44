"""Killing a command with SIGKILL three times at random moments, as a crash test does, and what each run left."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def _at_once() -> bool:
    return True


def kill_three_times(
    command: Sequence[str],
    done: Callable[[], int],
    *,
    between: tuple[float, float],
    begun: Path | Callable[[], bool] | None = None,
) -> tuple[int, list[int]]:
    """Start ``command`` three times and kill each run a random ``between`` seconds in (after ``begun`` exists, or
    says so, when given); how many runs were killed, and ``done()`` after each."""
    started: Callable[[], bool] = _at_once if begun is None else begun.exists if isinstance(begun, Path) else begun
    draw = random.Random()
    kills, progress = 0, []
    for _ in range(3):
        process = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not started() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # the run has begun once this file is there, or this is true
        time.sleep(draw.uniform(*between))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=30)
        progress.append(done())
    return kills, progress
