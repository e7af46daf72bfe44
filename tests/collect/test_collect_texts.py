"""Message texts written beside the pile by whichever process read them, and read back exactly."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from threadshim.cli import main
from threadshim.collect.containers import Invalid
from threadshim.collect.lines import Lines, lines, lines_from, lines_into
from threadshim.collect.pile import CHUNK, Pile
from threadshim.collect.records import MessageRecord, ThreadRecord, canonical, message_record
from threadshim.collect.texts import Texts, TextsFile, spill

A = "thread_" + "a" * 24


def _message(number: int, text: str, created_at: int | None = None) -> MessageRecord:
    content = [{"type": "text", "text": {"value": text, "annotations": []}}]
    found = {"id": f"msg_{number:024d}", "object": "thread.message", "thread_id": A, "role": "user",
             "created_at": 100 + number if created_at is None else created_at, "content": content}  # fmt: skip
    return message_record(found, f"dump.jsonl:{number}")


@pytest.fixture
def pile(tmp_path: Path) -> Iterator[Pile]:
    made = Pile(tmp_path)
    yield made
    made.close()


def test_a_workers_file_holds_each_named_messages_texts_and_everything_else_passes_through(
    tmp_path: Path, pile: Pile
) -> None:
    named = [_message(1, "Zoë — naïve ☃"), _message(2, "plain")]
    nameless = message_record({"object": "thread.message", "thread_id": A, "role": "user"}, "rows.csv:2")
    thread = ThreadRecord(A, canonical({"id": A, "object": "thread"}), "t.json:1")
    bad = Invalid("x.json:3", "not JSON")
    stored, file = spill(str(tmp_path), [thread, named[0], nameless, bad, named[1]])
    assert file == str(tmp_path / f"texts-{os.getpid()}-{threading.get_ident()}")
    assert stored[0] is thread and stored[2] is nameless and stored[3] is bad
    for record, original in zip([stored[1], stored[4]], named, strict=True):
        assert isinstance(record, MessageRecord) and record.stored is not None
        assert (record.body, record.unified, record.stored is not None) == ("", None, True)
        assert (record.id, record.thread_id, record.created_at, record.place) == (*original[:3], original.place)
        pile.add_message(record, file)
    later, same = spill(str(tmp_path), [_message(3, "later")])  # the same file, appended to
    assert same == file and isinstance(later[0], MessageRecord) and later[0].stored is not None
    assert later[0].stored[0] + later[0].stored[1] + later[0].stored[2] == os.path.getsize(file)
    pile.add_message(later[0], file)
    (kept,) = pile.kept([A])  # every text read back as written: lengths are bytes, not characters
    assert [(body, view) for body, view, _ in kept.messages] == [
        (m.body, m.unified) for m in [*named, _message(3, "later")]
    ]


def test_copies_stored_in_different_files_are_compared_by_their_texts(tmp_path: Path, pile: Pile) -> None:
    (tmp_path / "w").mkdir()
    first, file = spill(str(tmp_path / "w"), [_message(1, "short"), _message(2, "same")])
    for record in first:
        assert isinstance(record, MessageRecord)
        pile.add_message(record, file)
    longer = _message(1, "a longer text that says more")
    pile.add_message(longer)  # read here: its texts go to the pile's own file
    pile.add_message(_message(2, "same"))
    assert pile.duplicates == 1
    assert [(c.kind, c.id) for c in pile.conflicts] == [("message", longer.id)]
    (kept,) = pile.kept([A])
    assert [body for body, _, _ in kept.messages] == [longer.body, _message(2, "same").body]


def test_a_texts_file_cut_short_is_an_error_not_a_short_text(tmp_path: Path) -> None:
    texts = TextsFile(tmp_path / "t")
    assert texts.add("x" * 100, "y" * 50) == (0, 100, 50)
    where = texts.add("é", "z")
    assert where == (150, 2, 1)
    texts.close()
    os.truncate(tmp_path / "t", 152)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE files (number INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)")
    db.execute("INSERT INTO files VALUES (7, ?)", (str(tmp_path / "t"),))
    reader = Texts(db)
    assert reader.read(7, (0, 100, 50)) == ("x" * 100, "y" * 50)
    with pytest.raises(OSError, match="ends before byte 153"):
        reader.read(7, where)
    reader.close()


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files through /proc")
def test_each_texts_file_is_opened_once_however_many_texts_are_read_from_it(tmp_path: Path, pile: Pile) -> None:
    (tmp_path / "w").mkdir()
    found, file = spill(str(tmp_path / "w"), [_message(n, f"text {n}") for n in range(40)])
    for record in found:
        assert isinstance(record, MessageRecord)
        pile.add_message(record, file)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(3):
        (kept,) = pile.kept([A])
        assert len(kept.messages) == 40
    assert len(os.listdir("/proc/self/fd")) - before <= 1


def test_messages_of_one_time_keep_the_order_found_across_a_workers_batches_and_those_read_here(
    tmp_path: Path, pile: Pile
) -> None:
    (tmp_path / "w").mkdir()
    first, file = spill(str(tmp_path / "w"), [_message(9, "a", 100), _message(8, "b", 100)])
    pile.add_stored([r for r in first if isinstance(r, MessageRecord)], file)
    pile.add_message(_message(7, "c", 100))  # read here
    second, file = spill(str(tmp_path / "w"), [_message(6, "d", 100), _message(5, "e", 100)])
    pile.add_stored([r for r in second if isinstance(r, MessageRecord)], file)
    (kept,) = pile.kept([A])  # ids sort the other way: only the order found can give this one
    assert [json.loads(body)["id"][-1] for body, _, _ in kept.messages] == ["9", "8", "7", "6", "5"]


def test_threads_come_back_a_chunk_at_a_time_in_their_order(pile: Pile) -> None:
    for number in range(150):
        thread_id = f"thread_{number:024d}"
        pile.add_thread(ThreadRecord(thread_id, canonical({"id": thread_id, "created_at": 1000 - number}), "t"))
    assert list(pile.thread_ids())[:2] == [f"thread_{n:024d}" for n in (149, 148)]  # ordered when first asked
    assert pile.order() == 150
    chunks = list(pile.chunks())
    assert [len(chunk) for chunk in chunks] == [CHUNK, CHUNK, 150 - 2 * CHUNK]
    assert [thread_id for chunk in chunks for thread_id in chunk] == [f"thread_{n:024d}" for n in range(149, -1, -1)]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files through /proc")
def test_a_worker_keeps_one_texts_file_and_one_pile_open_and_follows_a_new_pile(tmp_path: Path) -> None:
    piles: list[Pile] = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        made = Pile(tmp_path / name)
        made.add_thread(ThreadRecord(A, canonical({"id": A, "object": "thread", "created_at": 5}), name))
        made.add_message(_message(1, f"in {name}"))
        assert made.order() == 1
        piles.append(made)
    expected = [lines(made.kept([A])) for made in piles]
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        for made, wanted in zip(piles, expected, strict=True):
            assert lines_from(str(made.path), (A,)) == wanted
            stored, _ = spill(str(tmp_path / "one"), [_message(2, "more")])
            assert isinstance(stored[0], MessageRecord) and stored[0].stored is not None
    assert len(os.listdir("/proc/self/fd")) - before <= 4  # a pile's connection, its texts, one texts file
    into = lines_into(str(piles[1].path), str(tmp_path), (3, (A,)))
    assert into == Lines(b"", expected[1].threads, str(tmp_path / "lines-3"))
    assert (tmp_path / "lines-3").read_bytes() == expected[1].data and b"in two" in expected[1].data
    texts = [p for p in (tmp_path / "one").iterdir() if p.name.startswith("texts-") and p.name != "texts-pile"]
    assert [oct(p.stat().st_mode & 0o777) for p in texts] == ["0o600"]  # conversations: the owner's alone
    for made in piles:
        made.close()


def test_a_full_disk_under_the_pile_is_one_line_that_says_what_to_do_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": A, "object": "thread", "created_at": 1}) + "\n")
    (tmp_path / "scratch").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))

    def full(self: Pile, thread: ThreadRecord) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Pile, "add_thread", full)
    assert main(["collect", str(dump), "--out", str(tmp_path / "out.jsonl")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "scratch files" in line and "database or disk is full" in line and "free some disk space" in line
    assert not (tmp_path / "out.jsonl").exists() and list((tmp_path / "scratch").iterdir()) == []
