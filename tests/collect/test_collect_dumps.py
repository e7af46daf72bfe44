"""Dumps the real openai SDK wrote, in every container, collected into one export that both targets migrate."""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import sqlite3
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from threadshim.archive import Archive
from threadshim.collect import collect
from threadshim.migrate import Journal, migrate
from threadshim.testing import Emulator, EmulatorServer, seed_named
from threadshim.verify import verify

from ..migrate.conftest import KEY, conversation, texts

RUN = {  # a run as the Assistants API documents it: kept aside, never collected
    "id": "run_abc123",
    "object": "thread.run",
    "created_at": 1699063290,
    "assistant_id": "asst_abc123",
    "thread_id": "thread_abc123",
    "status": "completed",
    "model": "gpt-4o",
    "instructions": "You are a helpful assistant.",
    "tools": [],
}


@pytest.fixture(scope="module")
def made() -> Iterator[dict[str, Any]]:
    """Five legacy threads made through the SDK, and the SDK's own objects for each."""
    emulator = Emulator(deterministic=True)
    with (
        EmulatorServer(emulator) as server,
        openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as sdk,
    ):
        threads = {}
        for number in range(5):
            thread = sdk.beta.threads.create(metadata={"user": f"user_{number % 2}", "title": f"Thread {number}"})
            for turn in range(number + 1):
                sdk.beta.threads.messages.create(thread.id, role="user", content=f"question {number}.{turn}")
                sdk.beta.threads.messages.create(thread.id, role="assistant", content=f"answer {number}.{turn}")
            page = sdk.beta.threads.messages.list(thread.id, order="asc", limit=100)
            threads[thread.id] = (thread, page)
        yield threads


def _dumps(made: dict[str, Any], folder: Path) -> list[Path]:
    """The five threads saved five ways: JSON Lines of to_json, folders of model_dump_json in a zip and a tar.gz,
    a gzipped JSON array of model_dump() dicts, and a list page with a pretty-printed thread beside it."""
    folder.mkdir()
    (one, page1), (two, page2), (three, page3), (four, page4), (five, page5) = made.values()
    lines = [one.to_json(indent=None), *(m.to_json(indent=None) for m in page1.data)]
    (folder / "one.jsonl").write_text("\n".join(lines) + "\n")
    with zipfile.ZipFile(folder / "two.zip", "w") as archive:
        archive.writestr(f"{two.id}/thread.json", two.model_dump_json())
        archive.writestr(f"{two.id}/messages.json", page2.model_dump_json())
    with tarfile.open(folder / "three.tar.gz", "w:gz") as archive:
        for name, text in ((f"{three.id}/thread.json", three.model_dump_json(indent=2)),
                           (f"{three.id}/messages.json", page3.model_dump_json(indent=2))):  # fmt: skip
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with gzip.open(folder / "four.json.gz", "wt") as handle:
        json.dump([four.model_dump(), *(m.model_dump() for m in page4.data)], handle)
    (folder / "five-thread.json").write_text(json.dumps(five.to_dict(), indent=2))
    (folder / "five-messages.json").write_text(page5.to_json())
    return [folder]


def test_every_container_is_collected_into_an_export_that_verifies(made: dict[str, Any], tmp_path: Path) -> None:
    paths = _dumps(made, tmp_path / "saved")
    summary = collect(paths, tmp_path / "legacy.jsonl")
    assert (summary.threads, summary.messages, summary.exit_code) == (5, 30, 0)
    assert (summary.synthesized, summary.conflicts, summary.invalid, summary.duplicates) == ([], [], [], 0)
    assert verify(tmp_path / "legacy.jsonl").ok
    archive = Archive(tmp_path / "legacy.jsonl")
    assert sorted(archive.ids()) == sorted(made)
    for legacy_id, (thread, page) in made.items():
        raw, messages = archive.raw(legacy_id)
        assert raw == json.loads(thread.to_json())  # as the API sent it: the SDK's unset fields are absent
        assert [m["id"] for m in messages] == [m.id for m in page.data]
        assert [m["content"] for m in messages] == [json.loads(m.to_json())["content"] for m in page.data]
    again = collect(paths, tmp_path / "again.jsonl")
    assert again.threads == 5 and (tmp_path / "again.jsonl").read_bytes() == (tmp_path / "legacy.jsonl").read_bytes()


def test_both_targets_migrate_the_collected_archive_exactly_once_in_order(made: dict[str, Any], tmp_path: Path) -> None:
    collect(_dumps(made, tmp_path / "saved"), tmp_path / "legacy.jsonl")
    emulator = Emulator()
    moved = asyncio.run(
        migrate(journal=tmp_path / "conv.db", archive=tmp_path / "legacy.jsonl", api_key=KEY,
                transport=emulator.transport(), progress=io.StringIO())
    )  # fmt: skip
    assert (moved.migrated, moved.failed, moved.skipped) == (5, [], [])
    with Journal(tmp_path / "conv.db", read_only=True) as journal:
        for legacy_id, (_, page) in made.items():
            _, items = conversation(emulator, journal.target_of(legacy_id) or "")
            assert texts(items) == [m.content[0].text.value for m in page.data]
    assert len(emulator.store.ids("conversation")) == 5
    store = tmp_path / "store.db"
    imported = asyncio.run(
        migrate(journal=tmp_path / "ck.db", archive=tmp_path / "legacy.jsonl", to="chatkit",
                store=f"sqlite:///{store}", progress=io.StringIO())
    )  # fmt: skip
    assert (imported.migrated, imported.failed) == (5, [])
    with sqlite3.connect(store) as db:
        rows = db.execute("SELECT thread_id, data FROM chatkit_items ORDER BY thread_id, created_at, seq").fetchall()
    db.close()
    for legacy_id, (_, page) in made.items():
        held = [json.loads(data) for thread_id, data in rows if thread_id == "thr_" + legacy_id.removeprefix("thread_")]
        assert [item["content"][0]["text"] for item in held] == [m.content[0].text.value for m in page.data]


def test_an_emulator_seeded_with_the_collected_archive_serves_it_as_saved(made: dict[str, Any], tmp_path: Path) -> None:
    collect(_dumps(made, tmp_path / "saved"), tmp_path / "legacy.jsonl")
    emulator = Emulator()
    seeded = seed_named(emulator, f"archive:{tmp_path / 'legacy.jsonl'}")
    assert sorted(seeded["legacy_thread_ids"]) == sorted(made)
    with (
        EmulatorServer(emulator) as server,
        openai.OpenAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as sdk,
    ):
        for legacy_id, (thread, page) in made.items():
            # as saved: a null the API sent is an absent field, as everywhere in collect
            assert sdk.beta.threads.retrieve(legacy_id).to_dict(exclude_none=True) == thread.to_dict(exclude_none=True)
            served = list(sdk.beta.threads.messages.list(legacy_id, order="asc", limit=3))  # paged by 3
            assert [m.to_dict(exclude_none=True) for m in served] == [m.to_dict(exclude_none=True) for m in page.data]
            newest = sdk.beta.threads.messages.list(legacy_id, limit=1).data
            assert [m.id for m in newest] == [page.data[-1].id]
    with pytest.raises(ValueError, match=r"^cannot seed from .*missing\.jsonl: "):
        seed_named(Emulator(), f"archive:{tmp_path / 'missing.jsonl'}")
