"""Message texts written beside the pile by whichever process read them, and read back exactly."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from threadshim.collect.containers import Invalid
from threadshim.collect.pile import Pile
from threadshim.collect.records import MessageRecord, ThreadRecord, canonical, message_record
from threadshim.collect.texts import Texts, TextsFile, spill

A = "thread_" + "a" * 24


def _message(number: int, text: str) -> MessageRecord:
    content = [{"type": "text", "text": {"value": text, "annotations": []}}]
    found = {"id": f"msg_{number:024d}", "object": "thread.message", "thread_id": A, "role": "user",
             "created_at": 100 + number, "content": content}  # fmt: skip
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
