"""What each saved object becomes: collected, merged, kept aside or refused, with ids and times as documented."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from threadshim.collect import collect
from threadshim.collect.objects import without_nones
from threadshim.collect.pile import Pile
from threadshim.collect.records import ThreadRecord, canonical

A, B = "thread_" + "a" * 24, "thread_" + "b" * 24


def _message(thread_id: str | None, text: str, created_at: int = 5, **extra: Any) -> dict[str, Any]:
    found = {"object": "thread.message", "role": "user", "created_at": created_at,
             "content": [{"type": "text", "text": {"value": text, "annotations": []}}], **extra}  # fmt: skip
    if thread_id is not None:
        found["thread_id"] = thread_id
    return found


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_values_that_are_not_threads_or_messages_are_refused_each_with_its_reason(tmp_path: Path) -> None:
    values = [
        3, "text", True, None,
        {"id": "x"},
        {"object": "thread", "id": "conv_123"},
        {"object": "thread", "id": A, "metadata": {}},
        _message(A, "bad id", id=7),
        {"object": "thread.run.step", "id": "step_1", "data": [{"object": "thread", "id": B}]},
    ]  # fmt: skip
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(v) + "\n" for v in values))
    summary = collect([tmp_path / "in.jsonl"], tmp_path / "out.jsonl")
    assert [(bad.place.rsplit("/", 1)[1], bad.reason) for bad in summary.invalid] == [
        ("in.jsonl:1", "a JSON number, not an object"),
        ("in.jsonl:2", "a JSON string, not an object"),
        ("in.jsonl:3", "a JSON boolean, not an object"),
        ("in.jsonl:4", "a JSON null, not an object"),
        ("in.jsonl:5", 'not an OpenAI object (it has no "object" field)'),
        ("in.jsonl:6", "a thread whose id is not a thread_… id ('conv_123')"),
        ("in.jsonl:8", "a message whose id is not a string (7)"),
    ]
    assert summary.kept_aside == {"thread.run.step": 1} and summary.threads == 1  # the step's data is not unpacked
    assert summary.records == 9


def test_a_line_of_a_threadshim_export_is_merged_like_any_other_source(tmp_path: Path) -> None:
    line = {"id": A, "thread": {"id": A, "object": "thread", "created_at": 1},
            "messages": [_message(None, "from the export", id="msg_e"), "not a message"]}  # fmt: skip
    (tmp_path / "old.jsonl").write_text(json.dumps(line) + "\n")
    summary = collect([tmp_path / "old.jsonl"], tmp_path / "out.jsonl")
    assert [(bad.place.rsplit("/", 1)[1], bad.reason) for bad in summary.invalid] == [
        ("old.jsonl:1.messages[1]", "a message that is not an object")
    ]
    [written] = _lines(tmp_path / "out.jsonl")
    assert [(m["id"], m["thread_id"]) for m in written["messages"]] == [("msg_e", A)]


def test_messages_without_ids_get_the_documented_ones_and_conflicts_go_either_way(tmp_path: Path) -> None:
    first, second = _message(A, "same words"), _message(A, "same words")
    (tmp_path / "a.json").write_text(json.dumps([first, second]))
    longer = _message(B, "the longer copy wins", id="msg_x", metadata={"k": "v"})
    shorter = _message(B, "the longer copy wins", id="msg_x")
    (tmp_path / "b.jsonl").write_text(json.dumps(shorter) + "\n" + json.dumps(longer) + "\n")
    (tmp_path / "c.jsonl").write_text(json.dumps(shorter) + "\n")  # found after the longer one: it loses
    summary = collect([tmp_path / "a.json", tmp_path / "b.jsonl", tmp_path / "c.jsonl"], tmp_path / "out.jsonl")
    canonical = json.dumps(first, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digests = [hashlib.sha256("\n".join((A, str(n), canonical)).encode()).hexdigest() for n in (0, 1)]
    expected = [f"msg_{digest[:24]}" for digest in digests]
    lines = {line["id"]: line for line in _lines(tmp_path / "out.jsonl")}
    assert [m["id"] for m in lines[A]["messages"]] == expected
    assert lines[B]["messages"][0]["metadata"] == {"k": "v"}
    assert [(c.kind, c.id, c.kept.rsplit("/", 1)[1], c.other.rsplit("/", 1)[1]) for c in summary.conflicts] == [
        ("message", "msg_x", "b.jsonl:2", "b.jsonl:1"),
        ("message", "msg_x", "b.jsonl:2", "c.jsonl:1"),
    ]
    assert summary.duplicates == 0 and summary.messages == 3


def test_copies_that_differ_only_in_key_order_nulls_or_escapes_are_duplicates(tmp_path: Path) -> None:
    one = {"object": "thread", "id": A, "created_at": 3, "metadata": {"name": "Zoë"}}
    other = {"metadata": {"name": "Zo\u00eb"}, "created_at": 3, "tool_resources": None, "id": A, "object": "thread"}
    (tmp_path / "x.jsonl").write_text(json.dumps(one, ensure_ascii=False) + "\n" + json.dumps(other) + "\n")
    summary = collect([tmp_path / "x.jsonl"], tmp_path / "out.jsonl")
    assert (summary.duplicates, summary.conflicts) == (1, [])
    assert "Zoë" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


def test_each_line_is_dated_by_the_newest_time_its_thread_holds(tmp_path: Path) -> None:
    values = [{"object": "thread", "id": A, "created_at": 100}, _message(A, "x", 250), _message(A, "y", 200),
              {"object": "thread", "id": B, "created_at": 100, "metadata": {}}, _message(B, "z", True)]  # fmt: skip
    (tmp_path / "x.json").write_text(json.dumps(values))
    collect([tmp_path / "x.json"], tmp_path / "out.jsonl")
    dated = {line["id"]: line["exported_at"] for line in _lines(tmp_path / "out.jsonl")}
    assert dated == {
        A: datetime.fromtimestamp(250, timezone.utc).isoformat(),
        B: datetime.fromtimestamp(100, timezone.utc).isoformat(),  # a time that is not a number is not one
    }


def test_gzipped_members_of_zip_and_tar_files_are_read_through(tmp_path: Path) -> None:
    packed = gzip.compress(json.dumps({"object": "thread", "id": A, "created_at": 1}).encode())
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("dir/", b"")
        archive.writestr("dir/thread.json.gz", packed)
    with tarfile.open(tmp_path / "b.tgz", "w:gz") as archive:
        data = gzip.compress(json.dumps(_message(A, "in a tar", id="msg_t")).encode())
        info = tarfile.TarInfo("m.json.GZ")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    summary = collect([tmp_path / "a.zip", tmp_path / "b.tgz"], tmp_path / "out.jsonl")
    assert (summary.threads, summary.messages, summary.invalid) == (1, 1, [])
    [line] = _lines(tmp_path / "out.jsonl")
    assert line["thread"]["created_at"] == 1 and line["messages"][0]["id"] == "msg_t"


def test_the_pile_leaves_no_file_behind(tmp_path: Path) -> None:
    pile = Pile(tmp_path)
    pile.add_thread(ThreadRecord(A, canonical({"id": A, "object": "thread"}), "here"))
    assert pile.path.exists()
    pile.close()
    assert list(tmp_path.iterdir()) == []


def test_objects_kept_aside_are_counted_by_kind_and_odd_shapes_are_what_they_say(tmp_path: Path) -> None:
    values = [
        {"object": "assistant", "id": "asst_1"}, {"object": "assistant", "id": "asst_2"}, {"object": "file", "id": "f"},
        {"object": "thread", "id": A, "messages": []},  # a thread with a messages field is a thread, not an export line
        {"id": B, "thread": {"id": B, "object": "thread"}, "messages": [_message(A, "elsewhere", id="msg_o")]},
        {"object": "thread", "id": "thread_" + "c" * 24},  # no times anywhere: dated at the epoch
    ]  # fmt: skip
    (tmp_path / "x.json").write_text(json.dumps(values))
    summary = collect([tmp_path / "x.json"], tmp_path / "out.jsonl")
    assert summary.kept_aside == {"assistant": 2, "file": 1} and summary.invalid == []
    lines = {line["id"]: line for line in _lines(tmp_path / "out.jsonl")}
    assert lines[A]["thread"]["messages"] == [] and [m["id"] for m in lines[A]["messages"]] == ["msg_o"]
    assert lines[B]["messages"] == []  # the export line's message named another thread: it went there
    assert lines["thread_" + "c" * 24]["exported_at"] == "1970-01-01T00:00:00+00:00"


def test_the_first_of_identical_copies_keeps_its_place_and_length_is_counted_in_characters(tmp_path: Path) -> None:
    copy = {"object": "thread", "id": A, "created_at": 1, "metadata": {"n": "abcdefgh"}}
    shorter = {"object": "thread", "id": A, "created_at": 1, "metadata": {"n": "ééé"}}  # longer once escaped
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(v) + "\n" for v in (copy, copy, copy, shorter)))
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as archive:
        archive.writestr("in/bad.json", "{nope")
    summary = collect([tmp_path / "x.jsonl", tmp_path / "z.zip"], tmp_path / "out.jsonl")
    assert summary.duplicates == 2
    assert [(c.kept.rsplit("/", 1)[1], c.other.rsplit("/", 1)[1]) for c in summary.conflicts] == [
        ("x.jsonl:1", "x.jsonl:4")
    ]
    assert [bad.place for bad in summary.invalid] == [f"{tmp_path / 'z.zip'}!in/bad.json:1"]


def test_a_none_member_of_an_object_is_dropped_at_any_depth_and_a_none_in_a_list_is_kept() -> None:
    value = {"a": None, "b": {"c": None, "d": [None, {"e": None, "f": 1}, [{"g": None, "h": [None]}]]}, "i": [0]}
    assert without_nones(value) == {"b": {"d": [None, {"f": 1}, [{"h": [None]}]]}, "i": [0]}
    assert without_nones([{"x": None}, None]) == [{}, None] and without_nones("text") == "text"
