"""The archive's exact answers: damage described, kept in the index, refusals, odd records, and order among ties."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from threadshim import NotAnExport, NotFoundError
from threadshim.archive import Archive, DamagedArchiveWarning


def _line(thread_id: str, created: Any = 1700000000, metadata: Any = None, messages: Any = None) -> str:
    thread = {"id": thread_id, "object": "thread", "created_at": created, "metadata": metadata or {}}
    record = {"id": thread_id, "exported_at": "2026-11-23T00:00:00+00:00", "thread": thread,
              "messages": messages if messages is not None else [], "unified": {}}  # fmt: skip
    return json.dumps(record) + "\n"


def _open(path: Path) -> Archive:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DamagedArchiveWarning)
        return Archive(path)


def test_damage_is_described_exactly_and_kept_in_the_index(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_text(_line("thread_a") + "oops\n" * 11 + _line("thread_b") + _line("thread_a") + '{"id": "thread_c"')
    with pytest.warns(DamagedArchiveWarning) as caught:
        first = Archive(path)
    expected = (
        f"{path} has 11 damaged line(s) holding no thread (2, 3, 4, 5, 6, 7, 8, 9, 10, 11…); "
        "1 id(s) on more than one line (thread_a, …); "
        "a torn last line (an export that was cut off: resume it to finish); "
        f"run `threadshim verify {path}` for the details"
    )
    assert str(caught[0].message) == expected
    assert first.damage.damaged_lines == tuple(range(2, 13)) and first.damage.duplicates == (("thread_a", (1, 14)),)
    assert first.damage.torn and bool(first.damage)
    again = _open(path)  # read from the saved index this time
    assert again.damage == first.damage


def test_ten_damaged_lines_are_all_shown_and_any_one_kind_of_damage_counts(tmp_path: Path) -> None:
    path = tmp_path / "ten.jsonl"
    path.write_text(_line("thread_a") + "x\n" * 10)
    assert (
        _open(path)
        .damage.describe(path)
        .startswith(f"{path} has 10 damaged line(s) holding no thread (2, 3, 4, 5, 6, 7, 8, 9, 10, 11); ")
    )
    only_torn = tmp_path / "torn.jsonl"
    only_torn.write_text(_line("thread_a") + '{"id"')
    assert bool(_open(only_torn).damage) and _open(only_torn).damage.describe(only_torn).startswith(
        f"{only_torn} has a torn last line"
    )
    twice = tmp_path / "twice.jsonl"
    twice.write_text(_line("thread_a") + _line("thread_a"))
    assert bool(_open(twice).damage) and not _open(twice).damage.torn


@pytest.mark.parametrize("text", ["x", "garbage\n", "not an export at all"])
def test_a_file_that_is_not_an_export_is_refused_with_what_to_do(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(text)
    with pytest.raises(NotAnExport) as caught:
        Archive(path)
    assert str(caught.value) == (
        f"{path} is not a threadshim export (its first line is not an export record); "
        "point it at the .jsonl file `threadshim export` wrote"
    )


def test_an_export_cut_off_in_its_first_line_is_an_empty_archive_not_a_refusal(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "thread_a", "thr')
    archive = _open(path)
    assert len(archive) == 0 and archive.damage.torn


def test_a_missing_thread_is_a_404_naming_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_text(_line("thread_a"))
    with pytest.raises(NotFoundError) as caught:
        Archive(path).retrieve("thread_zzz")
    assert caught.value.status_code == 404 and str(caught.value) == f"404 thread_zzz is not in the archive {path}"


def test_title_and_user_keys_are_the_archives_and_odd_fields_read_safely(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    messages = [{"id": "msg_1", "role": "user", "content": []}, "not a message"]
    path.write_text(
        _line("thread_a", created="yesterday", metadata={"subject": "Invoices", "owner": "acct_7"}, messages=messages)
        + _line("thread_b", metadata={"owner": 5})
    )
    archive = Archive(path, title_key="subject", user_key="owner")
    thread = archive.retrieve("thread_a")
    assert (thread.title, thread.user) == ("Invoices", "acct_7")
    assert archive.raw("thread_a")[1] == [messages[0], {}]
    assert [item.id for item in archive.items("thread_a")] == ["msg_1", ""]
    assert archive.ids(order="asc") == ["thread_a", "thread_b"]  # an unusable created_at sorts as 0
    assert archive.ids(user="acct_7") == ["thread_a"] and archive.ids(user="5") == []


def test_threads_created_in_the_same_second_keep_file_order_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_text(_line("thread_b", 5) + _line("thread_a", 5) + _line("thread_c", 9) + _line("thread_0", 1))
    archive = Archive(path)
    assert archive.ids(order="asc") == ["thread_0", "thread_b", "thread_a", "thread_c"]
    assert archive.ids(order="desc") == ["thread_c", "thread_b", "thread_a", "thread_0"]


def test_a_damaged_first_line_longer_than_the_64_kib_sample_is_damage_not_a_refusal(tmp_path: Path) -> None:
    head = b'{"id": "thread_big", "thread": '
    broken = head + b"x" * (64 * 1024 + 14 - len(head))  # no newline in the first 64 KiB; one 14 bytes after
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(broken + b"\n" + _line("thread_b").encode())
    archive = _open(path)
    assert archive.damage.damaged_lines == (1,) and archive.ids() == ["thread_b"]
    short = tmp_path / "short.jsonl"
    short.write_bytes(head + b"x\n" + _line("thread_b").encode())  # the newline falls inside the sample
    with pytest.raises(NotAnExport):
        Archive(short)


def test_a_thread_whose_created_at_is_not_a_number_sorts_as_the_epoch(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_text(_line("thread_one", created=1) + _line("thread_text", created="yesterday") + _line("thread_two", 2))
    assert _open(path).ids() == ["thread_text", "thread_one", "thread_two"]
