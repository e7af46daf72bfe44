"""Benchmark the journal's cost to a migration: migrate beside the same requests sent with no journal.

``python bench/journal.py`` (part of ``make bench``) writes an archive of legacy threads of 30
messages (every content kind), then, each job against a fresh ``threadshim serve`` in its own
process, with the journal on disk (a temporary folder):

* ceiling (no rate limit, no added latency), 400 threads: ``threadshim migrate`` at concurrency 16
  (the library call, with its default transport; its writes recorded as they go out), then the floor: the very writes it sent
  (the creates and add-items, the same bodies) replayed by a plain ``httpx.AsyncClient`` at the
  same concurrency, each thread's in order, with no journal; five rounds, alternating, the best
  of each kept. It prints both rates, their ratio
  (goal >= 0.8); then the same migration once more, as the command under ``strace``, for the
  journal's syncs per request (``fsync`` and ``fdatasync`` calls, goal <= 0.2), and once with the
  journal on a RAM disk (``/dev/shm``), to show what the disk costs;
* at a high limit, 1,000 threads against ``serve --rpm 10000 --burst 200 --latency 0.05``: the rate
  as a share of the limit (goal >= 0.9) and the share of 429s (goal <= 1%).
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from threadshim._pool import MIGRATION_POOL, PooledTransport

from bench._archive import legacy_archive
from bench.migrate import serve

THREADS, MESSAGES, CONCURRENCY, ROUNDS = 400, 30, 16, 5
HIGH_THREADS, RPM, BURST, LATENCY = 1000, 10000, 200, 0.05
Sent = list[tuple[str, bytes, "str | None"]]


class Recording(PooledTransport):
    """The transport migrate uses by default, keeping the path and body of every write it sends (as sent)."""

    def __init__(self) -> None:
        super().__init__(per_pool=MIGRATION_POOL)
        self.sent: list[tuple[str, bytes]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Keep a write's path and body, then send it."""
        if request.method == "POST":
            self.sent.append((request.url.path, request.content))
        return await super().handle_async_request(request)


def _by_conversation(sent: list[tuple[str, bytes]], journal: Path) -> Sent:
    """Each write with the conversation it made or went to: a create's, from the journal by its legacy id."""
    from threadshim.migrate import Journal

    with Journal(journal, read_only=True) as done:
        made = {entry.legacy_id: entry.target_id for entry in done.entries()}
    writes: Sent = []
    for path, body in sent:
        if path.endswith("/conversations"):
            legacy_id = json.loads(body)["metadata"]["legacy_thread_id"]
            writes.append((path, body, made[legacy_id]))
        else:
            writes.append((path, body, None))
    return writes


def syncs_job(archive: Path, base_url: str, journal: Path) -> dict[str, Any]:
    """``threadshim migrate`` (the command, in its own process) under strace, counting its fsync and fdatasync calls.

    strace's seccomp filter stops the process only at those two calls, so the run is barely slowed.
    """
    counts = journal.with_suffix(".strace")
    command = ["strace", "-f", "--seccomp-bpf", "-c", "-e", "trace=fsync,fdatasync", "-o", str(counts)]
    command += [sys.executable, "-m", "threadshim.cli", "migrate", "--to", "conversations", "--archive", str(archive)]
    command += ["--journal", str(journal), "--concurrency", str(CONCURRENCY), "--allow-lossy"]
    command += ["--base-url", base_url, "--report", str(journal.with_suffix(".json"))]
    environment = {**os.environ, "OPENAI_API_KEY": "sk-bench"}
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = re.finditer(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(?:fsync|fdatasync)\s*$",
                       counts.read_text(), re.M)  # fmt: skip
    report = json.loads(journal.with_suffix(".json").read_text())
    return {"syncs": sum(int(row.group(1)) for row in rows), "requests": report["summary"]["requests"]}


def migrate_job(archive: Path, base_url: str, journal: Path) -> dict[str, Any]:
    """threadshim migrate at concurrency 16 (the library call), its writes recorded."""
    from threadshim.migrate import migrate

    recording = Recording()
    summary = asyncio.run(
        migrate(
            journal=journal, archive=archive, api_key="sk-bench", base_url=base_url, concurrency=CONCURRENCY,
            allow_lossy=True, progress=io.StringIO(), transport=recording,
        )
    )  # fmt: skip
    if summary.failed or summary.not_found:
        raise RuntimeError(f"the migration failed threads: {summary.failed[:3]} {summary.not_found[:3]}")
    return {"seconds": summary.seconds, "requests": summary.requests, "limited": summary.rate_limited,
            "sent": _by_conversation(recording.sent, journal)}  # fmt: skip


def floor_job(sent: Sent, base_url: str) -> dict[str, Any]:
    """The very writes migrate sent, replayed at the same concurrency with a plain client and no journal."""
    threads: dict[str, list[tuple[str, bytes]]] = {}
    for path, body, created in sent:
        threads.setdefault(created or path.split("/")[-2], []).append((path, body))
    root = base_url.removesuffix("/v1")

    async def run() -> int:
        gate = asyncio.Semaphore(CONCURRENCY)
        headers = {"authorization": "Bearer sk-floor", "content-type": "application/json"}
        async with httpx.AsyncClient(base_url=root, headers=headers, timeout=60) as client:

            async def one(writes: list[tuple[str, bytes]]) -> int:
                async with gate:
                    conversation = ""
                    for path, body in writes:
                        if path.endswith("/conversations"):
                            conversation = (await client.post(path, content=body)).raise_for_status().json()["id"]
                        else:
                            url = f"{path.rsplit('/', 2)[0]}/{conversation}/items"
                            (await client.post(url, content=body)).raise_for_status()
                    return len(writes)

            return sum(await asyncio.gather(*(one(writes) for writes in threads.values())))

    started = time.monotonic()
    requests = asyncio.run(run())
    return {"seconds": time.monotonic() - started, "requests": requests}


def _fresh(job: Any, *args: Any, rpm: int | None = None, latency: float = 0.0) -> dict[str, Any]:
    server, base_url = serve(rpm, BURST, latency)
    try:
        result: dict[str, Any] = job(*args[:1], base_url, *args[1:])
        return result
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    """Run the jobs and print the tables."""
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as temporary:
        folder = Path(temporary)
        small, large = folder / "legacy-400.jsonl", folder / "legacy-1000.jsonl"
        legacy_archive(small, THREADS, MESSAGES)
        legacy_archive(large, HIGH_THREADS, MESSAGES)
        runs: dict[str, list[dict[str, Any]]] = {"disk": [], "ram": [], "floor": []}
        ram_disk = Path("/dev/shm") if Path("/dev/shm").is_dir() else None  # what the disk costs, beside
        for round_ in range(ROUNDS):  # alternating, best of each
            runs["disk"].append(_fresh(migrate_job, small, folder / f"ceiling{round_}.db"))
            runs["floor"].append(_fresh(floor_job, runs["disk"][-1]["sent"]))
            if ram_disk is not None:
                with tempfile.TemporaryDirectory(dir=ram_disk) as ram:
                    runs["ram"].append(_fresh(migrate_job, small, Path(ram) / "ram.db"))
        moved, floor = (min(runs[job], key=lambda run: run["seconds"]) for job in ("disk", "floor"))
        in_memory = min(runs["ram"], key=lambda run: run["seconds"]) if runs["ram"] else None
        synced = _fresh(syncs_job, small, folder / "synced.db") if shutil.which("strace") else None
        high = _fresh(migrate_job, large, folder / "high.db", rpm=RPM, latency=LATENCY)
    rate, floor_rate = moved["requests"] / moved["seconds"], floor["requests"] / floor["seconds"]
    syncs = f"{synced['syncs'] / synced['requests']:.3f}" if synced is not None else "(no strace here)"
    print(f"journal: {THREADS} archived threads of {MESSAGES} messages, concurrency {CONCURRENCY}, journal on disk")
    print("| job | requests | rate | migrate / floor | journal syncs per request |")
    print("|---|---|---|---|---|")
    print(f"| threadshim migrate | {moved['requests']} | {rate:.1f} req/s | {rate / floor_rate:.2f} | {syncs} |")
    if in_memory is not None:
        ram_rate = in_memory["requests"] / in_memory["seconds"]
        print(f"| the same, journal on a RAM disk | {in_memory['requests']} | {ram_rate:.1f} req/s | "
              f"{ram_rate / floor_rate:.2f} | - |")  # fmt: skip
    print(f"| floor: the same writes, plain httpx, no journal | {floor['requests']} | {floor_rate:.1f} req/s | 1 | - |")
    high_rate = high["requests"] / high["seconds"]
    limited = 100 * high["limited"] / max(high["requests"], 1)
    print(f"\nat a high limit: {HIGH_THREADS} threads; serve --rpm {RPM} --burst {BURST} --latency {LATENCY}")
    print("| job | sustained rate | 429s |")
    print("|---|---|---|")
    print(
        f"| threadshim migrate | {high_rate:.1f} req/s = {high_rate / (RPM / 60):.2f} of the limit | {limited:.1f}% |"
    )


if __name__ == "__main__":
    main()
