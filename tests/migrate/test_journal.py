"""The journal file itself: readable after its writer was killed in the middle of a transaction."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from threadshim._journal_rows import Entry, Moved
from threadshim.migrate import Batch, ConversationLog, Journal, JournalError, TargetRow


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


def test_every_record_reads_back_exactly(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        log = ConversationLog(journal)
        journal.plan("thread_a", total=45, lossy=True, losses=[{"part": 1}], kept={"k": "v"}, tools=[{"type": "t"}])
        assert journal.entry("thread_a") == Entry(
            "thread_a", "creating", None, 45, True, None, [{"part": 1}], {"k": "v"}, [{"type": "t"}]
        )
        log.sending("thread_a", 0, ["msg_1"])
        log.uncertain_create("thread_a")  # counted, and its batch forgotten: it will be sent again
        assert log.pending("thread_a") is None and log.batches("thread_a") == []
        log.uncertain_create("thread_a")
        log.sending("thread_a", 0, ["msg_1", "msg_2", "msg_3"])
        assert log.pending("thread_a") == Batch(0, 3, False) and log.sent("thread_a") == 0
        log.confirmed("thread_a", 0, 2, "conv_1", ["item_1", "item_2"])
        assert log.pending("thread_a") is None and log.batches("thread_a") == [Batch(0, 2, True)]
        log.sending("thread_a", 2, ["msg_3"])
        assert log.batches("thread_a") == [Batch(0, 2, True), Batch(2, 1, False)]
        assert journal.entry("thread_a") == Entry(
            "thread_a", "sending", "conv_1", 45, True, None, [{"part": 1}], {"k": "v"}, [{"type": "t"}]
        )
        assert (log.sent("thread_a"), log.uncertain_creates(["thread_a", "thread_b"]), log.uncertain_creates([])) == (
            2, 2, 0,
        )  # fmt: skip
        assert journal.target_of("thread_a") is None  # not done yet
        log.unsent("thread_a", 2)
        assert log.batches("thread_a") == [Batch(0, 2, True)] and log.pending("thread_a") is None
        journal.finish("thread_a", "failed", "server said no")
        entry = journal.entry("thread_a")
        assert entry is not None and (entry.state, entry.error, entry.target_id, log.sent("thread_a")) == (
            "failed",
            "server said no",
            "conv_1",
            2,
        )
        journal.plan("thread_a", total=46, lossy=False, losses=[], kept={}, tools=[])  # a re-run keeps the progress
        assert journal.entry("thread_a") == Entry("thread_a", "sending", "conv_1", 46, False, None, [], {}, [])
        journal.finish("thread_a", "done")
        assert journal.target_of("thread_a") == "conv_1" and journal.entry("unknown") is None
    with sqlite3.connect(tmp_path / "j.db") as db:
        rows = db.execute("SELECT kind, position, state, data FROM target_rows WHERE legacy_id = 'thread_a'").fetchall()
    assert sorted(rows) == [
        (
            "batch",
            0,
            "confirmed",
            '{"count": 2, "message_ids": ["msg_1", "msg_2", "msg_3"], "item_ids": ["item_1", "item_2"]}',
        ),
        ("uncertain_create", 0, "counted", "{}"),
        ("uncertain_create", 1, "counted", "{}"),
    ]


def test_a_replan_before_any_create_stays_creating_and_clears_the_last_error(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        journal.plan("thread_a", total=1, lossy=False, losses=[], kept={}, tools=[])
        journal.finish("thread_a", "failed", "boom")
        journal.plan("thread_a", total=1, lossy=False, losses=[], kept={}, tools=[])
        entry = journal.entry("thread_a")
        assert entry is not None and (entry.state, entry.error, entry.target_id) == ("creating", None, None)


def test_skips_finishes_and_whole_moves_are_recorded_with_their_reasons(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="chatkit sqlite:///x.db") as journal:
        journal.skip("thread_s", total=4, losses=[{"why": "image"}], kept={"a": 1}, tools=[], reason="lossy")
        assert journal.entry("thread_s") == Entry(
            "thread_s", "skipped", None, 4, True, "lossy", [{"why": "image"}], {"a": 1}, []
        )
        journal.skip("thread_s", total=9, losses=[], kept={"b": 2}, tools=[{"t": 1}], reason="again")
        assert journal.entry("thread_s") == Entry("thread_s", "skipped", None, 4, True, "again", [], {"a": 1}, [])
        journal.finish("thread_n", "skipped", "not found")
        assert journal.entry("thread_n") == Entry("thread_n", "skipped", None, 0, False, "not found", [], {}, [])
        journal.done_many(
            [
                Moved.of("thread_m", "thr_m", 3, [{"l": 1}], {"k": 1}, [{"t": 2}]),
                Moved.of("thread_s", "thr_s", 4, [], {}, []),
            ]
        )
        assert journal.entry("thread_m") == Entry(
            "thread_m", "done", "thr_m", 3, True, None, [{"l": 1}], {"k": 1}, [{"t": 2}]
        )
        assert journal.entry("thread_s") == Entry("thread_s", "done", "thr_s", 4, False, None, [], {}, [])
        assert [e.legacy_id for e in journal.entries()] == ["thread_s", "thread_n", "thread_m"]
        assert journal.states() == {"thread_s": "done", "thread_n": "skipped", "thread_m": "done"}
        assert (journal.target_of("thread_m"), journal.target_of("thread_n")) == ("thr_m", None)
        with pytest.raises(ValueError, match=r"^not a final state: 'sending'$"):
            journal.finish("thread_m", "sending")


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        unbindable = Moved("thread_b", "thr_b", 1, False, object(), "{}", "[]")  # type: ignore[arg-type]
        with pytest.raises(JournalError, match=r"^cannot write the migration journal .*j\.db: "):
            journal.done_many([Moved.of("thread_a", "thr_a", 1, [], {}, []), unbindable])
        assert journal.entries() == []
        journal.finish("thread_c", "done")
        assert journal.states() == {"thread_c": "done"}


def _fail_when(journal_path: Path, trigger: str) -> None:
    """Make the journal's next matching write fail inside its transaction, as a crash between statements would."""
    db = sqlite3.connect(journal_path)
    db.execute(f"CREATE TRIGGER planted {trigger} BEGIN SELECT RAISE(ABORT, 'planted failure'); END")
    db.commit()
    db.close()


def _rows(journal_path: Path) -> list[list[tuple[Any, ...]]]:
    db = sqlite3.connect(journal_path)
    try:
        return [
            db.execute("SELECT * FROM threads ORDER BY legacy_id").fetchall(),
            db.execute("SELECT * FROM target_rows ORDER BY legacy_id, kind, position").fetchall(),
        ]
    finally:
        db.close()


_HALF_WAY: list[tuple[str, str, Any]] = [
    # (what is interrupted, the trigger that fails its second row, the write)
    (
        "confirm a batch",
        "BEFORE UPDATE ON threads",
        lambda j: ConversationLog(j).confirmed("thread_a", 0, 2, "conv_a", ["i1", "i2"]),
    ),
    (
        "count an uncertain create",
        "BEFORE DELETE ON target_rows",
        lambda j: ConversationLog(j).uncertain_create("thread_a"),
    ),
    (
        "record threads done",
        "BEFORE INSERT ON threads WHEN NEW.legacy_id = 'thread_z'",
        lambda j: j.done_many(
            [Moved.of("thread_y", "thr_y", 1, [], {}, []), Moved.of("thread_z", "thr_z", 1, [], {}, [])]
        ),
    ),
    (
        "record a done thread over a planned one",
        "BEFORE INSERT ON threads WHEN NEW.legacy_id = 'thread_z'",
        lambda j: j.done_many(
            [Moved.of("thread_a", "thr_a", 2, [], {}, []), Moved.of("thread_z", "thr_z", 1, [], {}, [])]
        ),
    ),
]


@pytest.mark.parametrize(("what", "trigger", "write"), _HALF_WAY, ids=[case[0] for case in _HALF_WAY])
def test_every_multi_row_update_interrupted_half_way_leaves_none_of_it(
    tmp_path: Path, what: str, trigger: str, write: Any
) -> None:
    path = tmp_path / "j.db"
    with Journal(path, target="conversations") as journal:
        journal.plan("thread_a", total=2, lossy=False, losses=[], kept={}, tools=[])
        ConversationLog(journal).sending("thread_a", 0, ["m1", "m2"])
    before = _rows(path)
    _fail_when(path, trigger)
    with Journal(path, target="conversations") as journal:
        with pytest.raises(JournalError, match="planted failure"):
            write(journal)
        assert _rows(path) == before, what
        assert ConversationLog(journal).pending("thread_a") == Batch(0, 2, False)


def test_the_target_is_recorded_once_and_another_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with Journal(path) as journal:
        assert journal.target is None
    with Journal(path, read_only=True) as journal:
        assert journal.target is None
    with Journal(path, target="conversations") as journal:
        assert journal.target == "conversations"
    for opened in (Journal(path), Journal(path, read_only=True), Journal(path, target="conversations")):
        with opened as journal:
            assert journal.target == "conversations"
    with pytest.raises(JournalError) as refused:
        Journal(path, target="chatkit sqlite:///c.db")
    assert (
        str(refused.value)
        == f"{path} records a migration to conversations, not chatkit sqlite:///c.db; use another journal file for it"
    )
    fresh = tmp_path / "fresh.db"
    Journal(fresh).close()
    with Journal(fresh, target="x", read_only=True) as journal:
        assert journal.target is None  # a reader records nothing
    with Journal(fresh, target="y") as journal:
        assert journal.target == "y"


def test_files_that_are_not_journals_are_refused_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(JournalError) as absent:
        Journal(missing, read_only=True)
    assert str(absent.value) == f"no migration journal at {missing}; pass the file `threadshim migrate` wrote"
    assert not missing.exists()
    text = tmp_path / "notes.txt"
    text.write_text("these are my notes, not a database\n" * 10)
    for read_only in (False, True):
        with pytest.raises(JournalError) as wrong:
            Journal(text, read_only=read_only)
        assert str(wrong.value) == f"{text} is not a migration journal (file is not a database); name another file"
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 3")
    for read_only in (False, True):
        with pytest.raises(JournalError) as upgrade:
            Journal(newer, read_only=read_only)
        assert str(upgrade.value) == f"{newer} is a journal of a newer threadshim (schema 3); upgrade"
    other = tmp_path / "app.db"  # another program's database that happens to have a threads table
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE threads (id INTEGER PRIMARY KEY, title TEXT)")
    for read_only in (False, True):
        with pytest.raises(JournalError) as foreign:
            Journal(other, read_only=read_only)
        assert str(foreign.value) == (
            f"{other} is not a migration journal (its threads table has no legacy_id, state, target_id); "
            "name another file"
        )
    with sqlite3.connect(other) as db:
        assert db.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == [("threads",)]


def test_a_journal_file_a_killed_run_left_empty_reads_as_empty_and_is_then_made_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "m.db"
    empty.touch()  # what a run killed between creating the file and making its tables leaves
    monkeypatch.chdir(tmp_path)
    with Journal(empty, read_only=True, target="conversations", identity="there") as looked:
        assert (looked.target, looked.identity, looked.states(), looked.entries()) == (None, None, {}, [])
        other_thread: list[object] = []  # AsyncThreadShim reads a journal from worker threads
        reader = threading.Thread(target=lambda: other_thread.append(looked.target_of("thread_a")))
        reader.start()
        reader.join()
        assert other_thread == [None]
    assert empty.stat().st_size == 0 and [p.name for p in tmp_path.iterdir()] == ["m.db"]  # reading wrote nothing
    with Journal(empty, target="conversations", identity="there") as made:
        made.finish("thread_a", "done")
    with Journal(empty, read_only=True) as again:
        assert (again.target, again.identity, again.states()) == ("conversations", "there", {"thread_a": "done"})
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (body TEXT)")  # a database of something else is still refused
    db.close()
    for read_only in (True, False):  # and a run never adds its tables to it
        with pytest.raises(JournalError) as refused:
            Journal(other, read_only=read_only)
        assert str(refused.value) == (
            f"{other} is not a migration journal (it holds tables of something else: notes); name another file"
        )
    with sqlite3.connect(other) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]
    db.close()


def test_a_journal_is_a_plain_sqlite_file_synced_in_full(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        journal.finish("thread_a", "done")
        assert journal._db.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    with sqlite3.connect(tmp_path / "j.db") as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
        assert db.execute("SELECT name, value FROM settings").fetchall() == [("target", "conversations")]


def test_a_read_only_journal_refuses_writes_with_a_journal_error(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with Journal(path, target="conversations") as journal:
        journal.finish("thread_a", "done")
    with Journal(path, read_only=True) as reader:
        with pytest.raises(JournalError) as refused:
            reader.finish("thread_b", "done")
        assert str(refused.value) == f"cannot write the migration journal {path}: attempt to write a readonly database"
        assert reader.states() == {"thread_a": "done"}


def test_a_journal_serves_other_threads(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    found: list[object] = []
    with Journal(path, target="conversations") as journal:
        moved = [Moved.of("thread_a", "thr_a", 1, [], {}, [])]

        def work() -> None:
            journal.done_many(moved)
            found.append(journal.states())

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
    with Journal(path, read_only=True) as reader:
        worker = threading.Thread(target=lambda: found.append(reader.target_of("thread_a")))
        worker.start()
        worker.join()
    assert found == [{"thread_a": "done"}, "thr_a"]


def test_a_journal_that_cannot_be_opened_for_writing_is_read_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.db"
    with Journal(path, target="conversations") as journal:
        journal.finish("thread_a", "done")
    real = sqlite3.connect

    def connect(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if "mode=rw" in str(database):  # as on a read-only disk, or a file owned by someone else
            raise sqlite3.OperationalError("attempt to write a readonly database")
        opened: sqlite3.Connection = real(database, *args, **kwargs)
        return opened

    monkeypatch.setattr(sqlite3, "connect", connect)
    with Journal(path, read_only=True) as reader:
        seen: list[object] = []
        worker = threading.Thread(target=lambda: seen.append(reader.states()))
        worker.start()
        worker.join()
        assert seen == [{"thread_a": "done"}] and reader.target == "conversations"
        with pytest.raises(JournalError, match=r"attempt to write a readonly database$"):
            reader.finish("thread_b", "done")


def test_a_journal_records_its_targets_identity_and_refuses_another(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with Journal(path, target="conversations", identity="https://a/v1 (organization none, project none)") as journal:
        assert (journal.target, journal.identity, journal.adopted) == (
            "conversations",
            "https://a/v1 (organization none, project none)",
            False,
        )
    with pytest.raises(JournalError) as refused:
        Journal(path, target="conversations", identity="https://b/v1 (organization none, project none)")
    assert str(refused.value) == (
        f"{path} records a migration to conversations https://a/v1 (organization none, project none), "
        "not to https://b/v1 (organization none, project none); use the journal made for this target, "
        "or another journal file"
    )
    with pytest.raises(JournalError, match="not to https://b/v1"):
        Journal(path, read_only=True, target="conversations", identity="https://b/v1 (organization none, project none)")
    with Journal(path, read_only=True) as reader:
        assert reader.identity == "https://a/v1 (organization none, project none)" and reader.adopted is False


@pytest.mark.parametrize(("threads", "adopted"), [(0, False), (1, True)])
def test_a_journal_from_before_identities_adopts_the_next_one(tmp_path: Path, threads: int, adopted: bool) -> None:
    path = tmp_path / "old.db"
    with Journal(path, target="conversations") as old:  # as journals were written before identities
        for number in range(threads):
            old.finish(f"thread_{number}", "done")
        assert old.identity is None and not old.adopted
    with Journal(path, target="conversations", identity="https://a/v1 (x)") as reopened:
        assert (reopened.identity, reopened.adopted) == ("https://a/v1 (x)", adopted)
    with Journal(path, target="conversations", identity="https://a/v1 (x)") as again:
        assert not again.adopted  # adopted once, then it is the journal's own


def test_a_refused_journal_keeps_no_connection_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threadshim._journal_files as module

    opened: list[sqlite3.Connection] = []
    real = module.connect

    def tracked(path: Path, read_only: bool) -> sqlite3.Connection:
        opened.append(real(path, read_only))
        return opened[-1]

    monkeypatch.setattr(module, "connect", tracked)
    with Journal(tmp_path / "j.db", target="conversations", identity="a") as journal:
        journal.finish("thread_a", "done")
    (tmp_path / "text.db").write_text("not a database, a long enough line of text " * 40)
    refusals: list[Callable[[], Journal]] = [
        lambda: Journal(tmp_path / "j.db", target="conversations", identity="b"),
        lambda: Journal(tmp_path / "j.db", target="chatkit"),
        lambda: Journal(tmp_path / "text.db", target="conversations"),
    ]
    for refused in refusals:
        with pytest.raises(JournalError):
            refused()
    assert len(opened) == 4
    for connection in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("SELECT 1")


def test_a_batch_is_recorded_as_sent_with_its_message_ids_then_confirmed_with_its_items(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        log = ConversationLog(journal)
        journal.plan("thread_a", total=3, lossy=False, losses=[], kept={}, tools=[])
        log.sending("thread_a", 0, ["m1", "m2"])
        assert journal.rows("thread_a", "batch") == [
            TargetRow(0, "sent", {"count": 2, "message_ids": ["m1", "m2"], "item_ids": []})
        ]
        log.confirmed("thread_a", 2, 1, "conv_1", ["i3"])  # a batch never recorded as sent: no message ids known
        journal.put_row("thread_a", "batch", 3, "sent", {"count": 1})  # a row another tool wrote, without ids
        log.confirmed("thread_a", 3, 1, "conv_1", [])
        assert [(r.position, r.state, r.data) for r in journal.rows("thread_a", "batch")] == [
            (0, "sent", {"count": 2, "message_ids": ["m1", "m2"], "item_ids": []}),
            (2, "confirmed", {"count": 1, "message_ids": [], "item_ids": ["i3"]}),
            (3, "confirmed", {"count": 1, "message_ids": [], "item_ids": []}),
        ]
        assert journal.count_rows("batch", ["thread_a", "thread_b"]) == {"thread_a": 3}


def test_a_damaged_target_row_is_refused_naming_its_thread(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", target="conversations") as journal:
        journal.finish("thread_a", "failed", "x")
        journal.put_row("thread_a", "batch", 0, "sent", {"count": 1})
    with sqlite3.connect(tmp_path / "j.db") as db:
        db.execute("UPDATE target_rows SET data = '{not json'")
    db.close()
    with Journal(tmp_path / "j.db", read_only=True) as journal, pytest.raises(JournalError) as damaged:
        journal.rows("thread_a", "batch")
    assert str(damaged.value).startswith("the journal's row for thread_a is damaged (")


def test_another_programs_database_is_named_by_its_first_three_tables(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as db:
        for name in ("d", "c", "b", "a"):
            db.execute(f"CREATE TABLE {name} (x)")
    db.close()
    with pytest.raises(JournalError) as refused:
        Journal(other, target="conversations")
    assert (
        str(refused.value)
        == f"{other} is not a migration journal (it holds tables of something else: a, b, c); name another file"
    )
