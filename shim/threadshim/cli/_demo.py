"""``threadshim demo``: the main job end to end against an in-process emulator, with no account and no network."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import httpx

from .._client import AsyncThreadShim, ThreadShim
from ..archive import Archive
from ..export import IdList, describe, export_with_report
from ..migrate import describe as describe_migration
from ..migrate import migrate, report_path, write_report
from ._output import show


def run_demo(out: Path) -> int:
    """List, show and export the demo data set, read it back from the archive, migrate it; return the exit code."""
    from ..testing import Emulator, seed_demo

    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    legacy, chatkit = facts["legacy_thread_ids"], facts["chatkit_thread_ids"]
    print("Started an in-process emulator of both APIs with the demo data set (no account, no network).")
    transport = emulator.transport()
    shim = ThreadShim(api_key="sk-demo", http_client=httpx.Client(transport=transport))
    print("\n$ threadshim list --user user_456 --legacy-ids ids.txt   (ChatKit threads merged with legacy ones)")
    show(list(shim.list(user="user_456", legacy_ids=legacy)), "threads of user_456")
    print(f"\n$ threadshim get {chatkit[2]}")
    show([shim.retrieve(chatkit[2])], "a ChatKit thread")
    print(f"\n$ threadshim items {legacy[0]}")
    show(list(shim.items(legacy[0])), "a legacy thread's messages")
    print(f"\n$ threadshim export --ids ids.txt --out {out} --resume")
    exporter = AsyncThreadShim(api_key="sk-demo", http_client=httpx.AsyncClient(transport=transport))
    summary, report = asyncio.run(export_with_report(exporter, IdList(ids=legacy), out, concurrency=4, resume=True))
    print(describe(summary, IdList(ids=legacy), report))
    print("\nThe Assistants API is gone; read legacy threads back from the archive, ChatKit ones from the API:")
    print(f"$ threadshim list --user user_456 --archive {out}")
    with ThreadShim(api_key="sk-demo", http_client=httpx.Client(transport=transport), archive=out) as archived:
        show(list(archived.list(user="user_456")), "threads of user_456, legacy ones from the archive")
        thread, messages = archived.retrieve(legacy[0]), list(archived.items(legacy[0]))
        print(f"Read back from the archive: {thread.id} '{thread.title}' with {len(messages)} messages.")
    journal = out.with_name(out.stem + "-migration.db")
    journal.unlink(missing_ok=True)  # the emulator starts empty each time, so its journal must too
    print(f"\n$ threadshim migrate --to conversations --journal {journal} --archive {out} --allow-lossy")
    moved = asyncio.run(
        migrate(
            journal=journal, archive=out, api_key="sk-demo", base_url="https://api.openai.com/v1",
            allow_lossy=True, transport=transport, progress=io.StringIO(),
        )
    )  # fmt: skip
    print(describe_migration(moved, write_report(report_path(journal), moved, None, [])))
    print(f"\n$ threadshim get {legacy[0]} --archive {out} --journal {journal}   (the old id still resolves)")
    client = httpx.Client(transport=transport)
    with ThreadShim(api_key="sk-demo", http_client=client, archive=out, journal=journal) as resolved:
        show([resolved.retrieve(legacy[0])], "the conversation the legacy thread became")
        show(list(resolved.items(legacy[0])), "its items")
    imported = _into_chatkit(out)
    return 0 if summary.ok and moved.ok and imported else 1


def _into_chatkit(out: Path) -> bool:
    """Import the archive into a ChatKit store in one SQLite file, then read a thread back from it."""
    store = out.with_name(out.stem + "-chatkit.db")
    journal = out.with_name(out.stem + "-chatkit-migration.db")
    for stale in (store, journal, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{store}"
    print(f"\n$ threadshim migrate --to chatkit --store {url} --journal {journal} --archive {out} --allow-lossy")
    summary = asyncio.run(
        migrate(journal=journal, archive=out, to="chatkit", store=url, allow_lossy=True, progress=io.StringIO())
    )
    print(describe_migration(summary, write_report(report_path(journal), summary, None, [])))
    first = Archive(out).ids()[0]
    print(f"\n$ threadshim get {first} --store {url} --journal {journal} --archive {out}")
    with ThreadShim(store=url, journal=journal, archive=out) as shim:
        thread = shim.retrieve(first)
        show([thread], "the ChatKit thread the legacy thread became (any ChatKit server on this store shows it)")
        show(list(shim.items(thread.id)), "its items, as the store holds them")
    return summary.ok
