"""Check an export file end to end: how many threads and messages it holds, and every sign of damage."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from .archive import Damage, check_is_export, survey


@attrs.frozen
class Verified:
    """What :func:`verify` found. ``ok`` is false when any line is damaged or duplicated, or the tail is torn."""

    path: Path
    threads: int
    messages: int
    damage: Damage

    @property
    def ok(self) -> bool:
        """Whether the export is whole."""
        return not self.damage

    def describe(self) -> str:
        """The summary line the CLI prints."""
        head = f"{self.path}: {self.threads} threads, {self.messages} messages"
        return head + (", no damage" if self.ok else f"; {self.damage.describe(self.path, details=True)}")


def verify(path: str | os.PathLike[str]) -> Verified:
    """Read every line of an export (``NotAnExport`` if it is none) and report threads, messages and damage."""
    path = Path(path)
    check_is_export(path)
    entries, damage, messages = survey(path)
    return Verified(path, len(entries), messages, damage)
