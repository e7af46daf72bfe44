"""Benchmark the export: throughput against the bound, the obvious AsyncOpenAI version, and memory.

``make bench`` (or ``python bench/export.py``) serves the emulator in a separate process
(``threadshim serve``), exports from it, and prints:

* throughput: 2,000 legacy threads of 5 messages, 50 ms added latency, concurrency 32, as requests
  per second over the bound (concurrency ÷ latency), beside the same job written the obvious way
  with the official SDK's ``AsyncOpenAI`` at the same concurrency (each job in a fresh
  process, after one warm-up pass over the server, alternating, best of two rounds each);
* memory: peak RSS of an export of 10,000 threads over that of 1,000 (each in a fresh process).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._rss import peak_rss_kib

THREADS, MESSAGES, LATENCY, CONCURRENCY = 2000, 5, 0.05, 32


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served(threads: int, latency: float) -> Iterator[tuple[str, list[str]]]:
    """Run ``threadshim serve`` with ``threads`` legacy threads; yield its base URL and the thread ids."""
    port = _free_port()
    scratch = tempfile.mkdtemp()
    atexit.register(shutil.rmtree, scratch, True)
    db = Path(scratch) / "emulator.sqlite"
    command = [sys.executable, "-m", "threadshim.cli", "serve", "--port", str(port), "--db", str(db)]
    command += ["--seed", f"legacy:{threads}x{MESSAGES}", "--latency", str(latency)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                httpx.get(base_url + "/nothing", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the emulator did not start") from None
                time.sleep(0.2)
        import sqlite3

        with sqlite3.connect(db) as connection:
            rows = connection.execute("SELECT id FROM objects WHERE kind = 'thread' ORDER BY seq").fetchall()
        yield base_url, [row[0] for row in rows]
    finally:
        server.terminate()
        server.wait(timeout=30)


async def threadshim_export(base_url: str, ids: list[str], out: Path, concurrency: int) -> None:
    """The job through threadshim."""
    from threadshim import AsyncThreadShim
    from threadshim.export import export

    async with AsyncThreadShim(api_key="sk-bench", base_url=base_url, concurrency=concurrency, timeout=60) as shim:
        with open(os.devnull, "w") as quiet:
            summary = await export(shim, ids, out, concurrency=concurrency, progress=quiet)
    assert summary.ok and summary.exported == len(ids), summary


async def sdk_export(base_url: str, ids: list[str], out: Path, concurrency: int) -> None:
    """The same job written the obvious way with the official SDK."""
    from openai import AsyncOpenAI

    gate = asyncio.Semaphore(concurrency)
    async with AsyncOpenAI(api_key="sk-bench", base_url=base_url) as client:
        with out.open("w", encoding="utf-8") as handle:

            async def one(thread_id: str) -> None:
                async with gate:
                    thread = await client.beta.threads.retrieve(thread_id)
                    messages = [m async for m in client.beta.threads.messages.list(thread_id, order="asc", limit=100)]
                record = {"thread": thread.model_dump(), "messages": [m.model_dump() for m in messages]}
                handle.write(json.dumps(record) + "\n")

            await asyncio.gather(*(one(i) for i in ids))


async def warm_up(base_url: str, ids: list[str]) -> None:
    """Read every thread's messages once with plain httpx, so neither timed job pays the server's first touches."""
    headers = {"Authorization": "Bearer sk-bench", "OpenAI-Beta": "assistants=v2"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as client:
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(thread_id: str) -> None:
            async with gate:
                (await client.get(f"/threads/{thread_id}/messages")).raise_for_status()

        await asyncio.gather(*(one(i) for i in ids))


JOBS = {"threadshim": threadshim_export, "openai SDK": sdk_export}


def run_job(name: str, base_url: str, ids_file: Path, out: Path) -> None:
    """In this process: run one job and print its seconds."""
    import warnings

    warnings.simplefilter("ignore", DeprecationWarning)
    ids = ids_file.read_text().split()
    start = time.perf_counter()
    asyncio.run(JOBS[name](base_url, ids, out, CONCURRENCY))
    print(time.perf_counter() - start)


def throughput(threads: int = THREADS) -> None:
    """Print the throughput figures."""
    with served(threads, LATENCY) as (base_url, ids), tempfile.TemporaryDirectory() as folder:
        asyncio.run(warm_up(base_url, ids))
        ids_file = Path(folder) / "ids.txt"
        ids_file.write_text("\n".join(ids))
        timings: dict[str, float] = {}
        for round_ in range(2):  # alternate the two jobs, each in a fresh process; keep each one's best round
            for name in JOBS:
                out = Path(folder) / f"{round_}.jsonl"
                command = [sys.executable, __file__, "--job", name, base_url, str(ids_file), str(out)]
                seconds = float(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()[-1])
                timings[name] = min(timings.get(name, float("inf")), seconds)
    bound = CONCURRENCY / LATENCY
    requests = 2 * threads  # the thread, and its one page of messages
    print(
        f"export of {threads} threads x {MESSAGES} messages, {LATENCY * 1000:.0f} ms latency, concurrency {CONCURRENCY}"
    )
    print(
        f"  bound: {bound:.0f} requests/s; each job in a fresh process, best of two alternating rounds, after one warm-up pass"
    )
    for name, seconds in timings.items():
        rate = requests / seconds
        print(
            f"  {name:<11} {seconds:6.2f} s  {threads / seconds:6.1f} threads/s  {rate:6.1f} requests/s  {rate / bound:.2f} of the bound"
        )
    print(f"  threadshim takes {timings['threadshim'] / timings['openai SDK']:.2f}x the SDK's time")


def peak_rss(threads: int) -> None:
    """In this process: export ``threads`` threads and print the peak RSS in KiB."""
    with served(threads, 0.0) as (base_url, ids), tempfile.TemporaryDirectory() as folder:
        asyncio.run(threadshim_export(base_url, ids, Path(folder) / "out.jsonl", CONCURRENCY))
    print(peak_rss_kib())


def memory() -> None:
    """Print peak RSS for 1,000 and 10,000 threads, each measured in a fresh process."""
    peaks = {}
    for threads in (1000, 10000):
        result = subprocess.run(
            [sys.executable, __file__, "--peak-rss", str(threads)], capture_output=True, text=True, check=True
        )
        peaks[threads] = int(result.stdout.split()[-1])
    print("peak RSS of an export (fresh process each)")
    for threads, kib in peaks.items():
        print(f"  {threads:>6} threads: {kib / 1024:6.1f} MiB")
    print(f"  10,000 / 1,000: {peaks[10000] / peaks[1000]:.2f}x (goal <= 1.2x)")


def main() -> None:
    """Run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peak-rss", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--job", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=THREADS, help="threads in the throughput run")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if args.job:
        name, base_url, ids_file, out = args.job
        run_job(name, base_url, Path(ids_file), Path(out))
        return
    if args.peak_rss:
        peak_rss(args.peak_rss)
        return
    throughput(args.threads)
    if not args.skip_memory:
        memory()


if __name__ == "__main__":
    main()
