"""Reading the files the commands are given, with each refused line reported on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .._routing import Kind
from ..export import IdList, read_ids_file


def ids_file(path: Path, kinds: tuple[Kind, ...] = ("assistants",)) -> IdList:
    """The ids of an ids file; each line refused is printed as ``FILE:LINE: why (skipped)``."""
    parsed = read_ids_file(path, kinds)
    for number, reason in parsed.rejected:
        print(f"threadshim: {path}:{number}: {reason} (skipped)", file=sys.stderr)
    return parsed


def whole(low: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``low``, refused in one line otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {low}, got {text}")
        return value

    return parse
