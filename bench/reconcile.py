"""Benchmark ``reconcile`` at a rate limit against a checker a user would write with the ``openai`` SDK.

``python bench/reconcile.py`` (part of ``make bench``) migrates 1,000 archived legacy threads of 1
to 60 messages into ``threadshim serve --db`` with no limit, then serves the same state again at
``--rpm 3000 --burst 50 --latency 0.05`` (a fresh server for each job) and runs side by side:

* ``reconcile`` (the library call, concurrency 16 as a ceiling on requests in flight);
* the SDK checker: for each migrated conversation, ``conversations.retrieve`` and every page of
  ``conversations.items.list``, 16 threads at a time, the SDK's default retries.

It prints each job's request rate as a share of the limit (the goal is at least 0.9), its share of 429s,
and the threads it could not check.
"""

from __future__ import annotations

import asyncio
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.migrate import BURST, CONCURRENCY, LATENCY, RPM, THREADS, build_archive, free_port, serve


def _migrate(archive: Path, journal: Path, state: Path, port: int) -> None:
    from threadshim.migrate import migrate

    server, base_url = serve(rpm=None, latency=0.0, db=state, port=port)
    try:
        summary = asyncio.run(migrate(journal=journal, archive=archive, api_key="sk-bench", base_url=base_url,
                                      concurrency=CONCURRENCY, allow_lossy=True, progress=io.StringIO()))  # fmt: skip
        assert summary.ok, summary
    finally:
        server.terminate()
        server.wait(timeout=30)


def reconcile_job(archive: Path, journal: Path, base_url: str) -> dict[str, Any]:
    """Every migrated thread checked by threadshim."""
    from threadshim.migrate.reconcile import reconcile

    summary = asyncio.run(reconcile(journal=journal, archive=archive, api_key="sk-bench", base_url=base_url,
                                    concurrency=CONCURRENCY, progress=io.StringIO()))  # fmt: skip
    assert len(summary.checks) == THREADS, summary.line(None)
    failed = len(summary.checks) - summary.count("equal")
    return {"seconds": summary.seconds, "requests": summary.requests, "limited": summary.rate_limited, "failed": failed}


def sdk_job(journal: Path, base_url: str) -> dict[str, Any]:
    """Every migrated conversation read back with the openai SDK, 16 at a time."""
    from openai import AsyncOpenAI, DefaultAsyncHttpxClient, OpenAIError
    from threadshim.migrate import Journal

    with Journal(journal, read_only=True) as opened:
        targets = [e.target_id for e in opened.entries() if e.target_id]
    counted = {"requests": 0, "limited": 0, "failed": 0}

    async def count(response: Any) -> None:
        counted["requests"] += 1
        counted["limited"] += response.status_code == 429

    async def run() -> None:
        client = AsyncOpenAI(api_key="sk-sdk", base_url=base_url,
                             http_client=DefaultAsyncHttpxClient(event_hooks={"response": [count]}))  # fmt: skip
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(conversation_id: str) -> None:
            async with gate:
                try:
                    await client.conversations.retrieve(conversation_id)
                    pages = client.conversations.items.list(conversation_id, limit=100, order="asc")
                    _ = [item async for item in pages]
                except OpenAIError:  # the SDK's retries ran out (a 429, say): this thread is not checked
                    counted["failed"] += 1

        await asyncio.gather(*(one(t) for t in targets))
        await client.close()

    started = time.monotonic()
    asyncio.run(run())
    return {"seconds": time.monotonic() - started, **counted}


def main() -> None:
    """Migrate once, then run both checkers against the same state at the limit, and print the table."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        archive = build_archive(folder)
        journal, state = folder / "journal.db", folder / "state.db"
        port = free_port()  # one port for every server: the journal records the API's URL, and reconcile checks it
        _migrate(archive, journal, state, port)
        results: dict[str, dict[str, Any]] = {}
        for name in ("threadshim reconcile", "openai SDK checker"):
            copy = folder / "served.db"
            shutil.copyfile(state, copy)
            server, base_url = serve(db=copy, port=port)
            try:
                results[name] = reconcile_job(archive, journal, base_url) if "reconcile" in name else sdk_job(
                    journal, base_url)  # fmt: skip
            finally:
                server.terminate()
                server.wait(timeout=30)
    print(f"reconcile: {THREADS} migrated threads of 1-60 messages; serve --rpm {RPM} --burst {BURST} "
          f"--latency {LATENCY}")  # fmt: skip
    print("| job | requests | sustained rate | 429s | threads not checked |")
    print("|---|---|---|---|---|")
    for name, job in results.items():
        rate = job["requests"] / job["seconds"]
        limited = 100 * job["limited"] / max(job["requests"], 1)
        print(f"| {name} | {job['requests']} | {rate:.1f} req/s = {rate / (RPM / 60):.2f} of the limit | "
              f"{limited:.1f}% | {job['failed']} |")  # fmt: skip


if __name__ == "__main__":
    main()
