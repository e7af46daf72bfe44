"""A large export archive made quickly: the emulator seeds legacy threads, and they are written in the export format.

Going through the emulator's HTTP API (as ``threadshim export`` does) costs minutes at 10,000
threads; reading its store directly writes the same lines in seconds.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from threadshim._exportformat import encode
from threadshim._mapping import item_from_message, thread_from_assistants
from threadshim.testing import Emulator, seed_legacy_mixed


def legacy_archive(path: Path, threads: int, messages: int, seed: int = 1) -> list[str]:
    """Write ``threads`` archived legacy threads of ``messages`` messages each (every content kind) to ``path``."""
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, threads, least=messages, most=messages, seed=seed)["legacy_thread_ids"]
    now = datetime.now(timezone.utc)
    with path.open("w", encoding="utf-8") as out:
        for thread_id in ids:
            raw = emulator.store.get("thread", thread_id)
            assert raw is not None
            page = emulator.store.page("message", parent=thread_id, order="asc", limit=messages + 1)
            out.write(encode(thread_from_assistants(raw), [item_from_message(m) for m in page.data], now))
    emulator.store.close()
    return ids


def fresh_databases(cluster_url: str, round_: int) -> tuple[str, str]:
    """Two new empty databases on a throwaway PostgreSQL cluster, ``ours{round_}`` and ``floor{round_}``: their URLs."""
    import psycopg

    with psycopg.connect(cluster_url, autocommit=True) as conn:
        for name in ("ours", "floor"):
            conn.execute(f"CREATE DATABASE {name}{round_}".encode())
    ours, floor = (cluster_url.replace("/postgres?", f"/{name}{round_}?") for name in ("ours", "floor"))
    return ours, floor
