"""``ids --scan``: every thread_… id still referenced, from logs, dumps and a database, first seen first."""

from __future__ import annotations

import gzip
import sqlite3
import subprocess
import sys
from pathlib import Path

from threadshim.collect import scan_ids
from threadshim.collect.ids import _chunks

A, B, C = "thread_" + "a" * 24, "thread_" + "B1" * 12, "thread_" + "c9" * 12


def test_ids_are_harvested_deduplicated_in_first_seen_order_with_a_count_per_source(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    (logs / "old").mkdir(parents=True)
    (logs / "app.log").write_text(f"GET /threads/{B} 200\nretry {B}\nmy_thread_{A} is not an id\n")
    with gzip.open(logs / "old" / "app.log.gz", "wt") as handle:
        handle.write(f"created {A}, then thread_{'x' * 25} (too long) and {C}\n")
    db = tmp_path / "app.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE chats (owner, ref)")
        conn.executemany("INSERT INTO chats VALUES (?, ?)", [("u1", C), ("u2", f'{{"thread": "{A}"}}')])
    conn.close()
    scanned = scan_ids([logs], db=f"sqlite:///{db}", sql="SELECT ref FROM chats")
    assert scanned.ids == [B, A, C]
    assert scanned.per_source == {str(logs / "app.log"): 2, str(logs / "old" / "app.log.gz"): 2, "query": 2}
    command = [sys.executable, "-m", "threadshim", "ids", "--scan", str(logs), "--out", str(tmp_path / "ids.txt")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ids.txt").read_text() == f"{B}\n{A}\n{C}\n"
    assert done.stdout.splitlines()[-1] == f"3 distinct thread id(s) written to {tmp_path / 'ids.txt'}"


def test_an_id_across_a_read_boundary_is_found_once(tmp_path: Path) -> None:
    blob = tmp_path / "big.txt"
    padding = "x " * ((1 << 20) // 2 - 10)  # puts the id across the first megabyte's end
    blob.write_text(f"{padding}{A} end\n")
    assert scan_ids([blob]).ids == [A]
    assert sum(chunk.count(A.encode()) for chunk in _chunks(blob)) == 1
