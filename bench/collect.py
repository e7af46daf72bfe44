"""Benchmark ``threadshim collect`` on a gigabyte of saved dumps, beside the floor, and its memory at two sizes.

``python bench/collect.py`` (part of ``make bench``) writes dumps of 100,000 legacy threads of 10
messages (about 1 GB) as the ``openai`` SDK's ``model_dump_json()`` writes them: half as JSON Lines
files (a thread, then its messages), half as a folder per thread (``thread.json`` and the list page
``messages.json``). Then, side by side in one run:

* threadshim: ``collect`` in a fresh process (as ``threadshim collect`` runs it);
* the floor: ``json.loads`` over the same bytes, value by value, plus writing as many bytes as the
  archive threadshim wrote (and syncing them).

It prints threadshim / floor (goal: at most 2.5), and the peak RSS of collect on 10,000 and on
100,000 threads (goal: the larger within 1.2 times the smaller).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THREADS, MESSAGES, SMALL = 100_000, 10, 10_000
ROOT = Path(__file__).resolve().parent.parent


def _message(thread_id: str, number: int, position: int) -> dict[str, object]:
    role = "user" if position % 2 == 0 else "assistant"
    text = f"Message {position} of thread {number}: " + "lorem ipsum dolor sit amet " * 16
    return {
        "id": f"msg_{number:012d}{position:012d}", "assistant_id": None, "attachments": [], "completed_at": None,
        "content": [{"text": {"annotations": [], "value": text}, "type": "text"}],
        "created_at": 1_700_000_000 + number * 20 + position, "incomplete_at": None, "incomplete_details": None,
        "metadata": {}, "object": "thread.message", "role": role, "run_id": None, "status": "completed",
        "thread_id": thread_id,
    }  # fmt: skip


def _thread(number: int) -> dict[str, object]:
    return {
        "id": f"thread_{number:024d}", "created_at": 1_700_000_000 + number * 20,
        "metadata": {"user": f"user_{number % 50}", "title": f"Thread {number}"}, "object": "thread",
        "tool_resources": {"code_interpreter": None, "file_search": None},
    }  # fmt: skip


def dumps(folder: Path, threads: int) -> int:
    """Write ``threads`` threads' dumps under ``folder``; their size in bytes."""
    size = 0
    lines_per_file = threads // 2 // 10 or 1
    handle = None
    for number in range(threads):
        thread = _thread(number)
        messages = [_message(str(thread["id"]), number, p) for p in range(MESSAGES)]
        if number % 2 == 0:
            if number // 2 % lines_per_file == 0:
                if handle is not None:
                    handle.close()
                handle = (folder / f"dump-{number // 2 // lines_per_file:03d}.jsonl").open("w")
            assert handle is not None
            text = "".join(json.dumps(v, separators=(",", ":")) + "\n" for v in (thread, *messages))
            handle.write(text)
        else:
            own = folder / "threads" / str(thread["id"])
            own.mkdir(parents=True)
            page = {"data": messages, "has_more": False, "object": "list"}
            (own / "thread.json").write_text(json.dumps(thread, separators=(",", ":")))
            (own / "messages.json").write_text(json.dumps(page, separators=(",", ":")))
            text = json.dumps(thread) + json.dumps(page)
        size += len(text)
    if handle is not None:
        handle.close()
    return size


def _collect(folder: Path, out: Path) -> tuple[float, int]:
    """Run collect in a fresh process: seconds and peak RSS in MiB."""
    code = (
        "import time; from bench._rss import peak_rss_kib; from threadshim.collect import collect; "
        f"t = time.perf_counter(); s = collect([{str(folder)!r}], {str(out)!r}); "
        "assert s.exit_code == 0, s.invalid[:3]; print(time.perf_counter() - t, peak_rss_kib())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, rss = done.stdout.split()
    return float(seconds), int(rss) // 1024


def _floor(folder: Path, size: int, out: Path) -> float:
    """json.loads over every value of the dumps, then writing and syncing ``size`` bytes."""
    started = time.perf_counter()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        with path.open("rb") as handle:
            if path.suffix == ".jsonl":
                for line in handle:
                    json.loads(line)
            else:
                json.loads(handle.read())
    block = b"x" * (1 << 20)
    with out.open("wb") as handle:
        for _ in range(size // len(block) + 1):
            handle.write(block)
        handle.flush()
        os.fsync(handle.fileno())
    return time.perf_counter() - started


def main() -> None:
    global THREADS, SMALL
    if len(sys.argv) == 3:  # a quick look: python bench/collect.py LARGE SMALL
        THREADS, SMALL = int(sys.argv[1]), int(sys.argv[2])
    base = Path(tempfile.mkdtemp(prefix="threadshim-bench-collect-"))
    atexit.register(shutil.rmtree, base, True)  # gigabytes of scratch: gone with the run
    (base / "small").mkdir()
    (base / "large").mkdir()
    dumps(base / "small", SMALL)
    size = dumps(base / "large", THREADS)
    print(f"{THREADS:,} threads of {MESSAGES} messages: {size / 1e9:.2f} GB of dumps (half JSON Lines, half folders)")
    ours, rss_large = _collect(base / "large", base / "large.jsonl")
    archive = (base / "large.jsonl").stat().st_size
    floor = _floor(base / "large", archive, base / "floor.bin")
    print(f"collect: threadshim {ours:.1f} s; floor {floor:.1f} s (json.loads + writing {archive / 1e9:.2f} GB); "
          f"ratio {ours / floor:.2f} (goal <= 2.5)")  # fmt: skip
    _, rss_small = _collect(base / "small", base / "small.jsonl")
    print(f"  peak RSS: {rss_small} MiB for {SMALL:,} threads, {rss_large} MiB for {THREADS:,}: "
          f"{rss_large / rss_small:.2f}x (goal <= 1.2)")  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
