"""The rules of collect: every record accounted for, duplicates, conflicts, synthesized threads, and refusals."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from threadshim import PathClash
from threadshim.collect import collect, report_path
from threadshim.collect import objects as pieces_module
from threadshim.collect import records as records_module
from threadshim.migrate import Journal, migrate, write_report
from threadshim.migrate import report_path as report_path_of

A, B, C = "thread_" + "a" * 24, "thread_" + "b" * 24, "thread_" + "c" * 24


def message(thread_id: str, number: int, text: str, created_at: int, **extra: Any) -> dict[str, Any]:
    content = [{"type": "text", "text": {"value": text, "annotations": []}}]
    return {"id": f"msg_{number}", "object": "thread.message", "thread_id": thread_id, "created_at": created_at,
            "role": "user" if number % 2 else "assistant", "content": content, **extra}  # fmt: skip


def thread(thread_id: str, created_at: int, **metadata: str) -> dict[str, Any]:
    return {"id": thread_id, "object": "thread", "created_at": created_at, "metadata": metadata, "tool_resources": {}}


def _write(path: Path, *values: Any) -> Path:
    path.write_text("".join(json.dumps(v) + "\n" for v in values))
    return path


def test_every_record_is_used_duplicate_in_conflict_kept_aside_or_invalid(tmp_path: Path) -> None:
    first = _write(
        tmp_path / "first.jsonl",
        thread(A, 10, user="u"),
        message(A, 1, "one", 11),
        message(A, 2, "two", 12, assistant_id=None),  # the SDK's None for an unset field: the same as absent
        {"object": "assistant", "id": "asst_1", "model": "gpt-4o"},
    )
    (tmp_path / "second.jsonl").write_text(
        json.dumps(message(A, 2, "two", 12)) + "\n"  # the same message again: a duplicate
        + json.dumps(thread(A, 10, user="someone else")) + "\n"  # another copy of the thread: a conflict
        + "{not json\n"
        + json.dumps({"object": "thread.message", "id": "msg_9", "role": "user", "content": []}) + "\n"
        + json.dumps({"object": "thread.frobnicated", "id": "x"}) + "\n"
        + json.dumps(message(B, 3, "only messages", 5)) + "\n"
    )  # fmt: skip
    summary = collect([first, tmp_path / "second.jsonl"], tmp_path / "out.jsonl", expect=[A, C, B])
    assert (summary.threads, summary.messages, summary.duplicates, summary.exit_code) == (2, 3, 1, 1)
    assert summary.synthesized == [B] and summary.missing == [C]
    assert [(c.kind, c.id, c.kept, c.other) for c in summary.conflicts] == [
        ("thread", A, f"{tmp_path}/second.jsonl:2", f"{first}:1")  # the longer copy is kept, wherever it was
    ]
    assert [(bad.place.rsplit("/", 1)[1], bad.reason) for bad in summary.invalid] == [
        ("second.jsonl:3", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("second.jsonl:4", "a message without a thread_… thread_id"),
        ("second.jsonl:5", "an object of unknown kind 'thread.frobnicated'"),
    ]
    assert summary.kept_aside == {"assistant": 1}
    aside = [json.loads(line) for line in (tmp_path / "out.jsonl.aside.jsonl").read_text().splitlines()]
    assert aside == [{"object": {"id": "asst_1", "model": "gpt-4o", "object": "assistant"}, "place": f"{first}:4"}]
    # 9 objects (2 copies of a thread, 4 messages, 1 aside, 2 invalid objects) and 1 line that is not JSON
    assert summary.records == 9 and len(summary.invalid) == 3
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == [B, A]  # by created_at: B's first message (5) before A (10)
    assert lines[0]["synthesized"] is True and lines[0]["thread"] == {
        "id": B, "object": "thread", "metadata": {}, "created_at": 5
    }  # fmt: skip
    assert "synthesized" not in lines[1] and lines[1]["thread"]["metadata"] == {"user": "someone else"}
    assert [m["id"] for m in lines[1]["messages"]] == ["msg_1", "msg_2"]
    report = json.loads(report_path(tmp_path / "out.jsonl").read_text())
    assert report["summary"] == {
        "records": 9, "threads": 2, "messages": 3, "synthesized": 1, "duplicates": 1, "conflicts": 1,
        "kept_aside": 1, "invalid": 3, "missing": 1,
    }  # fmt: skip


def test_messages_are_ordered_by_time_then_the_order_found_then_id(tmp_path: Path) -> None:
    found = [message(A, 5, "late", 30), message(A, 4, "same time, found first", 20),
             message(A, 3, "same time, found second", 20), message(A, 1, "early", 10)]  # fmt: skip
    page = {"object": "list", "data": found}
    summary = collect([_write(tmp_path / "page.json", page)], tmp_path / "out.jsonl")
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert summary.synthesized == [A]
    assert [m["content"][0]["text"]["value"] for m in line["messages"]] == [
        "early", "same time, found first", "same time, found second", "late"
    ]  # fmt: skip


def test_nothing_usable_writes_no_archive_and_says_exit_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("nothing here\n")
    summary = collect([junk], tmp_path / "out.jsonl")
    assert summary.exit_code == 2 and not (tmp_path / "out.jsonl").exists()
    assert [bad.reason for bad in summary.invalid] == ["not JSON (Expecting value at column 1)"]


def test_the_report_or_side_file_may_not_be_an_input_either(tmp_path: Path) -> None:
    for name, side in (("the report", "out.jsonl.collect.json"), ("the side file", "out.jsonl.aside.jsonl")):
        taken = _write(tmp_path / side, thread(A, 1))
        with pytest.raises(PathClash) as refused:
            collect([taken], tmp_path / "out.jsonl")
        assert str(refused.value).startswith(f"{name} {taken} is the input {taken} ({taken}): writing there")


@pytest.mark.parametrize("where", ["the input", "inside the input folder"])
def test_the_archive_may_not_be_an_input_or_inside_one(tmp_path: Path, where: str) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    dump = _write(saved / "dump.jsonl", thread(A, 1))
    before = dump.read_bytes()
    out, given = (dump, [dump]) if where == "the input" else (saved / "legacy.jsonl", [saved])
    with pytest.raises(PathClash) as refused:
        collect(given, out)
    assert str(refused.value) == (
        f"--out {dump} is the input {dump} ({dump}): writing there would overwrite it; name another file"
        if where == "the input"
        else f"--out {out} is inside the input folder {saved}: a second run would read it back; write it elsewhere"
    )
    assert dump.read_bytes() == before
    assert sorted(p.name for p in saved.iterdir()) == ["dump.jsonl"]


def test_an_archive_in_a_folder_that_is_not_there_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    dump = _write(tmp_path / "dump.jsonl", thread(A, 1))
    out = tmp_path / "no such folder" / "legacy.jsonl"
    progress = io.StringIO()
    with pytest.raises(PathClash) as refused:
        collect([dump], out, progress=progress)
    assert str(refused.value) == (f"--out {out}: the folder {out.parent} does not exist; make it, or write elsewhere")
    assert progress.getvalue() == "" and sorted(p.name for p in tmp_path.iterdir()) == ["dump.jsonl"]


def test_the_cli_prints_one_line_and_lists_what_was_refused(tmp_path: Path) -> None:
    dump = _write(tmp_path / "dump.jsonl", thread(A, 1), message(A, 1, "hi", 2))
    (tmp_path / "ids.txt").write_text(f"{A}\n{C}\n")
    command = [sys.executable, "-m", "threadshim", "collect", str(dump), "--out", str(tmp_path / "out.jsonl"),
               "--expect", str(tmp_path / "ids.txt")]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("collected 1 threads (0 synthesized) and 1 messages from 2 objects")
    assert f"{C}: no saved data covers it (missing)" in done.stderr
    clash = subprocess.run([*command[:5], "--out", str(dump)], capture_output=True, text=True, timeout=120, check=False)
    assert (
        clash.returncode == 2 and clash.stderr.count("\n") == 1 and "writing there would overwrite it" in clash.stderr
    )


def test_the_migration_report_names_the_threads_made_from_their_messages(tmp_path: Path) -> None:
    dump = _write(tmp_path / "dump.jsonl", thread(A, 10), message(A, 1, "kept whole", 11), message(B, 2, "alone", 5))
    collect([dump], tmp_path / "legacy.jsonl")
    journal, store = tmp_path / "j.db", f"sqlite:///{tmp_path / 'store.db'}"
    summary = asyncio.run(
        migrate(journal=journal, archive=tmp_path / "legacy.jsonl", to="chatkit", store=store, progress=io.StringIO())
    )
    assert (summary.migrated, summary.synthesized) == (2, [B])
    with Journal(journal, read_only=True) as opened:
        report = json.loads(write_report(report_path_of(journal), summary, opened, [B, A]).read_text())
    assert report["summary"]["synthesized"] == 1
    assert [(row["legacy_id"], row["synthesized"]) for row in report["threads"]] == [(B, True), (A, False)]


def test_progress_is_shown_and_an_interrupted_run_leaves_the_old_archive_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    for number in range(3):
        _write(saved / f"{number}.jsonl", thread("thread_" + str(number) * 24, number), message(A, number, "x", 9))
    shown = io.StringIO()
    collect([saved], tmp_path / "out.jsonl", progress=shown)
    lines = shown.getvalue().splitlines()
    assert lines[0].startswith("files read 3/3 (") and lines[-1].startswith("threads written 4/4 (")  # then every 2 s
    before = (tmp_path / "out.jsonl").read_bytes()
    calls = 0

    def interrupted(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of reading
        return original(*args)

    original = pieces_module.pieces
    monkeypatch.setattr(records_module, "pieces", interrupted)
    with pytest.raises(KeyboardInterrupt):
        collect([saved], tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.jsonl.collect.json", "saved"]


def test_a_path_that_is_not_there_is_one_invalid_record_and_the_rest_is_collected(tmp_path: Path) -> None:
    dump = _write(tmp_path / "dump.jsonl", thread(A, 1))
    summary = collect([tmp_path / "gone", dump], tmp_path / "out.jsonl")
    assert [(bad.place, bad.reason) for bad in summary.invalid] == [(str(tmp_path / "gone"), "no such file or folder")]
    assert (summary.threads, summary.exit_code) == (1, 1)
