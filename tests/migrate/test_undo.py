"""Undo and repair against the emulator's Conversations API: undo leaves the API as it was before the migration,
spares a conversation someone else wrote to, and a migration after it moves everything again exactly once;
repair finishes a thread that lost its last batch and refuses one someone else changed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, get_args

from threadshim.migrate import Journal, migrate
from threadshim.migrate.repair import repair
from threadshim.migrate.undo import UndoSummary, undo
from threadshim.testing import Emulator
from threadshim.testing._faults import Failure
from threadshim.testing._store import Kind

from .test_reconcile import _account, _append, _change_text, _check, _items, _target, archived

SIZES = (0, 3, 21, 45)


def state(emulator: Emulator) -> dict[str, dict[str, Any]]:
    """Every object the emulator holds, of every kind, by id."""
    return {
        kind: {i: emulator.store.get(kind, i) for i in emulator.store.ids(kind)} for kind in get_args(Kind)
    }  # fmt: skip


def _legacy(tmp_path: Path, sizes: tuple[int, ...] = SIZES) -> tuple[Emulator, list[str], Path]:
    return archived(tmp_path, sizes)


def _migrate(tmp_path: Path, emulator: Emulator, archive: Path, **options: Any) -> None:
    assert asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, **_account(emulator), **options)).ok


def _undo(tmp_path: Path, emulator: Emulator, archive: Path | None, **options: Any) -> UndoSummary:
    return asyncio.run(undo(journal=tmp_path / "m.db", archive=archive, **_account(emulator), **options))


def test_undo_leaves_the_api_as_it_was_and_a_new_migration_moves_everything_again_exactly_once(tmp_path: Path) -> None:
    emulator, ids, archive = _legacy(tmp_path)
    before = state(emulator)
    _migrate(tmp_path, emulator, archive)
    assert state(emulator) != before
    summary = _undo(tmp_path, emulator, archive)
    assert summary.ok and len(summary.removed) == len(ids) and summary.uncertain_creates == 0
    assert state(emulator) == before
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        assert {(e.state, e.target_id) for e in journal.entries()} == {("undone", None)}
    _migrate(tmp_path, emulator, archive)
    assert len(emulator.store.ids("conversation")) == len(ids)
    assert all(c.result == "equal" for c in _check(tmp_path, emulator, archive).checks)
    again = _undo(tmp_path, emulator, archive)  # and it can be taken back again
    assert len(again.removed) == len(ids) and state(emulator) == before


def test_a_dry_run_lists_what_it_would_remove_and_removes_nothing(tmp_path: Path) -> None:
    emulator, ids, archive = _legacy(tmp_path)
    _migrate(tmp_path, emulator, archive)
    before = state(emulator)
    journal_bytes = (tmp_path / "m.db").read_bytes()
    summary = _undo(tmp_path, emulator, archive, dry_run=True)
    assert summary.dry_run and sorted(legacy for legacy, _ in summary.removed) == sorted(ids)
    assert state(emulator) == before and (tmp_path / "m.db").read_bytes() == journal_bytes
    assert "would remove 4 threads" in summary.line()


def test_a_conversation_someone_wrote_to_survives_undo_unless_forced_and_only_limits_it(tmp_path: Path) -> None:
    emulator, ids, archive = _legacy(tmp_path)
    _migrate(tmp_path, emulator, archive)
    continued = _target(tmp_path, ids[1])
    _append(emulator, continued)
    foreign = _items(emulator, continued)[-1]["id"]
    summary = _undo(tmp_path, emulator, archive)
    assert [legacy for legacy, _ in summary.refused] == [ids[1]] and foreign in summary.refused[0][1]
    assert emulator.store.ids("conversation") == [continued] and not summary.ok
    assert _undo(tmp_path, emulator, archive, only=[ids[0]]).removed == []  # already undone: nothing left of it
    forced = _undo(tmp_path, emulator, archive, only=[ids[1]], force=True)
    assert forced.removed == [(ids[1], continued)] and emulator.store.ids("conversation") == []


def test_without_the_archive_a_thread_is_refused_unless_forced(tmp_path: Path) -> None:
    emulator, ids, archive = _legacy(tmp_path, (2,))
    _migrate(tmp_path, emulator, archive)
    refused = _undo(tmp_path, emulator, None)
    assert [legacy for legacy, _ in refused.refused] == ids and "pass --archive" in refused.refused[0][1]
    assert len(emulator.store.ids("conversation")) == 1
    assert len(_undo(tmp_path, emulator, None, force=True).removed) == 1 and emulator.store.ids("conversation") == []


def test_creates_whose_answer_was_lost_are_counted_and_not_undone(tmp_path: Path) -> None:
    emulator, _, archive = _legacy(tmp_path, (2,))
    emulator.faults.fail_next(Failure(500, after_serving=True))  # the first request: the create
    _migrate(tmp_path, emulator, archive, preflight=False)
    assert len(emulator.store.ids("conversation")) == 2  # the lost answer's conversation, and the one recorded
    summary = _undo(tmp_path, emulator, archive)
    assert summary.uncertain_creates == 1 and len(summary.removed) == 1 and "cannot be undone" in summary.line()
    assert len(emulator.store.ids("conversation")) == 1


def test_repair_sends_exactly_the_lost_last_batch_and_refuses_a_thread_someone_changed(tmp_path: Path) -> None:
    emulator, ids, archive = _legacy(tmp_path)
    _migrate(tmp_path, emulator, archive)
    long = _target(tmp_path, ids[3])
    for item in _items(emulator, long)[40:]:
        emulator.store.delete("conversation_item", item["id"])  # the last batch (items 40 to 44) is lost
    _change_text(emulator, _target(tmp_path, ids[2]))
    summary = asyncio.run(repair(journal=tmp_path / "m.db", archive=archive, **_account(emulator)))
    assert summary.repaired == [(ids[3], 5)] and summary.equal == 2 and not summary.ok
    assert [legacy for legacy, _ in summary.refused] == [ids[2]] and "changed" in summary.refused[0][1]
    results = {c.legacy_id: c.result for c in _check(tmp_path, emulator, archive).checks}
    assert results == {**dict.fromkeys(ids, "equal"), ids[2]: "differs"}
    assert len(_items(emulator, long)) == 45
