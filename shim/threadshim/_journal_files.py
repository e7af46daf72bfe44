"""How the journal's SQLite file is opened: one file at rest, write-ahead logging while a run writes it.

While a run holds the journal it is in WAL mode: each commit is one append and one sync of the
``-wal`` file, and a second connection reads what is committed without waiting for a commit in
progress. When the run ends the log is folded back and the file returns to a plain rollback
journal, so at rest it is one file, safe to copy. After a run that was killed, the ``-wal`` file
beside it holds the last records: the next open (any threadshim command) folds it in.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

TIMEOUT = 10.0
"""How long a statement waits for another connection's lock before it fails (seconds)."""


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection; a reader may still roll back what a killed writer left (a hot journal), but never writes."""
    if not read_only:
        return sqlite3.connect(path, isolation_level=None, timeout=TIMEOUT, check_same_thread=False)
    try:
        db = sqlite3.connect(
            f"file:{path}?mode=rw", uri=True, isolation_level=None, timeout=TIMEOUT, check_same_thread=False
        )
        db.execute("PRAGMA query_only = ON")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # recovers a hot journal, if there is one
        return db
    except sqlite3.OperationalError:  # a file we may not write: read it as it is
        return sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=TIMEOUT, check_same_thread=False
        )


def write_ahead(db: sqlite3.Connection, path: Path) -> sqlite3.Connection | None:
    """Put the journal in WAL mode (each commit synced) and return a connection for reads beside the writer.

    None where the file system cannot share WAL's index (a network mount, say): the journal then
    stays a rollback journal, read and written through the one connection.
    """
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        return None
    db.execute("PRAGMA synchronous = FULL")  # in WAL mode too: a commit is on disk before the next request
    reads = sqlite3.connect(path, isolation_level=None, timeout=TIMEOUT, check_same_thread=False)
    reads.execute("PRAGMA query_only = ON")
    return reads


def at_rest(db: sqlite3.Connection) -> None:
    """Fold the write-ahead log into the file and leave it a rollback journal, one file (best effort).

    Another program reading the journal at this moment keeps it in WAL mode; the last connection
    to close folds the log in all the same.
    """
    try:
        db.execute("PRAGMA busy_timeout = 200")
        db.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.Error:
        pass
