"""Progress of a long job: a rich bar with count, rate and ETA on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import time
from typing import Any, TextIO


class Progress:
    """Count, rate and ETA: a rich progress bar on a terminal, plain periodic lines otherwise."""

    def __init__(self, total: int, stream: TextIO, every: float = 2.0, *, verb: str = "exported") -> None:
        self.total, self.stream, self.every, self.verb = total, stream, every, verb
        self.done = 0
        self._start = self._last = time.monotonic()
        self._bar: Any = None
        if stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            rate = TextColumn("{task.fields[rate]:.1f} threads/s")
            self._bar = Bar(
                verb, BarColumn(), MofNCompleteColumn(), rate, TimeRemainingColumn(), console=Console(file=stream)
            )
            self._bar.start()
            self._task = self._bar.add_task(verb, total=total, rate=0.0)

    def advance(self, count: int = 1) -> None:
        """Count ``count`` threads done."""
        if count < 1:
            return
        self.done += count
        now = time.monotonic()
        if self._bar is not None:
            self._bar.update(self._task, advance=count, rate=self.done / max(now - self._start, 1e-9))
            return
        if now - self._last >= self.every or self.done == self.total:
            self._last = now
            rate = self.done / max(now - self._start, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0.0
            print(f"{self.verb} {self.done}/{self.total} ({rate:.1f}/s, ETA {eta:.0f}s)", file=self.stream, flush=True)

    def close(self) -> None:
        """Stop the bar."""
        if self._bar is not None:
            self._bar.stop()
