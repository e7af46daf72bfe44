"""Benchmark `migrate --to chatkit`: 10,000 archived threads of 10 messages into each store, against the floor.

``python bench/chatkit_import.py`` (part of ``make bench``) writes the archive, then for SQLite and
for PostgreSQL (a throwaway cluster, fsync off for both jobs alike) runs side by side:

* threadshim: ``migrate(to="chatkit", ...)``, as ``threadshim migrate`` runs it (after ``gc.freeze()``);
* the floor: the same archive read line by line with ``json.loads`` (any importer must parse it),
  then the very rows threadshim wrote (read back from its store) inserted with no mapping at all,
  in one transaction: ``executemany`` for SQLite, ``COPY`` for PostgreSQL.

Each job runs three times, alternating, each into a fresh database; the best of each is kept. It
prints threads per second and threadshim's time over the floor's (goal: at most 2), then the
latency of ``items.list`` (a page of 20) through openai-chatkit's ``ChatKitServer`` on each
10,000-thread store, beside the same page read with one plain SQL query.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import psycopg
from chatkit.server import ChatKitServer
from chatkit.types import ThreadMetadata, ThreadStreamEvent, UserMessageItem

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from threadshim.archive import Archive
from threadshim.chatkit import PostgresStore, SQLiteStore, SQLStore
from threadshim.migrate import migrate
from threadshim.testing._postgres import MissingPostgres, ThrowawayPostgres

from bench._archive import fresh_databases, legacy_archive

THREADS, MESSAGES, REQUESTS, ROUNDS = 10_000, 10, 1_000, 3
TABLES = {
    "chatkit_threads": "id, user_id, created_at, data",
    "chatkit_items": "thread_id, id, created_at, data",
    "chatkit_attachments": "id, user_id, thread_id, data",
}


class ReadOnlyServer(ChatKitServer[dict[str, str]]):
    """A ChatKit server that only serves what its store holds."""

    def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: dict[str, str]
    ) -> AsyncIterator[ThreadStreamEvent]:
        raise NotImplementedError("reads only")


def _parse(archive: Path) -> float:
    started = time.perf_counter()
    with archive.open("rb") as lines:
        for line in lines:
            json.loads(line)
    return time.perf_counter() - started


async def _ours(archive: Path, store: str, journal: Path) -> float:
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        summary = await migrate(
            journal=journal, archive=archive, to="chatkit", store=store, allow_lossy=True, progress=quiet
        )
    assert summary.migrated == THREADS, summary
    return time.perf_counter() - started


def _rows_sqlite(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as db:
        return {
            table: db.execute(
                f"SELECT {cols} FROM {table} ORDER BY seq"
                if table != "chatkit_attachments"
                else f"SELECT {cols} FROM {table}"
            ).fetchall()
            for table, cols in TABLES.items()
        }


def _floor_sqlite(path: Path, rows: dict[str, list[tuple[Any, ...]]]) -> float:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    started = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    for table, cols in TABLES.items():
        marks = ", ".join("?" for _ in cols.split(","))
        db.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows[table])
    db.execute("COMMIT")
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def _rows_pg(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"SELECT {cols} FROM {table}".encode()).fetchall() for table, cols in TABLES.items()
        }


def _floor_pg(url: str, rows: dict[str, list[tuple[Any, ...]]]) -> float:
    with psycopg.connect(url) as conn:
        started = time.perf_counter()
        with conn.transaction(), conn.cursor() as cursor:
            for table, cols in TABLES.items():
                with cursor.copy(f"COPY {table} ({cols}) FROM STDIN".encode()) as copy:
                    for row in rows[table]:
                        copy.write_row(row)
        return time.perf_counter() - started


async def _empty(store: SQLStore[Any]) -> None:
    """Create the store's tables (and nothing else) so the floor writes into the same schema."""
    await store.load_threads(1, None, "asc", {"user_id": "nobody"})
    await store.close()


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"p50 {statistics.median(ordered) * 1000:.2f} ms, p95 {ordered[int(len(ordered) * 0.95)] * 1000:.2f} ms"


async def _latency(store: SQLStore[Any], owners: list[tuple[str, str]], page: Callable[[str], object]) -> str:
    server = ReadOnlyServer(store)
    draw = random.Random(3)
    served, direct, plain = [], [], []
    for _ in range(REQUESTS):
        thread_id, user = draw.choice(owners)
        request = json.dumps({"type": "items.list", "params": {"thread_id": thread_id, "limit": 20, "order": "asc"}})
        started = time.perf_counter()
        result = await server.process(request, {"user_id": user})
        served.append(time.perf_counter() - started)
        assert len(json.loads(result.json)["data"]) > 0  # type: ignore[union-attr]
        started = time.perf_counter()
        await store.load_thread_items(thread_id, None, 20, "asc", {"user_id": user})
        direct.append(time.perf_counter() - started)
        started = time.perf_counter()
        page(thread_id)
        plain.append(time.perf_counter() - started)
    await store.close()
    return (
        f"through ChatKitServer {_percentiles(served)}; the store's load_thread_items {_percentiles(direct)}; "
        f"one plain SQL query {_percentiles(plain)}"
    )


def _report(name: str, ours: float, parse: float, insert: float) -> None:
    floor = parse + insert
    print(f"{name}: threadshim {ours:.2f} s ({THREADS / ours:,.0f} threads/s); floor {floor:.2f} s "
          f"(parse {parse:.2f} + insert {insert:.2f}; {THREADS / floor:,.0f} threads/s); ratio {ours / floor:.2f}")  # fmt: skip


async def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="threadshim-bench-"))
    atexit.register(shutil.rmtree, folder, True)  # gigabytes of scratch: gone with the run
    archive = folder / "legacy.jsonl"
    legacy_archive(archive, THREADS, MESSAGES)
    started = time.perf_counter()
    Archive(archive)  # a fresh export's index is built on first use, once: timed apart from both jobs
    indexed = time.perf_counter() - started
    gc.collect()
    gc.freeze()  # as `threadshim migrate` does
    size = archive.stat().st_size / 1e6
    print(
        f"{THREADS:,} threads of {MESSAGES} messages ({size:.0f} MB archive; its index built once in {indexed:.2f} s)"
    )
    parse = min(_parse(archive) for _ in range(ROUNDS))

    ours, insert = [], []
    for round_ in range(ROUNDS):  # alternating, best of each
        ours.append(await _ours(archive, f"sqlite:///{folder / f'ours{round_}.db'}", folder / f"j{round_}.db"))
        rows = _rows_sqlite(folder / f"ours{round_}.db")
        await _empty(SQLiteStore(folder / f"floor{round_}.db"))
        insert.append(_floor_sqlite(folder / f"floor{round_}.db", rows))
    _report("SQLite", min(ours), parse, min(insert))
    owners = [(row[0], row[1]) for row in rows["chatkit_threads"]]
    raw = sqlite3.connect(folder / "ours0.db", check_same_thread=False)
    sql = "SELECT data FROM chatkit_items WHERE thread_id = ? ORDER BY created_at, seq LIMIT 21"
    latency = await _latency(SQLiteStore(folder / "ours0.db"), owners, lambda t: raw.execute(sql, (t,)).fetchall())
    print(f"  items.list (20 items) {latency}")
    raw.close()
    del rows
    gc.collect()

    try:
        with ThrowawayPostgres() as cluster:
            ours, insert = [], []
            for round_ in range(ROUNDS):
                ours_url, floor_url = fresh_databases(cluster.url, round_)
                ours.append(await _ours(archive, ours_url, folder / f"pj{round_}.db"))
                rows = _rows_pg(ours_url)
                await _empty(PostgresStore(floor_url))
                insert.append(_floor_pg(floor_url, rows))
                del rows
            _report("PostgreSQL", min(ours), parse, min(insert))
            first = cluster.url.replace("/postgres?", "/ours0?")
            with psycopg.connect(first) as conn:
                query = sql.replace("?", "%s").encode()
                latency = await _latency(PostgresStore(first), owners, lambda t: conn.execute(query, (t,)).fetchall())
            print(f"  items.list (20 items) {latency}")
    except MissingPostgres as missing:
        print(f"PostgreSQL: skipped: {missing}")


if __name__ == "__main__":
    asyncio.run(main())
