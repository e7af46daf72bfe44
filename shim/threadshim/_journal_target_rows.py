"""The journal's rows beside its threads: a target's own rows, its settings, and a thread's undo.

A mixin of :class:`~threadshim._journal.Journal`, which gives it its reads and writes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from ._journal_rows import TargetRow, target_row_of
from ._journal_schema import UNCERTAIN_CREATE


class JournalRows:
    """Target rows (by thread, kind and position), settings (by name), and undoing a thread."""

    def _query(self, sql: str, row: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        raise NotImplementedError  # pragma: no cover - the journal's

    def _write(self, sql: str, row: tuple[Any, ...]) -> None:
        raise NotImplementedError  # pragma: no cover - the journal's

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # pragma: no cover - the journal's

    def setting(self, name: str) -> str | None:
        """A setting's value (the target, a reconcile run in progress), or None when there is none."""
        rows = self._query("SELECT value FROM settings WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def put_setting(self, name: str, value: str | None) -> None:
        """Record a setting (None removes it)."""
        if value is None:
            self._write("DELETE FROM settings WHERE name = ?", (name,))
        else:
            self._write("INSERT OR REPLACE INTO settings VALUES (?, ?)", (name, value))

    def owner_of(self, target_id: str) -> str | None:
        """The thread the journal records as written to ``target_id`` (done or part-way), or None."""
        rows = self._query("SELECT legacy_id FROM threads WHERE target_id = ? ORDER BY rowid LIMIT 1", (target_id,))
        return str(rows[0][0]) if rows else None

    def undone(self, legacy_id: str) -> None:
        """Record that what the migration made of a thread was removed: it is moved again, from the start.

        Its target rows go, but for its uncertain creates (what they may have left is still there).
        """
        with self.transaction():
            self._write("DELETE FROM target_rows WHERE legacy_id = ? AND kind != ?", (legacy_id, UNCERTAIN_CREATE))
            self._write(
                "UPDATE threads SET state = 'undone', target_id = NULL, error = NULL, updated_at = ? "
                "WHERE legacy_id = ?",
                (time.time(), legacy_id),
            )

    def rows(self, legacy_id: str, kind: str) -> list[TargetRow]:
        """A target's rows of ``kind`` for a thread, by position."""
        found = self._query(
            "SELECT position, state, data FROM target_rows WHERE legacy_id = ? AND kind = ? ORDER BY position",
            (legacy_id, kind),
        )
        return [target_row_of(legacy_id, row) for row in found]

    def rows_of_kind(self, kind: str) -> list[tuple[str, TargetRow]]:
        """Every thread's target rows of ``kind``, by thread and position."""
        found = self._query(
            "SELECT legacy_id, position, state, data FROM target_rows WHERE kind = ? ORDER BY legacy_id, position",
            (kind,),
        )
        return [(str(row[0]), target_row_of(str(row[0]), row[1:])) for row in found]

    def count_rows(self, kind: str, legacy_ids: Sequence[str]) -> dict[str, int]:
        """How many rows of ``kind`` each of these threads has (those with none are left out)."""
        wanted = set(legacy_ids)
        found = self._query("SELECT legacy_id, count(*) FROM target_rows WHERE kind = ? GROUP BY legacy_id", (kind,))
        return {str(legacy_id): int(n) for legacy_id, n in found if legacy_id in wanted}

    def put_row(self, legacy_id: str, kind: str, position: int, state: str, data: Any) -> None:
        """Record (or replace) a target's row of ``kind`` at ``position`` for a thread."""
        self._write(
            "INSERT OR REPLACE INTO target_rows VALUES (?, ?, ?, ?, ?)",
            (legacy_id, kind, position, state, json.dumps(data)),
        )

    def append_row(self, legacy_id: str, kind: str, state: str, data: Any) -> None:
        """Record a target's row of ``kind`` after the thread's last one."""
        self._write(
            "INSERT INTO target_rows SELECT ?, ?, coalesce(max(position) + 1, 0), ?, ? FROM target_rows "
            "WHERE legacy_id = ? AND kind = ?",
            (legacy_id, kind, state, json.dumps(data), legacy_id, kind),
        )

    def drop_row(self, legacy_id: str, kind: str, position: int) -> None:
        """Forget a target's row of ``kind`` at ``position`` for a thread."""
        self._write(
            "DELETE FROM target_rows WHERE legacy_id = ? AND kind = ? AND position = ?", (legacy_id, kind, position)
        )
