"""Export progress: a rich bar on a terminal, plain lines with count, rate and ETA otherwise."""

from __future__ import annotations

import io

from threadshim._progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_count_and_rate() -> None:
    stream = Terminal()
    meter = Progress(3, stream)
    for _ in range(3):
        meter.advance()
    meter.close()
    assert "3/3" in stream.getvalue() and "threads/s" in stream.getvalue()


def test_a_pipe_gets_plain_lines() -> None:
    stream = io.StringIO()
    meter = Progress(2, stream, every=3600)
    meter.advance()
    meter.advance()
    meter.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exported 2/2 (") and "ETA" in lines[0]
