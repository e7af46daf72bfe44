"""The export as a source: ThreadShim(archive=...) serves legacy threads from the file, ChatKit from the API."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim import AsyncThreadShim, NotFoundError, ThreadShim, UnsupportedOperation
from threadshim.archive import Archive
from threadshim.export import export
from threadshim.testing import Emulator, seed_demo


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Emulator, dict[str, Any], Path]:
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    out = tmp_path / "export.jsonl"

    async def run() -> None:
        async with AsyncThreadShim(
            api_key="sk-x", http_client=httpx.AsyncClient(transport=emulator.transport())
        ) as shim:
            await export(shim, facts["legacy_thread_ids"], out, progress=open(os.devnull, "w"))  # noqa: SIM115

    asyncio.run(run())
    for thread_id in facts["legacy_thread_ids"]:  # the API no longer has them: only the archive does
        emulator.store.delete("thread", thread_id)
    return emulator, facts, out


def test_legacy_threads_come_from_the_archive_and_chatkit_from_the_api(
    exported: tuple[Emulator, dict[str, Any], Path],
) -> None:
    emulator, facts, out = exported
    shim = ThreadShim(api_key="sk-x", http_client=httpx.Client(transport=emulator.transport()), archive=out)
    legacy = shim.retrieve(facts["legacy_thread_ids"][0])
    assert (legacy.source, legacy.title, legacy.user) == ("assistants", "Refund for order 1182", "user_456")
    assert [i.kind for i in shim.items(legacy.id)] == [
        "user_message",
        "assistant_message",
        "user_message",
        "assistant_message",
    ]
    assert [i.id for i in shim.items(legacy.id, order="desc")] == [i.id for i in shim.items(legacy.id)][::-1]
    assert shim.retrieve(facts["chatkit_thread_ids"][0]).source == "chatkit"
    merged = list(shim.list(order="asc"))
    stamps = [t.created_at.timestamp() for t in merged if t.created_at is not None]
    assert len(merged) == len(stamps) == 9 and stamps == sorted(stamps)
    mine = list(shim.list(user="user_789"))
    assert {(t.source, t.user) for t in mine} == {("assistants", "user_789"), ("chatkit", "user_789")}
    with pytest.raises(NotFoundError):
        shim.retrieve("thread_notarchived")
    for call in (lambda: shim.delete(legacy.id), lambda: shim.update(legacy.id, metadata={"a": "b"})):
        with pytest.raises(UnsupportedOperation, match="read-only archive"):
            call()


async def test_the_async_client_reads_the_archive_too(exported: tuple[Emulator, dict[str, Any], Path]) -> None:
    emulator, facts, out = exported
    async with AsyncThreadShim(
        api_key="sk-x", http_client=httpx.AsyncClient(transport=emulator.transport()), archive=out
    ) as shim:
        thread = await shim.retrieve(facts["legacy_thread_ids"][3])
        assert "tool_resources" not in thread.raw
        assert len([t async for t in shim.list(legacy_ids=[thread.id])]) == 6


def test_the_archive_keeps_every_byte_the_api_sent(exported: tuple[Emulator, dict[str, Any], Path]) -> None:
    _, facts, out = exported
    v1 = Archive(out).retrieve(facts["legacy_thread_ids"][3])
    record = next(json.loads(line) for line in out.read_text().splitlines() if json.loads(line)["id"] == v1.id)
    assert v1.raw == record["thread"] and "file_ids" in record["messages"][0]


def test_a_lookup_reads_one_line_once_the_index_is_saved(exported: tuple[Emulator, dict[str, Any], Path]) -> None:
    _, facts, out = exported
    first, last = facts["legacy_thread_ids"][0], facts["legacy_thread_ids"][-1]
    Archive(out)  # builds and saves the index
    assert out.with_name(out.name + ".index").exists()
    # Wreck every line but the first one, keeping size and modification time: a reader that scanned
    # the file would fail; one that uses the saved index reads only the line it needs.
    data = out.read_bytes()
    first_end = data.index(b"\n") + 1
    wrecked = data[:first_end] + bytes(b if b == 10 else 32 for b in data[first_end:])
    stat = out.stat()
    out.write_bytes(wrecked)
    os.utime(out, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    archive = Archive(out)
    assert archive.retrieve(first).id == first and last in archive


def test_a_changed_export_rebuilds_the_index(exported: tuple[Emulator, dict[str, Any], Path]) -> None:
    out = exported[2]
    assert len(Archive(out)) == 4
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:2]))
    assert len(Archive(out)) == 2


def test_a_missing_archive_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ThreadShim(api_key="sk-x", archive=tmp_path / "none.jsonl")
