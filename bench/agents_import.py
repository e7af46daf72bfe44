"""Benchmark `migrate --to agents`: archived threads into Agents SDK sessions, against the SDK's own ``add_items``.

``python bench/agents_import.py`` (part of ``make bench``) writes an archive of 2,000 threads of 10
messages, then for SQLite (``SQLiteSession``) and PostgreSQL (``SQLAlchemySession`` on a throwaway
cluster) runs side by side, each into a fresh database:

* threadshim: ``migrate(to="agents", ...)`` (reading and planning every thread, the journal, each
  session read back before it is written);
* the floor: the very items threadshim writes (planned beforehand, untimed) added with the SDK's own
  ``session.add_items``, one call per session, 8 sessions at once, in one process.

Each job runs three times, alternating; the best of each is kept. It prints threads per second
and threadshim's time over the floor's (goal: at most 1.5).
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from agents import SQLiteSession
from agents.extensions.memory import SQLAlchemySession
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from threadshim.archive import Archive
from threadshim.migrate import migrate
from threadshim.targets.agents.plan import plan_session
from threadshim.testing._postgres import MissingPostgres, ThrowawayPostgres

from bench._archive import fresh_databases, legacy_archive

THREADS, MESSAGES, ROUNDS, AT_ONCE = 2_000, 10, 3, 8


async def _ours(archive: Path, url: str, journal: Path) -> float:
    started = time.perf_counter()
    summary = await migrate(journal=journal, archive=archive, to="agents", sessions=url, allow_lossy=True,
                            progress=io.StringIO())  # fmt: skip
    assert summary.ok and summary.migrated == THREADS, summary
    return time.perf_counter() - started


async def _floor(items: dict[str, list[Any]], make: Any) -> float:
    gate = asyncio.Semaphore(AT_ONCE)

    async def one(session_id: str) -> None:
        async with gate:
            session = make(session_id)
            await session.add_items(items[session_id])
            if isinstance(session, SQLiteSession):
                session.close()

    started = time.perf_counter()
    await asyncio.gather(*(one(session_id) for session_id in items))
    return time.perf_counter() - started


def _report(name: str, ours: float, floor: float) -> None:
    print(f"{name}: threadshim {ours:.2f} s ({THREADS / ours:,.0f} threads/s); SDK add_items floor {floor:.2f} s "
          f"({THREADS / floor:,.0f} threads/s); ratio {ours / floor:.2f}")  # fmt: skip


async def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="threadshim-bench-"))
    atexit.register(shutil.rmtree, folder, True)  # gigabytes of scratch: gone with the run
    archive = folder / "legacy.jsonl"
    legacy_archive(archive, THREADS, MESSAGES)
    legacy = Archive(archive)
    items = {i: [dict(item) for item in plan_session(*legacy.raw(i)).items] for i in legacy.ids(order="asc")}
    gc.collect()
    gc.freeze()  # as `threadshim migrate` does
    print(f"{THREADS:,} threads of {MESSAGES} messages into Agents SDK sessions, {AT_ONCE} at once")
    ours, floor = [], []
    for round_ in range(ROUNDS):  # alternating, best of each
        ours.append(await _ours(archive, f"sqlite:///{folder / f'ours{round_}.db'}", folder / f"j{round_}.db"))
        path = folder / f"floor{round_}.db"
        floor.append(await _floor(items, lambda sid, path=path: SQLiteSession(sid, path)))
    _report("SQLite", min(ours), min(floor))
    try:
        with ThrowawayPostgres() as cluster:
            ours, floor = [], []
            for round_ in range(ROUNDS):
                ours_url, floor_url = fresh_databases(cluster.url, round_)
                ours.append(await _ours(archive, ours_url, folder / f"pj{round_}.db"))
                engine = create_async_engine("postgresql+psycopg://" + floor_url.partition("://")[2], pool_size=8)
                await SQLAlchemySession("tables", engine=engine, create_tables=True).get_items(limit=1)
                floor.append(await _floor(items, lambda sid, engine=engine: SQLAlchemySession(sid, engine=engine)))
                await engine.dispose()
            _report("PostgreSQL", min(ours), min(floor))
    except MissingPostgres as missing:
        print(f"PostgreSQL: skipped: {missing}")


if __name__ == "__main__":
    asyncio.run(main())
