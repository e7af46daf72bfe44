"""Which journal migrated an archive to which target: a second journal for the same move is refused.

A journal reused against another target is refused by the journal itself (it records the target's
identity); this side file beside the archive catches the other slip, a second journal for an
archive already migrated to the same target (:func:`check_claim`), before the first thread is sent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO

from .._errors import ArchiveClaimed
from .._journal import Journal
from .._json import loads
from .._paths import same_file
from ..archive import Archive


def claims_path(archive: Path) -> Path:
    """The side file recording which journal migrated ``archive`` to which target."""
    return archive.with_name(archive.name + ".migrations.json")


def _claims(archive: Path) -> list[dict[str, str]]:
    try:
        saved = loads(claims_path(archive).read_bytes())
    except (OSError, ValueError):  # none yet, or unreadable: the journal's own identity check still stands
        return []
    entries = saved.get("migrations") if isinstance(saved, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def check_claim(archive: Path, target: str, identity: str, journal: Path, *, new_journal: bool = False) -> None:
    """Refuse a second journal for the same archive and target (:class:`ArchiveClaimed`), unless ``new_journal``."""
    if new_journal:
        return
    for claim in _claims(archive):
        if claim.get("target") == target and claim.get("identity") == identity:
            first = str(claim.get("journal"))
            if not same_file(first, journal):
                raise ArchiveClaimed(
                    f"{archive} was migrated to {target} {identity} with the journal {first}; continue with "
                    f"--journal {first} (a second journal sends every thread again), or pass --new-journal to "
                    "start over on purpose"
                )


def record_claim(archive: Path, target: str, identity: str, journal: Path) -> str | None:
    """Record that ``journal`` migrates ``archive`` to this target; a warning when the side file cannot be written."""
    kept = [c for c in _claims(archive) if (c.get("target"), c.get("identity")) != (target, identity)]
    kept.append({"target": target, "identity": identity, "journal": os.path.realpath(journal)})
    path = claims_path(archive)
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(json.dumps({"migrations": kept}, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        return f"cannot record the journal beside the archive ({path}: {exc.strerror}); keep using {journal}"
    return None


def announce(journal: Journal, archive: Archive | None, stream: TextIO) -> None:
    """Say when an older journal adopted this target, and record which journal migrates the archive."""
    if journal.adopted:
        print(
            f"threadshim: notice: {journal.path} was made before journals recorded their target; "
            f"it now records {journal.target.split()[0] if journal.target else ''} {journal.identity}",
            file=stream,
        )
    if archive is not None and journal.target is not None and journal.identity is not None:
        warning = record_claim(archive.path, journal.target.split()[0], journal.identity, journal.path)
        if warning is not None:
            print(f"threadshim: warning: {warning}", file=stream)
