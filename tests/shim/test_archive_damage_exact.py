"""The archive's account of what it cannot give: exact labels and reasons, and the damage summary word for word."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from threadshim.archive import Archive, Damage, DamagedArchiveWarning


def _record(thread_id: str) -> str:
    thread = {"id": thread_id, "created_at": 1, "metadata": {}}
    return json.dumps({"id": thread_id, "exported_at": "x", "thread": thread, "messages": []}) + "\n"


def _archive(path: Path, text: str) -> Archive:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DamagedArchiveWarning)
        return Archive(path)


def test_each_unreadable_thread_is_named_by_its_line_and_id_when_the_line_shows_one(tmp_path: Path) -> None:
    path = tmp_path / "l.jsonl"
    copied = _record("thread_copied")
    lines = [
        _record("thread_ok"),
        copied[:30] + "\x00broken\n",  # thread_copied, damaged; a whole copy follows: not lost
        "{garbage with no id\n",
        '{"id": "thread_lost", "thread": \n',
        copied,
        _record("thread_torn")[:25],
    ]
    archive = _archive(path, "".join(lines))
    reason = "a damaged line that holds no thread; restore it from a copy"
    assert archive.unreadable() == [
        (f"line 3 of {path}", reason),
        (f"thread_lost (line 4 of {path})", reason),
        (f"thread_torn (line 6 of {path})", "a torn last line (the export was cut off); restore it from a copy"),
    ]
    assert _archive(tmp_path / "whole.jsonl", _record("thread_a")).unreadable() == []


def test_the_damage_summary_and_its_details_word_for_word() -> None:
    path = Path("l.jsonl")
    damage = Damage(tuple(range(1, 61)), (("thread_a", (2, 5)), ("thread_b", (3, 7, 9))), True)
    summary = damage.describe(path)
    assert summary == (
        "l.jsonl has 60 damaged line(s) holding no thread (1, 2, 3, 4, 5, 6, 7, 8, 9, 10…); "
        "2 id(s) on more than one line (thread_a, …); "
        "a torn last line (an export that was cut off: resume it to finish); "
        "run `threadshim verify l.jsonl` for the details"
    )
    details = damage.describe(path, details=True)
    assert details == (
        "l.jsonl has 60 damaged line(s) holding no thread ("
        + ", ".join(str(n) for n in range(1, 51))
        + "…); 2 id(s) on more than one line (thread_a on lines 2, 5; thread_b on lines 3, 7, 9; "
        "the first copy is read); a torn last line (an export that was cut off: resume it to finish)"
    )
    fifty = Damage(tuple(range(1, 51))).describe(path, details=True)
    assert fifty.endswith(", 50)") and "…" not in fifty
