"""The journal's settings, the owner of a target id, and an undone thread: what reconcile, undo and the sessions
target record beside the threads."""

from __future__ import annotations

from pathlib import Path

from threadshim.migrate import Journal
from threadshim.migrate.reconcile import CHECK


def test_settings_are_kept_replaced_and_removed(tmp_path: Path) -> None:
    with Journal(tmp_path / "m.db", target="memory", identity="here") as journal:
        assert journal.setting("reconcile") is None
        journal.put_setting("reconcile", '{"run": 1}')
        journal.put_setting("reconcile", '{"run": 2}')
        assert journal.setting("reconcile") == '{"run": 2}' and journal.setting("target") == "memory"
        journal.put_setting("reconcile", None)
        assert journal.setting("reconcile") is None and journal.setting("identity") == "here"
    with Journal(tmp_path / "m.db", read_only=True) as again:
        assert again.setting("reconcile") is None


def test_the_owner_of_a_target_id_is_the_first_thread_that_went_there(tmp_path: Path) -> None:
    with Journal(tmp_path / "m.db", target="memory", identity="here") as journal:
        for legacy_id in ("thread_a", "thread_b"):
            journal.plan(legacy_id, total=1, lossy=False, losses=[], kept={}, tools=[])
            journal.holds(legacy_id, "session_1")
        assert journal.owner_of("session_1") == "thread_a" and journal.owner_of("session_2") is None


def test_an_undone_thread_forgets_its_target_and_rows_but_not_its_uncertain_creates(tmp_path: Path) -> None:
    with Journal(tmp_path / "m.db", target="memory", identity="here") as journal:
        for legacy_id in ("thread_a", "thread_b"):
            journal.plan(legacy_id, total=2, lossy=False, losses=[], kept={}, tools=[])
            journal.holds(legacy_id, "conv_" + legacy_id)
            journal.put_row(legacy_id, "batch", 0, "confirmed", {"count": 2})
            journal.put_row(legacy_id, CHECK, 0, "equal", {"run": 1})
            journal.append_row(legacy_id, "uncertain_create", "counted", {})
        journal.finish("thread_a", "failed", "it broke")
        journal.undone("thread_a")
        entry = journal.entry("thread_a")
        assert entry is not None and (entry.state, entry.target_id, entry.error) == ("undone", None, None)
        assert journal.rows("thread_a", "batch") == [] and journal.rows("thread_a", CHECK) == []
        assert journal.count_rows("uncertain_create", ["thread_a", "thread_b"]) == {"thread_a": 1, "thread_b": 1}
        assert [r.position for r in journal.rows("thread_b", "batch")] == [0] and journal.target_of("thread_a") is None
        assert journal.owner_of("conv_thread_a") is None and journal.started() == {"thread_b"}
