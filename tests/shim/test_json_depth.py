"""threadshim's own JSON nesting limit: the same answer on every Python, wherever untrusted JSON is read."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim import JournalError, ThreadShim, UnexpectedResponse
from threadshim._json import MAX_JSON_DEPTH, TooDeep, depth, loads
from threadshim.archive import Archive
from threadshim.migrate import Journal
from threadshim.testing import Emulator

from tests.migrate.conftest import archive_of

KEY = "sk-depth-test"


def nested(levels: int) -> Any:
    """A value ``levels`` deep: lists inside lists around one string."""
    value: Any = "core"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("levels", [0, 1, MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH])
def test_up_to_the_limit_is_parsed(levels: int) -> None:
    text = json.dumps(nested(levels))
    assert depth(text) == levels
    assert loads(text) == nested(levels)
    assert loads(text.encode()) == nested(levels)


@pytest.mark.parametrize("levels", [MAX_JSON_DEPTH + 1, 1000, 100_000])
def test_past_the_limit_is_refused_before_parsing(levels: int) -> None:
    text = "[" * levels + "]" * levels
    with pytest.raises(TooDeep, match=f"nested deeper than {MAX_JSON_DEPTH} arrays and objects"):
        loads(text)
    with pytest.raises(ValueError):  # a TooDeep is a ValueError, as malformed JSON is
        loads(text.encode())


def test_brackets_inside_strings_do_not_count() -> None:
    noise = "[{" * 300 + '\\"' + "]}" * 7 + "\\\\"
    text = json.dumps({"a": noise, "b": [[["x"]]], "c": "\\" + "{" * 200})
    assert depth(text) == 4
    assert loads(text)["a"] == noise


def test_an_escaped_quote_does_not_end_a_string() -> None:
    text = '{"a": "\\" [[[[ \\" ]]]] \\\\", "b": ' + "[" * 150 + "]" * 150 + "}"
    assert depth(text) == 151
    with pytest.raises(TooDeep):
        loads(text)


def _shim(body: bytes) -> ThreadShim:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    return ThreadShim(api_key=KEY, http_client=httpx.Client(transport=transport), max_retries=0)


def test_a_response_at_the_limit_keeps_its_raw_json_and_maps() -> None:
    thread = {"id": "thread_a", "object": "thread", "created_at": 1, "metadata": {}, "x": nested(MAX_JSON_DEPTH - 1)}
    with _shim(json.dumps(thread).encode()) as shim:
        got = shim.retrieve("thread_a")
    assert got.raw["x"] == nested(MAX_JSON_DEPTH - 1)
    assert got.to_dict()["raw"]["x"] == nested(MAX_JSON_DEPTH - 1)
    assert "thread_a" in repr(got)


def test_a_response_past_the_limit_is_unexpected_not_a_crash() -> None:
    thread = {"id": "thread_a", "object": "thread", "created_at": 1, "metadata": {}, "x": nested(MAX_JSON_DEPTH)}
    body = json.dumps(thread).encode()
    with _shim(body) as shim, pytest.raises(UnexpectedResponse) as caught:
        shim.retrieve("thread_a")
    assert caught.value.body == body


def test_a_thread_accepted_at_the_limit_survives_the_export_and_reads_back(tmp_path: Path) -> None:
    emulator = Emulator(deterministic=True)
    deep = {"k": nested(MAX_JSON_DEPTH - 2)}  # the thread object, this dict, the lists: the limit exactly
    thread_id = emulator.add_thread({"metadata": {}, "x": deep})["id"]
    assert depth(json.dumps(emulator.store.get("thread", thread_id))) == MAX_JSON_DEPTH
    archive = Archive(archive_of(emulator, [thread_id], tmp_path / "legacy.jsonl"))
    assert not archive.damage
    assert archive.raw(thread_id)[0]["x"] == deep


def test_an_archive_line_nested_too_deep_is_a_damaged_line(tmp_path: Path) -> None:
    good = {"id": "thread_a", "exported_at": "x", "thread": {"id": "thread_a", "created_at": 1}, "messages": []}
    bad = {**good, "id": "thread_b", "thread": {"id": "thread_b", "x": nested(MAX_JSON_DEPTH + 10)}}
    path = tmp_path / "legacy.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 damaged line\(s\) holding no thread \(2\)"):
        archive = Archive(path)
    assert archive.ids() == ["thread_a"]


def test_a_journal_column_nested_too_deep_is_a_journal_error(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    with Journal(path, target="conversations") as journal:
        journal.finish("thread_a", "failed", "x")
    db = sqlite3.connect(path)
    db.execute("UPDATE threads SET losses = ?", ("[" * 1000 + "]" * 1000,))
    db.commit()
    db.close()
    with Journal(path, read_only=True) as journal, pytest.raises(JournalError, match="row for thread_a is damaged"):
        journal.entries()


def test_the_emulator_refuses_a_request_body_nested_too_deep() -> None:
    emulator = Emulator(deterministic=True)
    client = httpx.Client(
        base_url="https://api.openai.com/v1",
        transport=emulator.transport(),
        headers={"Authorization": f"Bearer {KEY}", "OpenAI-Beta": "assistants=v2"},
    )
    answer = client.post("/threads", content=b'{"metadata": ' + b"[" * 5000 + b"]" * 5000 + b"}")
    assert answer.status_code == 400
    assert answer.json()["error"]["type"] == "invalid_request_error"


def test_empty_strings_and_keys_beside_bracketed_strings_do_not_confuse_the_count() -> None:
    text = '{"": "", "a": "", "b": "[[[[" , "": [[""]], "c": "\\\\", "d": "]]]]", "e": [["x"]]}'
    assert json.loads(text) is not None
    assert depth(text, 0) == 3 and depth(text.encode() + b" " * 5000, 0) == 3
