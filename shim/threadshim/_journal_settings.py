"""The journal's one target: its kind and identity, recorded on first use and checked on every open after.

A staging journal never says "done" for production: a journal names the target it was made for
(``conversations`` with an API's base URL, organization and project; ``chatkit`` with a store's
resolved location, never a password) and refuses any other, naming both.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ._errors import JournalError


def recorded_target(db: sqlite3.Connection, path: Path, wanted: str | None, read_only: bool) -> str | None:
    """The journal's target kind: recorded now if it has none and may be written, else checked against ``wanted``."""
    row = db.execute("SELECT value FROM settings WHERE name = 'target'").fetchone()
    if row is None and wanted is not None and not read_only:
        db.execute("INSERT INTO settings VALUES ('target', ?)", (wanted,))
        return wanted
    recorded = str(row[0]) if row is not None else None
    # journals before identities recorded "chatkit <store URL>": the kind is the first word
    if wanted is not None and recorded is not None and recorded.split()[0] != wanted.split()[0]:
        raise JournalError(f"{path} records a migration to {recorded}, not {wanted}; use another journal file for it")
    return recorded


def recorded_identity(
    db: sqlite3.Connection, path: Path, target: str | None, wanted: str | None, read_only: bool
) -> tuple[str | None, bool]:
    """The journal's target identity, and whether this open adopted it (a journal from before identities)."""
    row = db.execute("SELECT value FROM settings WHERE name = 'identity'").fetchone()
    recorded = str(row[0]) if row is not None else None
    if recorded is None:
        if wanted is not None and not read_only:
            adopted = bool(db.execute("SELECT count(*) FROM threads").fetchone()[0] > 0)
            db.execute("INSERT INTO settings VALUES ('identity', ?)", (wanted,))
            return wanted, adopted
        return None, False
    if wanted is not None and recorded != wanted:
        raise JournalError(
            f"{path} records a migration to {target} {recorded}, not to {wanted}; "
            "use the journal made for this target, or another journal file"
        )
    return recorded, False
