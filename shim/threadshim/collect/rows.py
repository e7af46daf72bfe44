"""Messages kept as rows — CSV/TSV or JSON Lines files, or a SQL query's result — as Assistants API objects.

A mapping names the columns: ``thread_id``, ``role`` and ``text`` are required; ``created_at``,
``message_id``, ``content_json`` (the API's content array; it wins over ``text``), ``metadata_json``
and ``thread_metadata_json`` may be given. Times are epoch seconds, milliseconds or ISO 8601. A
row becomes a ``thread.message``; a row with thread metadata also gives its thread (the first such
row of a thread wins, as any later different copy is a conflict). Each row's place is
``file:row N`` (or ``query:row N``).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs

from .._errors import InvalidRequest
from .containers import Found, Invalid

REQUIRED = ("thread_id", "role", "text")
OPTIONAL = ("created_at", "message_id", "content_json", "metadata_json", "thread_metadata_json")


@attrs.frozen
class ColumnMap:
    """Which column holds each field of a message."""

    columns: dict[str, str]

    @classmethod
    def parse(cls, spec: str) -> ColumnMap:
        """``thread_id=COL,role=COL,text=COL[,…]``; :class:`InvalidRequest` names what is wrong."""
        columns: dict[str, str] = {}
        for part in (p.strip() for p in spec.split(",") if p.strip()):
            field, sep, column = part.partition("=")
            if not sep or not column.strip():
                raise InvalidRequest(f"--map part {part!r} is not FIELD=COLUMN")
            if field not in REQUIRED + OPTIONAL:
                raise InvalidRequest(f"--map names no field {field!r}; fields: {', '.join(REQUIRED + OPTIONAL)}")
            columns[field] = column.strip()
        missing = [f for f in REQUIRED if f not in columns]
        if missing:
            raise InvalidRequest(f"--map must name {', '.join(missing)} (as in thread_id=COL,role=COL,text=COL)")
        return cls(columns)


def when(value: Any) -> int | None:
    """A time as epoch seconds: from seconds, milliseconds (above 10^11) or ISO 8601; None when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = float(text)
        except ValueError:
            try:
                moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                raise ValueError(
                    f"created_at {text!r} is not a time (epoch seconds, milliseconds or ISO 8601)"
                ) from None
            moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
            return int(moment.timestamp())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"not a time: {value!r}")
    return int(value / 1000 if value > 1e11 else value)


def _json(value: Any, field: str) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, (dict, list)):
        return value
    try:
        return json.loads(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{field} is not JSON ({exc})") from None


def objects_of(row: dict[str, Any], mapping: ColumnMap) -> list[dict[str, Any]]:
    """The message (and thread, when its metadata is mapped) a row stands for; ValueError says what is wrong."""
    cols = mapping.columns
    absent = [cols[f] for f in REQUIRED if cols[f] not in row]
    if absent:
        raise ValueError(f"no column {', '.join(absent)}")
    thread_id, role = row[cols["thread_id"]], row[cols["role"]]
    if role not in ("user", "assistant"):
        raise ValueError(f"role {role!r} is neither user nor assistant")

    def given(field: str) -> Any:
        """The row's value for an optional field, None when the field is not mapped."""
        return row.get(cols[field]) if field in cols else None

    content = _json(given("content_json"), "content_json")
    if content is None:
        text = row[cols["text"]]
        content = [{"type": "text", "text": {"value": "" if text is None else str(text), "annotations": []}}]
    message: dict[str, Any] = {"object": "thread.message", "thread_id": thread_id, "role": role, "content": content}
    created = when(given("created_at"))
    if created is not None:
        message["created_at"] = created
    if given("message_id"):
        message["id"] = str(given("message_id"))
    metadata = _json(given("metadata_json"), "metadata_json")
    if metadata is not None:
        message["metadata"] = metadata
    thread_metadata = _json(given("thread_metadata_json"), "thread_metadata_json")
    if thread_metadata is None:
        return [message]
    return [{"object": "thread", "id": thread_id, "metadata": thread_metadata}, message]


def row_file(path: Path, mapping: ColumnMap) -> Iterator[Found | Invalid]:
    """The messages of a CSV/TSV file (by its suffix) or a JSON Lines file of row objects."""
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        with path.open("r", encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield from _row(_parsed(line), mapping, f"{path}:row {number}")
        return
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        for number, record in enumerate(csv.DictReader(handle, dialect=dialect), start=1):
            yield from _row(record, mapping, f"{path}:row {number}")


def sqlite_query(url: str, sql: str) -> Iterator[dict[str, Any]]:
    """The rows a query returns from the SQLite file ``sqlite:///FILE`` (opened read-only), as column maps."""
    path = Path(url.removeprefix("sqlite:///"))
    if not path.is_file():
        raise InvalidRequest(f"no SQLite database at {path}")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = db.execute(sql)
        names = [d[0] for d in cursor.description or ()]
        for values in cursor:
            yield dict(zip(names, values, strict=True))
    except sqlite3.Error as exc:
        raise InvalidRequest(f"the query failed on {path}: {exc}") from None
    finally:
        db.close()


def query_rows(url: str, sql: str, mapping: ColumnMap) -> Iterator[Found | Invalid]:
    """The messages a SQL query returns, from ``sqlite:///FILE`` or ``postgresql://…``."""
    if url.startswith("sqlite:///"):
        for number, row in enumerate(sqlite_query(url, sql), start=1):
            yield from _row(row, mapping, f"query:row {number}")
        return
    if url.startswith(("postgresql://", "postgres://")):
        yield from _postgres_rows(url, sql, mapping)
        return
    raise InvalidRequest(f"--db {url!r} is neither sqlite:///FILE nor postgresql://…")


def _postgres_rows(url: str, sql: str, mapping: ColumnMap) -> Iterator[Found | Invalid]:
    try:
        import psycopg
    except ImportError:
        raise InvalidRequest(
            "reading PostgreSQL needs psycopg: pip install 'threadshim[chatkit]' (it brings psycopg)"
        ) from None
    try:
        with psycopg.connect(url) as conn, conn.cursor() as cursor:
            cursor.execute(sql.encode())
            names = [d.name for d in cursor.description or ()]
            for number, values in enumerate(cursor, start=1):
                yield from _row(dict(zip(names, values, strict=True)), mapping, f"query:row {number}")
    except psycopg.Error as exc:
        raise InvalidRequest(
            f"the query failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from None


def _parsed(line: str) -> Any:
    """A JSON Lines row, or the ValueError that says why it is not one."""
    try:
        return json.loads(line)
    except ValueError as exc:
        return ValueError(f"not JSON ({exc})")


def _row(row: Any, mapping: ColumnMap, place: str) -> Iterator[Found | Invalid]:
    try:
        if isinstance(row, ValueError):
            raise row
        if not isinstance(row, dict):
            raise ValueError("not an object of columns")
        found = objects_of(row, mapping)
    except ValueError as exc:
        yield Invalid(place, str(exc))
        return
    for value in found:
        yield Found(place, value, synthesized=value["object"] == "thread")
