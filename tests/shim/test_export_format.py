"""The export file format, byte for byte: one compact JSON line a thread, and the rules for torn and odd lines."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from threadshim._exportformat import decode, encode, read_at, recover
from threadshim._mapping import item_from_message, thread_from_assistants

THREAD = {"id": "thread_1", "object": "thread", "created_at": 1700000000, "metadata": {"title": "Café"}}
MESSAGE = {"id": "msg_1", "role": "user", "content": [{"type": "text", "text": {"value": "¿Qué?", "annotations": []}}]}
WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def test_a_line_is_compact_json_with_the_raw_objects_and_the_unified_view_without_raw() -> None:
    thread, message = thread_from_assistants(THREAD), item_from_message(MESSAGE)
    line = encode(thread, [message], WHEN)
    assert line.endswith("}\n") and line.count("\n") == 1 and ", " not in line and '": ' not in line
    assert "Café" in line and "¿Qué?" in line  # written as UTF-8, not \\u escapes
    record = json.loads(line)
    assert list(record) == ["id", "exported_at", "thread", "messages", "unified"]
    assert record["id"] == "thread_1" and record["exported_at"] == "2026-11-23T12:00:00+00:00"
    assert record["thread"] == THREAD and record["messages"] == [MESSAGE]
    assert record["unified"] == {"thread": thread.to_dict(raw=False), "messages": [message.to_dict(raw=False)]}
    assert "raw" not in record["unified"]["thread"] and "raw" not in record["unified"]["messages"][0]


def test_only_objects_with_an_id_a_thread_and_a_list_of_messages_are_records() -> None:
    good = {"id": "thread_1", "thread": {}, "messages": []}
    assert decode(json.dumps(good).encode()) == good
    odds: list[object] = [[1, 2], "text", {"thread": {}, "messages": []}, {"id": 7, "thread": {}, "messages": []},
                {"id": "t", "thread": [], "messages": []}, {"id": "t", "thread": {}, "messages": "none"}]  # fmt: skip
    for odd in odds:
        assert decode(json.dumps(odd).encode()) is None, odd
    assert decode(b"{not json") is None


def test_a_torn_last_line_is_never_read_and_recover_cuts_it_off(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    whole = json.dumps({"id": "thread_1", "thread": {}, "messages": []}) + "\n"
    path.write_bytes(whole.encode() + b'{"id": "thread_2", "thr')
    assert read_at(path, 0) == json.loads(whole)
    assert read_at(path, len(whole)) is None
    assert recover(path) == {"thread_1"} and path.read_bytes() == whole.encode()


def test_a_whole_record_without_its_newline_is_still_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps({"id": "thread_1", "thread": {}, "messages": []}))  # the newline never made it
    assert read_at(path, 0) is None
    assert recover(path) == set() and path.read_bytes() == b""


def test_recovering_a_file_that_holds_only_a_torn_line_empties_it(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "thread_1", "thr')
    assert recover(path) == set() and path.read_bytes() == b""
    assert recover(tmp_path / "missing.jsonl") == set()


def _raw_part(record: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in record.items() if key != "unified"}


def test_reading_a_line_gives_the_raw_objects_whatever_the_text_holds(tmp_path: Path) -> None:
    tricky = {
        **MESSAGE,
        "id": "msg_2",
        "metadata": {"note": ',"unified":{"thread":', "unified": "{}"},  # the marker inside a value and as a key
    }
    lines = [
        encode(thread_from_assistants(THREAD), [item_from_message(MESSAGE)], WHEN),
        encode(thread_from_assistants(THREAD), [item_from_message(tricky)], WHEN),
        # written by hand: the unified view first, and a line with none
        json.dumps({"id": "thread_1", "unified": {"thread": {}}, "thread": THREAD, "messages": [MESSAGE]}) + "\n",
        json.dumps({"id": "thread_1", "thread": THREAD, "messages": [MESSAGE]}) + "\n",
    ]
    path = tmp_path / "legacy.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    offset = 0
    for line in lines:
        record = read_at(path, offset)
        assert record is not None and _raw_part(record) == _raw_part(json.loads(line))
        offset += len(line.encode("utf-8"))
    assert read_at(path, len(lines[0].encode("utf-8")))["messages"][0]["metadata"] == tricky["metadata"]  # type: ignore[index]
