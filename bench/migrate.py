"""Benchmark the migration into Conversations against the official backfill recipe, at a rate limit.

``python bench/migrate.py`` (part of ``make bench``) builds an archive of 1,000 legacy threads of
1 to 60 messages (text, image files and URLs, attachments, cited assistant replies), then, against
``threadshim serve --rpm 3000 --burst 50 --latency 0.05`` (a fresh server for each job), runs side
by side:

* ``threadshim migrate`` (the library call, concurrency 16 as a ceiling, ``--allow-lossy``);
* the official recipe with the ``openai`` SDK: one ``conversations.create`` per thread with all its
  messages, text and ``image_url`` only, 16 at a time, the SDK's default retries.

It prints each job's request rate as a share of the limit, its share of 429s, the threads it could
not migrate, and what each dropped (content parts, attachments, annotations).
"""

from __future__ import annotations

import asyncio
import io
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

THREADS, RPM, BURST, LATENCY, CONCURRENCY = 1000, 3000, 50, 0.05, 16


def free_port() -> int:
    """A loopback port no one listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(
    rpm: int | None = RPM, burst: int = BURST, latency: float = LATENCY, db: Path | None = None, port: int = 0
) -> tuple[subprocess.Popen[bytes], str]:
    """``threadshim serve`` in its own process (with no rate limit when ``rpm`` is None, its state in ``db`` and
    on ``port`` when given); it and its base URL."""
    port = port or free_port()
    command = [sys.executable, "-m", "threadshim.cli", "serve", "--port", str(port), "--latency", str(latency)]
    if db is not None:
        command += ["--db", str(db)]
    if rpm is not None:
        command += ["--rpm", str(rpm), "--burst", str(burst)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/_emulator/seeded", timeout=1)
            return server, base_url
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the emulator did not start") from None
            time.sleep(0.2)


def build_archive(folder: Path) -> Path:
    """Seed an in-process emulator with the mixed threads and export them."""
    from threadshim import AsyncThreadShim
    from threadshim.export import export
    from threadshim.testing import Emulator, seed_legacy_mixed

    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, THREADS, least=1, most=60, seed=1)["legacy_thread_ids"]
    out = folder / "legacy.jsonl"

    async def run() -> None:
        client = httpx.AsyncClient(transport=emulator.transport())
        async with AsyncThreadShim(api_key="sk-bench", http_client=client) as shim:
            await export(shim, ids, out, progress=io.StringIO())

    asyncio.run(run())
    return out


def threadshim_job(archive: Path, base_url: str, folder: Path) -> dict[str, Any]:
    """The migration through threadshim."""
    from threadshim.migrate import migrate

    summary = asyncio.run(
        migrate(
            journal=folder / "journal.db", archive=archive, api_key="sk-bench", base_url=base_url,
            concurrency=CONCURRENCY, allow_lossy=True, progress=io.StringIO(),
        )
    )  # fmt: skip
    counts = summary.counts
    return {
        "seconds": summary.seconds,
        "requests": summary.requests,
        "limited": summary.rate_limited,
        "failed": len(summary.failed) + len(summary.not_found) + len(summary.skipped),
        "dropped": (counts.parts_dropped, counts.attachments_dropped, counts.annotations_dropped),
    }


def _recipe_items(messages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """The guide's backfill: text and image_url kept, everything else dropped; the drops counted."""
    items: list[dict[str, Any]] = []
    dropped = [0, 0, 0]
    for message in messages:
        parts: list[dict[str, Any]] = []
        for block in message.get("content") or []:
            if block.get("type") == "text":
                parts.append({"type": "input_text", "text": block["text"]["value"]})
                dropped[2] += len(block["text"].get("annotations") or [])
            elif block.get("type") == "image_url" and message["role"] == "user":
                parts.append({"type": "input_image", "image_url": block["image_url"]["url"], "detail": "auto"})
            else:
                dropped[0] += 1
        dropped[1] += len(message.get("attachments") or [])
        if message["role"] == "assistant":  # an assistant turn takes text only: the easy form's string
            text = "\n".join(p["text"] for p in parts if p["type"] == "input_text")
            items.append({"role": "assistant", "content": text})
        else:
            items.append({"role": "user", "content": parts})
    return items, dropped


def recipe_job(archive: Path, base_url: str) -> dict[str, Any]:
    """The official recipe with the openai SDK: one create per thread, 16 at a time, default retries."""
    from openai import AsyncOpenAI, DefaultAsyncHttpxClient, OpenAIError
    from threadshim.archive import Archive

    legacy = Archive(archive)
    counted = {"requests": 0, "limited": 0}

    async def count(response: Any) -> None:
        counted["requests"] += 1
        counted["limited"] += response.status_code == 429

    async def run() -> tuple[int, list[int]]:
        client = AsyncOpenAI(
            api_key="sk-recipe",
            base_url=base_url,
            http_client=DefaultAsyncHttpxClient(event_hooks={"response": [count]}),
        )
        gate = asyncio.Semaphore(CONCURRENCY)
        failed, dropped = 0, [0, 0, 0]

        async def one(thread_id: str) -> None:
            nonlocal failed
            thread = legacy.retrieve(thread_id)
            items, lost = _recipe_items([i.raw for i in legacy.items(thread_id)])
            for n in range(3):
                dropped[n] += lost[n]
            async with gate:
                try:
                    await client.conversations.create(items=items, metadata=thread.metadata)  # type: ignore[arg-type]
                except OpenAIError:
                    failed += 1

        await asyncio.gather(*(one(t) for t in legacy.ids()))
        await client.close()
        return failed, dropped

    started = time.monotonic()
    failed, dropped = asyncio.run(run())
    return {"seconds": time.monotonic() - started, **counted, "failed": failed, "dropped": tuple(dropped)}


def _row(name: str, job: dict[str, Any]) -> str:
    rate = job["requests"] / job["seconds"]
    share = rate / (RPM / 60)
    limited = 100 * job["limited"] / max(job["requests"], 1)
    parts, attachments, annotations = job["dropped"]
    return (
        f"| {name} | {rate:.1f} req/s = {share:.2f} of the limit | {limited:.1f}% | {job['failed']} | "
        f"{parts} / {attachments} / {annotations} |"
    )


def main() -> None:
    """Run both jobs and print the table."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        archive = build_archive(folder)
        results: dict[str, dict[str, Any]] = {}
        for name, job in (("threadshim migrate", "threadshim"), ("official recipe (openai SDK)", "recipe")):
            server, base_url = serve()
            try:
                results[name] = (
                    threadshim_job(archive, base_url, folder) if job == "threadshim" else recipe_job(archive, base_url)
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
    print(
        f"migrate: {THREADS} archived threads of 1-60 messages; serve --rpm {RPM} --burst {BURST} --latency {LATENCY}"
    )
    print("| job | sustained rate | 429s | threads not migrated | dropped: parts / attachments / annotations |")
    print("|---|---|---|---|---|")
    for name, result in results.items():
        print(_row(name, result))


if __name__ == "__main__":
    main()
