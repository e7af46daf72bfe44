"""Reconcile against the emulator's Conversations API: a clean migration is all equal, each planted fault is
found on exactly its thread with exactly its class, a sample is repeatable, and an interrupted run carries on.
"""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim.migrate import Journal, migrate
from threadshim.migrate.reconcile import reconcile
from threadshim.migrate.reconcile_summary import ReconcileSummary
from threadshim.testing import Emulator

from .conftest import BASE, KEY, archive_of, conversation

SIZES = (0, 3, 21, 45)


class Crash(BaseException):
    """What a kill looks like from inside a run."""


class Answering(httpx.AsyncBaseTransport):
    """The emulator's transport, but requests about one conversation get ``status`` (or, after ``crash_after``
    requests, the run dies)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, refuse: str = "", status: int = 403) -> None:
        self.inner, self.refuse, self.status, self.seen = inner, refuse, status, 0
        self.crash_after: int | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen += 1
        if self.crash_after is not None and self.seen > self.crash_after:
            raise Crash
        if self.refuse and self.refuse in request.url.path:
            body = {"error": {"message": "You do not have access to this conversation.", "type": "invalid_request"}}
            return httpx.Response(self.status, json=body)
        return await self.inner.handle_async_request(request)


def archived(tmp_path: Path, sizes: tuple[int, ...] = SIZES) -> tuple[Emulator, list[str], Path]:
    """An emulator whose legacy threads of ``sizes`` messages (user and assistant by turns) were archived."""
    emulator = Emulator()
    ids = []
    for count in sizes:
        thread = emulator.add_thread({"metadata": {"size": str(count)}})
        for n in range(count):
            emulator.add_message(thread["id"], {"role": ("user", "assistant")[n % 2], "content": f"m{n}"})
        ids.append(str(thread["id"]))
    return emulator, ids, archive_of(emulator, ids, tmp_path / "legacy.jsonl")


def migrated(tmp_path: Path, sizes: tuple[int, ...] = SIZES) -> tuple[Emulator, list[str], Path]:
    """An emulator whose archived threads of ``sizes`` messages were migrated with ``tmp_path/m.db``."""
    emulator, ids, archive = archived(tmp_path, sizes)
    summary = asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, **_account(emulator)))
    assert summary.ok and summary.migrated == len(sizes)
    return emulator, ids, archive


def _account(emulator: Emulator, transport: httpx.AsyncBaseTransport | None = None) -> dict[str, Any]:
    return {"api_key": KEY, "base_url": BASE, "transport": transport or emulator.transport(),
            "progress": io.StringIO()}  # fmt: skip


def _check(tmp_path: Path, emulator: Emulator, archive: Path, **options: Any) -> ReconcileSummary:
    account = _account(emulator, options.pop("transport", None))
    return asyncio.run(reconcile(journal=tmp_path / "m.db", archive=archive, **account, **options))


def interrupted(tmp_path: Path, emulator: Emulator, archive: Path, after: int, **options: Any) -> None:
    """A reconcile killed after ``after`` requests (one at a time), as a crash would stop it."""
    dying = Answering(emulator.transport())
    dying.crash_after = after
    with pytest.raises(Crash):
        _check(tmp_path, emulator, archive, transport=dying, concurrency=1, **options)


def _target(tmp_path: Path, legacy_id: str) -> str:
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        return journal.target_of(legacy_id) or ""


def _items(emulator: Emulator, conversation_id: str) -> list[dict[str, Any]]:
    return conversation(emulator, conversation_id)[1]


def test_a_clean_migration_reconciles_all_equal_and_lists_threads_not_migrated(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path)
    summary = _check(tmp_path, emulator, archive)
    assert [c.legacy_id for c in summary.checks] == ids and {c.result for c in summary.checks} == {"equal"}
    assert summary.ok and summary.not_migrated == [] and summary.requests == 2 * len(ids)  # read, then one page each
    report = summary.report(tmp_path / "m.db", "conversations", "x")
    assert report["summary"]["equal"] == 4 and report["summary"]["ok"] is True


def _delete_item(emulator: Emulator, conversation_id: str) -> None:
    emulator.store.delete("conversation_item", _items(emulator, conversation_id)[1]["id"])


def _change_text(emulator: Emulator, conversation_id: str) -> None:
    item = _items(emulator, conversation_id)[2]
    item["content"][0]["text"] = "edited by someone"
    emulator.store.put("conversation_item", item, parent=conversation_id)


def _swap(emulator: Emulator, conversation_id: str) -> None:
    first, second = _items(emulator, conversation_id)[:2]
    emulator.store.put("conversation_item", {**second, "id": first["id"]}, parent=conversation_id)
    emulator.store.put("conversation_item", {**first, "id": second["id"]}, parent=conversation_id)


def _delete_conversation(emulator: Emulator, conversation_id: str) -> None:
    emulator.store.delete("conversation", conversation_id)


def _append(emulator: Emulator, conversation_id: str) -> None:
    api = httpx.Client(base_url=BASE, transport=emulator.transport(), headers={"Authorization": f"Bearer {KEY}"})
    item = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "a new question"}]}
    assert api.post(f"/conversations/{conversation_id}/items", json={"items": [item]}).status_code == 200


FAULTS = {
    "an item deleted": (_delete_item, "differs", {"missing"}),
    "an item's text changed": (_change_text, "differs", {"changed"}),
    "two items swapped": (_swap, "differs", {"out_of_order"}),
    "the conversation deleted": (_delete_conversation, "differs", {"missing"}),
    "a foreign item appended": (_append, "extra", {"extra"}),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_planted_fault_is_reported_on_exactly_its_thread_with_exactly_its_class(
    fault: str, tmp_path: Path
) -> None:
    emulator, ids, archive = migrated(tmp_path)
    plant, result, classes = FAULTS[fault]
    victim = ids[2]
    plant(emulator, _target(tmp_path, victim))
    summary = _check(tmp_path, emulator, archive)
    found = {c.legacy_id: c for c in summary.checks}
    assert {legacy_id for legacy_id, c in found.items() if c.result != "equal"} == {victim}
    assert found[victim].result == result and {d.kind for d in found[victim].differences} == classes
    assert summary.ok is (result == "extra")
    if result == "extra":
        assert _check(tmp_path, emulator, archive, strict=True).ok is False


def test_a_target_answering_403_makes_exactly_that_thread_unreadable(tmp_path: Path) -> None:
    emulator, ids, archive = migrated(tmp_path)
    refusing = Answering(emulator.transport(), refuse=_target(tmp_path, ids[1]))
    summary = _check(tmp_path, emulator, archive, transport=refusing, max_retries=0)
    results = {c.legacy_id: c.result for c in summary.checks}
    assert results == {**dict.fromkeys(ids, "equal"), ids[1]: "unreadable"} and not summary.ok
    assert "cannot be read" in summary.checks[1].reason and summary.checks[1].target_id == _target(tmp_path, ids[1])


def test_a_sample_is_random_its_seed_repeats_it_and_the_rest_are_not_checked(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (1,) * 12)
    first = _check(tmp_path, emulator, archive, sample=4)
    assert len(first.checks) == 4 and first.seed is not None and "seed" in first.line(None)
    again = _check(tmp_path, emulator, archive, sample=4, seed=first.seed)
    assert [c.legacy_id for c in again.checks] == [c.legacy_id for c in first.checks]
    other = [_check(tmp_path, emulator, archive, sample=4, seed=seed) for seed in range(5)]
    assert len({tuple(c.legacy_id for c in s.checks) for s in other}) > 1


def test_an_interrupted_reconcile_carries_on_where_it_stopped(tmp_path: Path) -> None:
    emulator, _, archive = migrated(tmp_path, (2,) * 10)
    interrupted(tmp_path, emulator, archive, 12)
    counting = Answering(emulator.transport())
    summary = _check(tmp_path, emulator, archive, transport=counting)
    assert 0 < summary.resumed < 10 and len(summary.checks) == 10 and summary.ok
    assert counting.seen < 1 + 2 * 10  # the threads checked before the crash are not read again
    fresh = _check(tmp_path, emulator, archive)  # that run ended: the next one checks everything again
    assert fresh.resumed == 0 and len(fresh.checks) == 10


def test_threads_skipped_or_not_started_are_listed_with_their_state(tmp_path: Path) -> None:
    emulator = Emulator()
    ids = []
    for content in ("kept", "kept too", "later", [{"type": "image_url", "image_url": {"url": ""}}]):
        thread = emulator.add_thread({"metadata": {}})
        emulator.add_message(thread["id"], {"role": "user", "content": content})
        ids.append(str(thread["id"]))
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    skipped_one = [ids[0], ids[1], ids[3]]  # the last would lose its image: skipped
    summary = asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, ids=skipped_one, **_account(emulator)))
    assert summary.migrated == 2 and len(summary.skipped) == 1
    checked = _check(tmp_path, emulator, archive)
    assert [c.legacy_id for c in checked.checks] == ids[:2] and checked.ok
    assert checked.not_migrated == [(ids[3], "skipped"), (ids[2], "not started")]
    threads = checked.report(tmp_path / "m.db", "conversations", "x")["threads"]
    assert {"legacy_id": ids[2], "state": "not started"} in threads and json.dumps(threads)
