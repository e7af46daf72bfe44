"""Rows of a team's own tables — CSV, TSV, JSON Lines, SQLite, PostgreSQL — collected into the same archive."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest
from threadshim import InvalidRequest
from threadshim.archive import Archive
from threadshim.collect import ColumnMap, collect, query_rows, row_file
from threadshim.collect.rows import when
from threadshim.verify import verify

A, B = "thread_" + "a" * 24, "thread_" + "b" * 24
MAP = "thread_id=conv,role=who,text=body,created_at=at,message_id=mid,thread_metadata_json=meta"
ROWS: list[dict[str, Any]] = [  # times as seconds, milliseconds and ISO 8601; B's messages have no id
    {"conv": A, "who": "user", "body": "hello", "at": "1700000000", "mid": "msg_1", "meta": '{"user": "u1"}'},
    {"conv": A, "who": "assistant", "body": "hi there", "at": "1700000001000", "mid": "msg_2", "meta": ""},
    {"conv": B, "who": "user", "body": "again", "at": "2023-11-14T22:13:30Z", "mid": "", "meta": ""},
    {"conv": B, "who": "assistant", "body": "again", "at": "2023-11-14T22:13:30Z", "mid": "", "meta": ""},
]


def _csv(path: Path, rows: list[dict[str, Any]], dialect: str = "excel") -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), dialect=dialect)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_rows_from_every_kind_of_file_and_sqlite_give_the_same_archive(tmp_path: Path) -> None:
    mapping = ColumnMap.parse(MAP)
    sources = {
        "csv": row_file(_csv(tmp_path / "m.csv", ROWS), mapping),
        "tsv": row_file(_csv(tmp_path / "m.tsv", ROWS, "excel-tab"), mapping),
        "jsonl": row_file(_jsonl(tmp_path / "m.jsonl", ROWS), mapping),
        "sqlite": query_rows(f"sqlite:///{_sqlite(tmp_path / 'app.db', ROWS)}", "SELECT * FROM m ORDER BY n", mapping),
    }
    made = {}
    for name, source in sources.items():
        summary = collect([], tmp_path / f"{name}.jsonl", rows=[source])
        assert (summary.threads, summary.messages, summary.invalid, summary.exit_code) == (2, 4, [], 0), name
        made[name] = (tmp_path / f"{name}.jsonl").read_bytes()
    assert len(set(made.values())) == 1  # the same rows give the same bytes, whatever held them
    assert verify(tmp_path / "csv.jsonl").ok
    archive = Archive(tmp_path / "csv.jsonl")
    thread, messages = archive.raw(A)
    assert thread == {"id": A, "object": "thread", "metadata": {"user": "u1"}, "created_at": 1700000000}
    assert [(m["id"], m["created_at"], m["content"][0]["text"]["value"]) for m in messages] == [
        ("msg_1", 1700000000, "hello"), ("msg_2", 1700000001, "hi there"),
    ]  # fmt: skip
    _, given = archive.raw(B)
    assert [m["created_at"] for m in given] == [1700000010, 1700000010]
    ids = [m["id"] for m in given]
    assert len(set(ids)) == 2 and all(i.startswith("msg_") and len(i) == 28 for i in ids)  # same text, own ids


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def _sqlite(path: Path, rows: list[dict[str, Any]]) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE m (n INTEGER, conv, who, body, at, mid, meta)")
        db.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?, ?)", [(n, *row.values()) for n, row in enumerate(rows)])
    db.close()
    return path


def test_rows_from_a_postgresql_query(tmp_path: Path, postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(b"CREATE TABLE m (n int, conv text, who text, body text, at text, mid text, meta text)")
        with conn.cursor() as cursor:
            cursor.executemany(
                b"INSERT INTO m VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [(n, *row.values()) for n, row in enumerate(ROWS)],
            )
    mapping = ColumnMap.parse(MAP)
    collect([], tmp_path / "pg.jsonl", rows=[query_rows(postgres_url, "SELECT * FROM m ORDER BY n", mapping)])
    collect([], tmp_path / "csv.jsonl", rows=[row_file(_csv(tmp_path / "m.csv", ROWS), mapping)])
    assert (tmp_path / "pg.jsonl").read_bytes() == (tmp_path / "csv.jsonl").read_bytes()


def test_bad_rows_are_named_and_the_rest_collected(tmp_path: Path) -> None:
    rows = [
        *ROWS[:2],
        {"conv": A, "who": "system", "body": "x", "at": "", "mid": "", "meta": ""},
        {"conv": A, "who": "user", "body": "x", "at": "yesterday", "mid": "", "meta": ""},
        {"conv": A, "who": "user", "body": "x", "at": "", "mid": "", "meta": "{oops"},
        {"conv": "not-a-thread", "who": "user", "body": "x", "at": "", "mid": "", "meta": ""},
    ]
    summary = collect([], tmp_path / "out.jsonl", rows=[row_file(_csv(tmp_path / "m.csv", rows), ColumnMap.parse(MAP))])
    assert (summary.threads, summary.messages, summary.exit_code) == (1, 2, 1)
    assert [(bad.place.rsplit("/", 1)[1], bad.reason) for bad in summary.invalid] == [
        ("m.csv:row 3", "role 'system' is neither user nor assistant"),
        ("m.csv:row 4", "created_at 'yesterday' is not a time (epoch seconds, milliseconds or ISO 8601)"),
        ("m.csv:row 5", "thread_metadata_json is not JSON (Expecting property name enclosed in double quotes: "
                        "line 1 column 2 (char 1))"),
        ("m.csv:row 6", "a message without a thread_… thread_id"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("thread_id=a,role=b", "--map must name text (as in thread_id=COL,role=COL,text=COL)"),
        ("thread_id=a,role=b,text=c,colour=d", "--map names no field 'colour'; fields: thread_id, role, text, "
                                               "created_at, message_id, content_json, metadata_json, "
                                               "thread_metadata_json"),
        ("thread_id=a,role,text=c", "--map part 'role' is not FIELD=COLUMN"),
        ("thread_id=a,role=,text=c", "--map part 'role=' is not FIELD=COLUMN"),
        ("thread_id=a", "--map must name role, text (as in thread_id=COL,role=COL,text=COL)"),
    ],
)  # fmt: skip
def test_a_mapping_that_cannot_work_is_refused_in_one_line(spec: str, message: str) -> None:
    with pytest.raises(InvalidRequest) as refused:
        ColumnMap.parse(spec)
    assert str(refused.value) == message


def test_a_column_name_may_hold_an_equals_sign_and_a_json_row_that_is_not_json_is_named(tmp_path: Path) -> None:
    assert ColumnMap.parse("thread_id=a=b, role=r ,text=t").columns == {"thread_id": "a=b", "role": "r", "text": "t"}
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps({"a=b": A, "r": "user", "t": "hi"}) + "\n{broken\n")
    summary = collect([], tmp_path / "out.jsonl", rows=[row_file(path, ColumnMap.parse("thread_id=a=b,role=r,text=t"))])
    assert summary.messages == 1 and [(bad.place.rsplit("/", 1)[1], bad.reason) for bad in summary.invalid] == [
        ("m.jsonl:row 2", "not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))")
    ]


def test_every_mapped_column_lands_where_the_api_would_have_put_it(tmp_path: Path) -> None:
    content = [{"type": "text", "text": {"value": "from content_json", "annotations": []}}]
    rows = [
        {"t": A, "r": "assistant", "x": "ignored: content_json wins", "c": json.dumps(content), "m": '{"k": "v"}',
         "at": "2023-11-14T22:13:20"},  # no zone: UTC
        {"t": A, "r": "user", "x": None, "c": None, "m": None, "at": "2023-11-14T23:13:21+01:00"},
        {"t": A, "r": "user", "x": 42, "c": "", "m": "", "at": None},
    ]  # fmt: skip
    path = tmp_path / "m.ndjson"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows) + "[1, 2]\n" + json.dumps({"t": A}) + "\n")
    mapping = ColumnMap.parse("thread_id=t,role=r,text=x,content_json=c,metadata_json=m,created_at=at")
    summary = collect([], tmp_path / "out.jsonl", rows=[row_file(path, mapping)])
    assert [(bad.place.rsplit("/", 1)[1], bad.reason) for bad in summary.invalid] == [
        ("m.ndjson:row 4", "not an object of columns"),
        ("m.ndjson:row 5", "no column r, x"),
    ]
    _, messages = Archive(tmp_path / "out.jsonl").raw(A)
    assert [{k: v for k, v in m.items() if k != "id"} for m in messages] == [
        {"object": "thread.message", "thread_id": A, "role": "assistant", "content": content,
         "created_at": 1700000000, "metadata": {"k": "v"}},
        {"object": "thread.message", "thread_id": A, "role": "user", "created_at": 1700000001,
         "content": [{"type": "text", "text": {"value": "", "annotations": []}}]},
        {"object": "thread.message", "thread_id": A, "role": "user",
         "content": [{"type": "text", "text": {"value": "42", "annotations": []}}]},
    ]  # fmt: skip


def test_a_query_that_fails_or_a_database_that_is_not_there_is_refused_in_one_line(tmp_path: Path) -> None:
    mapping = ColumnMap.parse(MAP)
    db = _sqlite(tmp_path / "app.db", ROWS)
    for url, sql, message in [
        (f"sqlite:///{tmp_path / 'none.db'}", "SELECT 1", f"no SQLite database at {tmp_path / 'none.db'}"),
        (f"sqlite:///{db}", "SELECT * FROM nowhere", f"the query failed on {db}: no such table: nowhere"),
        ("mysql://x", "SELECT 1", "--db 'mysql://x' is neither sqlite:///FILE nor postgresql://…"),
    ]:
        with pytest.raises(InvalidRequest) as refused:
            list(query_rows(url, sql, mapping))
        assert str(refused.value) == message


def test_files_with_a_byte_order_mark_quoted_newlines_and_json_suffix_read_as_written(tmp_path: Path) -> None:
    csv_path = tmp_path / "m.csv"
    csv_path.write_bytes(b"\xef\xbb\xbfconv,who,body\r\n" + f'{A},user,"two\r\nlines"\r\n'.encode())
    json_path = tmp_path / "m.json"
    json_path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"conv": B, "who": "user", "body": "json"}).encode() + b"\n")
    mapping = ColumnMap.parse("thread_id=conv,role=who,text=body")
    summary = collect([], tmp_path / "out.jsonl", rows=[row_file(csv_path, mapping), row_file(json_path, mapping)])
    assert (summary.invalid, summary.messages) == ([], 2)
    archive = Archive(tmp_path / "out.jsonl")
    assert archive.raw(A)[1][0]["content"][0]["text"]["value"] == "two\r\nlines"
    assert archive.raw(B)[1][0]["content"][0]["text"]["value"] == "json"


def test_columns_that_hold_no_json_or_no_time_are_named(tmp_path: Path) -> None:
    db = tmp_path / "app.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE m (conv, who, body, c, m, at)")
        conn.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?)", [
            (A, "user", "fine", None, None, 1700000000),
            (A, "user", "x", "{nope", None, None),
            (A, "user", "x", None, "[1,", None),
            (A, "user", "x", None, None, "true"),
            (A, "user", "x", None, None, 1.5e11),
        ])  # fmt: skip
    conn.close()
    mapping = ColumnMap.parse("thread_id=conv,role=who,text=body,content_json=c,metadata_json=m,created_at=at")
    rows = query_rows(f"sqlite:///{db}", "SELECT * FROM m ORDER BY rowid", mapping)
    summary = collect([], tmp_path / "out.jsonl", rows=[rows])
    assert [(bad.place, bad.reason) for bad in summary.invalid] == [
        ("query:row 2", "content_json is not JSON (Expecting property name enclosed in double quotes: line 1 "
                        "column 2 (char 1))"),
        ("query:row 3", "metadata_json is not JSON (Expecting value: line 1 column 4 (char 3))"),
        ("query:row 4", "created_at 'true' is not a time (epoch seconds, milliseconds or ISO 8601)"),
    ]  # fmt: skip
    _, messages = Archive(tmp_path / "out.jsonl").raw(A)
    assert [m["created_at"] for m in messages] == [150000000, 1700000000]  # 1.5e11 is milliseconds
    with pytest.raises(ValueError, match=r"^not a time: True$"):
        when(True)
