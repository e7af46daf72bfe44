"""`threadshim export` killed with SIGKILL at random moments, then resumed, loses and repeats nothing."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from threadshim.testing import Emulator, EmulatorServer, Faults, seed_legacy_bulk


def test_kill_9_at_random_points_then_resume(tmp_path: Path) -> None:
    emulator = Emulator(faults=Faults(latency=0.01))
    ids = seed_legacy_bulk(emulator, 300, 3)["legacy_thread_ids"]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    out = tmp_path / "export.jsonl"
    draw = random.Random()
    with EmulatorServer(emulator) as server:
        command = [sys.executable, "-m", "threadshim.cli", "export", "--ids", str(ids_file), "--out", str(out)]
        command += ["--api-key", "sk-test", "--base-url", server.base_url, "--concurrency", "8", "--resume"]
        kills = 0
        for _ in range(3):
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(draw.uniform(0.3, 1.5))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=30)
        finished = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    exported = [json.loads(line)["id"] for line in raw.splitlines()]
    assert sorted(exported) == sorted(ids) and len(exported) == len(set(exported))
    assert kills >= 1, "no run was still going when the kill came; the test proved nothing"
