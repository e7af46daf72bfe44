"""Check an export file end to end: how many threads and messages it holds, and every sign of damage."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from .archive import Damage, check_is_export, survey


@attrs.frozen
class Verified:
    """What :func:`verify` found: ``ok`` is false on any damage (a line, a duplicate, a torn tail) or no thread."""

    path: Path
    threads: int
    messages: int
    damage: Damage

    @property
    def ok(self) -> bool:
        """Whether the export is whole and holds at least one thread."""
        return not self.damage and self.threads > 0

    def describe(self) -> str:
        """The summary line the CLI prints."""
        head = f"{self.path}: {self.threads} threads, {self.messages} messages"
        if self.damage:
            return f"{head}; {self.damage.describe(self.path, details=True)}"
        return head + (", no damage" if self.threads else "; it holds no thread (an export that exported nothing)")


def verify(path: str | os.PathLike[str]) -> Verified:
    """Read every line of an export (``NotAnExport`` if it is none) and report threads, messages and damage."""
    path = Path(path)
    check_is_export(path)
    entries, damage, messages = survey(path)
    return Verified(path, len(entries), messages, damage)
