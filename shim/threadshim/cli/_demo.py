"""``threadshim demo``: the main job end to end against an in-process emulator, with no account and no network.

Everything it writes goes into one folder (a new temporary one unless ``--out DIR`` names an
empty one); it ends with commands that work when copied, against ``threadshim serve --seed demo``.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

import httpx

from .._client import AsyncThreadShim, ThreadShim
from .._errors import PathClash
from ..archive import Archive
from ..export import IdList, describe, export_with_report
from ..migrate import describe as describe_migration
from ..migrate import migrate, report_path, write_report
from ._asyncrun import run as run_async
from ._output import show

SERVED = "http://127.0.0.1:8787/v1"
"""Where ``threadshim serve --seed demo --deterministic`` listens: the demo's in-process runs use the same URL."""


def _folder(out: Path | None) -> Path:
    if out is None:
        return Path(tempfile.mkdtemp(prefix="threadshim-demo-"))
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise PathClash(f"--out {out} must be a new or empty folder: the demo writes several files there")
    out.mkdir(parents=True, exist_ok=True)
    return out


def run_demo(out_dir: Path | None) -> int:
    """List, show and export the demo data set, read it back from the archive, migrate it; return the exit code."""
    from ..testing import Emulator, seed_demo

    folder = _folder(out_dir)
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    legacy, chatkit = facts["legacy_thread_ids"], facts["chatkit_thread_ids"]
    (folder / "ids.txt").write_text("\n".join(legacy) + "\n", encoding="utf-8")
    out = folder / "legacy.jsonl"
    print("Started an in-process emulator of both APIs with the demo data set (no account, no network).")
    print(f"Every file goes into {folder}; each step shows the command that does the same (run in that folder).")
    transport = emulator.transport()
    shim = ThreadShim(api_key="sk-demo", http_client=httpx.Client(transport=transport))
    print("\n$ threadshim list --user user_456 --legacy-ids ids.txt   (ChatKit threads merged with legacy ones)")
    show(list(shim.list(user="user_456", legacy_ids=legacy)), "threads of user_456")
    print(f"\n$ threadshim get {chatkit[2]}")
    show([shim.retrieve(chatkit[2])], "a ChatKit thread")
    print(f"\n$ threadshim items {legacy[0]}")
    show(list(shim.items(legacy[0])), "a legacy thread's messages")
    print(f"\n$ threadshim export --ids ids.txt --out {out.name}")
    exporter = AsyncThreadShim(api_key="sk-demo", http_client=httpx.AsyncClient(transport=transport))
    summary, report = run_async(export_with_report(exporter, IdList(ids=legacy), out, concurrency=4))
    print(describe(summary, IdList(ids=legacy), report))
    print("\nThe Assistants API is gone; read legacy threads back from the archive, ChatKit ones from the API:")
    print(f"$ threadshim list --user user_456 --archive {out.name}")
    with ThreadShim(api_key="sk-demo", http_client=httpx.Client(transport=transport), archive=out) as archived:
        show(list(archived.list(user="user_456")), "threads of user_456, legacy ones from the archive")
        thread, messages = archived.retrieve(legacy[0]), list(archived.items(legacy[0]))
        print(f"Read back from the archive: {thread.id} '{thread.title}' with {len(messages)} messages.")
    journal = folder / "migration.db"
    print(f"\n$ threadshim migrate --to conversations --journal {journal.name} --archive {out.name} --allow-lossy")
    moved = run_async(
        migrate(
            journal=journal, archive=out, api_key="sk-demo", base_url=SERVED,
            allow_lossy=True, transport=transport, progress=io.StringIO(),
        )
    )  # fmt: skip
    print(describe_migration(moved, write_report(report_path(journal), moved, None, [])))
    print(f"\n$ threadshim get {legacy[0]} --archive {out.name} --journal {journal.name}   (the old id still resolves)")
    client = httpx.Client(transport=transport)
    with ThreadShim(api_key="sk-demo", http_client=client, archive=out, journal=journal) as resolved:
        show([resolved.retrieve(legacy[0])], "the conversation the legacy thread became")
        show(list(resolved.items(legacy[0])), "its items")
    imported = _into_chatkit(out)
    _next_steps(folder, legacy[0])
    return 0 if summary.ok and moved.ok and imported else 1


def _into_chatkit(out: Path) -> bool:
    """Import the archive into a ChatKit store in one SQLite file, then read a thread back from it."""
    store = out.with_name("chatkit.db")
    journal = out.with_name("chatkit-migration.db")
    url = f"sqlite:///{store}"
    shown = f"--store sqlite:///{store.name} --journal {journal.name} --archive {out.name}"
    print(f"\n$ threadshim migrate --to chatkit {shown} --allow-lossy")
    summary = run_async(
        migrate(journal=journal, archive=out, to="chatkit", store=url, allow_lossy=True, progress=io.StringIO())
    )
    print(describe_migration(summary, write_report(report_path(journal), summary, None, [])))
    first = Archive(out).ids()[0]
    print(f"\n$ threadshim get {first} {shown}")
    with ThreadShim(store=url, journal=journal, archive=out) as shim:
        thread = shim.retrieve(first)
        show([thread], "the ChatKit thread the legacy thread became (any ChatKit server on this store shows it)")
        show(list(shim.items(thread.id)), "its items, as the store holds them")
    return summary.ok


def _next_steps(folder: Path, legacy_id: str) -> None:
    """Commands that work when copied: a served emulator with the same data, and the same steps by hand."""
    here = (
        "" if shutil.which("threadshim") else f" (first `. {Path(sys.prefix) / 'bin' / 'activate'}`: it is not on PATH)"
    )
    print(f"""
Try it yourself{here}. In one terminal, serve the same data set:
    threadshim serve --seed demo --deterministic
In another (fresh file names, so nothing above is reused):
    cd {folder}
    export OPENAI_BASE_URL={SERVED} OPENAI_API_KEY=sk-demo
    threadshim export --ids ids.txt --out my-legacy.jsonl
    threadshim verify my-legacy.jsonl
    threadshim migrate --to conversations --archive my-legacy.jsonl --journal my-migration.db --allow-lossy
    threadshim get {legacy_id} --archive my-legacy.jsonl --journal my-migration.db
Next: `threadshim migrate --help` for the options, docs/migration.md for what moves where and the
refusals, and `threadshim serve --seed legacy:200x12` for a bigger data set.""")
