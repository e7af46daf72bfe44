"""JSON values found in every shape a file can hold them, and in plain tar files, each with its place."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path
from typing import Any

from threadshim.collect import Found, Invalid, containers
from threadshim.collect.containers import files_in, found_in, values


def _found(data: bytes) -> list[tuple[str, object]]:
    return [(f.place, f.value if isinstance(f, Found) else f.reason) for f in values(io.BytesIO(data), "f")]


def test_one_value_json_lines_concatenated_and_pretty_printed_values() -> None:
    assert _found(b'{"a": 1}') == [("f:1", {"a": 1})]
    assert _found(b'{"a": 1}\n\n{"b": 2}\n') == [("f:1", {"a": 1}), ("f:3", {"b": 2})]
    assert _found(b'{"a": 1}{"b": 2} [3]\n{"c":\n  4}\n') == [
        ("f:1", {"a": 1}), ("f:1", {"b": 2}), ("f:1", [3]), ("f:2", {"c": 4}),
    ]  # fmt: skip
    assert _found(b'\xef\xbb\xbf[\n  {"a": 1},\n  {"b": 2}\n]\n') == [("f:1", [{"a": 1}, {"b": 2}])]


def test_what_is_not_json_is_named_and_the_rest_still_read() -> None:
    assert _found(b'{"a": 1}\n{oops\n{"b": 2}\n') == [
        ("f:1", {"a": 1}), ("f:2", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("f:3", {"b": 2}),
    ]  # fmt: skip
    assert _found(b'{\n "a": 1\n}\ngarbage here\n{\n "b": 2\n}\n') == [
        ("f:1", {"a": 1}), ("f:4", "not JSON (Expecting value at column 1)"), ("f:5", {"b": 2}),
    ]  # fmt: skip
    assert _found(b"\xff\xfe{}") == [("f", "is not UTF-8 text (invalid start byte at byte 0)")]
    deep = b"[" * 100_000 + b"]" * 100_000
    found = _found(b"x\n" + deep)  # too deep to parse: refused in one line, never a crash
    assert [place for place, _ in found] == ["f:1", "f:2"] and str(found[1][1]).startswith("not JSON (")


def test_a_plain_tar_and_a_missing_path(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "saved.tar", "w") as archive:
        for name, text in (("b/messages.json", b'{"x": 2}'), ("a/thread.json", b'{"x": 1}')):
            info = tarfile.TarInfo(name)
            info.size = len(text)
            archive.addfile(info, io.BytesIO(text))
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    found = list(found_in([tmp_path / "saved.tar", tmp_path / "missing", tmp_path / "broken.zip"]))
    assert [(f.place.removeprefix(f"{tmp_path}/"), f.value if isinstance(f, Found) else f.reason) for f in found] == [
        ("saved.tar!a/thread.json:1", {"x": 1}),
        ("saved.tar!b/messages.json:1", {"x": 2}),
        ("missing", "no such file or folder"),
        ("broken.zip", "cannot be read (File is not a zip file)"),
    ]
    assert all(isinstance(f, (Found, Invalid)) for f in found)


def test_a_bad_line_after_json_lines_is_one_bad_line_and_limits_hold(tmp_path: Path, monkeypatch: Any) -> None:
    assert _found(b'\xef\xbb\xbf{"a": 1}\n{oops\nX\n{"b": 2}\n') == [
        ("f:1", {"a": 1}),
        ("f:2", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
        ("f:3", "not JSON (Expecting value at column 1)"),
        ("f:4", {"b": 2}),
    ]
    assert _found(b'{\n "a": 1\n}\nX\n') == [("f:1", {"a": 1}), ("f:4", "not JSON (Expecting value at column 1)")]
    nested = b"[" * 110 + b"]" * 110  # deeper than a stored object may be, in both modes
    assert _found(b"{}\n" + nested + b"\n")[1][1] == "not JSON (JSON nested deeper than 104 arrays and objects)"
    assert _found(b"{\n}\n" + nested + b"\n")[1][1] == "not JSON (JSON nested deeper than 104 arrays and objects)"
    assert _found(b"x\n" + b"[" * 100_000 + b"]" * 100_000)[1] == ("f:2", "not JSON (nested too deeply)")
    monkeypatch.setattr(containers, "MAX_WHOLE_FILE", 1 << 20)
    big = b"{\n" + b'"k": "' + b"v" * (1 << 20) + b'"}\n'
    assert _found(big) == [("f", "is over 1 MiB and not JSON Lines; save it one value a line")]
    packed = tmp_path / "dump.jsonl.gz"
    packed.write_bytes(gzip.compress(b'{"a": 1}\nnope\n'))
    assert [(f.place.removeprefix(f"{tmp_path}/"), isinstance(f, Found)) for f in found_in([packed])] == [
        ("dump.jsonl.gz:1", True),
        ("dump.jsonl.gz:2", False),
    ]


def test_a_folder_is_read_in_the_order_its_paths_sort_part_by_part(tmp_path: Path) -> None:
    for name in ("a-c.json", "a/b.json", "a/a/z.json", "b.json", "A.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    found = files_in([tmp_path])
    assert found == [str(p) for p in sorted(p for p in tmp_path.rglob("*") if p.is_file())]
    assert [Path(f).relative_to(tmp_path).as_posix() for f in found if isinstance(f, str)] == [
        "A.json", "a/a/z.json", "a/b.json", "a-c.json", "b.json",
    ]  # fmt: skip


def test_a_link_to_a_file_is_read_and_a_link_to_a_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "t.json").write_text("{}")
    (tmp_path / "in" / "own.json").write_text("{}")
    (tmp_path / "in" / "file-link.json").symlink_to(tmp_path / "elsewhere" / "t.json")
    (tmp_path / "in" / "folder-link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert files_in([tmp_path / "in"]) == [str(tmp_path / "in" / "file-link.json"), str(tmp_path / "in" / "own.json")]
