"""The journal file itself: readable after its writer was killed in the middle of a transaction."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from threadshim.migrate import Journal


def _killed_mid_write(tmp_path: Path) -> Path:
    """A journal as a writer killed inside a transaction leaves it: the file plus its hot rollback journal."""
    live = tmp_path / "live.db"
    with Journal(live, target="conversations") as journal:
        journal.finish("thread_done", "done")
    db = sqlite3.connect(live, isolation_level=None)
    db.execute("PRAGMA cache_size = 1")  # spill to the file before the commit, as a big transaction does
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE threads SET state = 'failed'")
    numbers = "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n LIMIT 3000) SELECT value FROM n"
    db.execute(
        f"INSERT INTO threads (legacy_id, state, updated_at) SELECT 'thread_' || value, 'done', 0 FROM ({numbers})"
    )
    crashed = tmp_path / "crashed.db"
    shutil.copy(live, crashed)
    shutil.copy(tmp_path / "live.db-journal", tmp_path / "crashed.db-journal")
    db.execute("ROLLBACK")
    db.close()
    return crashed


def test_a_journal_left_by_a_killed_writer_reads_as_it_was_before_the_unfinished_write(tmp_path: Path) -> None:
    crashed = _killed_mid_write(tmp_path)
    with Journal(crashed, read_only=True) as journal:
        assert [(e.legacy_id, e.state) for e in journal.entries()] == [("thread_done", "done")]
        assert journal.target == "conversations"
