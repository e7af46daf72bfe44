"""Migrating archived legacy threads into the emulator's Conversations API, through the Python API."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim import InvalidRequest, ThreadShim
from threadshim.migrate import ConversationLog, Journal, JournalError, MigrationSummary, migrate
from threadshim.targets.conversations.plan import LEGACY_ID_KEY
from threadshim.testing import Emulator, Faults, seed_legacy_mixed
from threadshim.testing._faults import FaultPlan

from .conftest import BASE, KEY, archive_of, conversation, conversations, texts

SIZES = (0, 1, 20, 21, 45)


def _thread(emulator: Emulator, count: int, metadata: dict[str, str] | None = None) -> str:
    thread = emulator.add_thread({"metadata": metadata or {"size": str(count)}, "tool_resources": {}})
    for n in range(count):
        role = "user" if n % 2 == 0 else "assistant"
        emulator.add_message(thread["id"], {"role": role, "content": f"m{n}", "metadata": {}})
    return str(thread["id"])


def _run(emulator: Emulator, tmp_path: Path, archive: Path, **options: Any) -> MigrationSummary:
    options.setdefault("progress", io.StringIO())
    options.setdefault("api_key", KEY)
    options.setdefault("journal", tmp_path / "m.db")
    return asyncio.run(migrate(archive=archive, base_url=BASE, transport=emulator.transport(), **options))


def test_threads_of_0_1_20_21_and_45_messages_arrive_whole_and_in_order(tmp_path: Path) -> None:
    emulator = Emulator()
    ids = [_thread(emulator, count) for count in SIZES]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.migrated == 5 and summary.uncertain_creates == 0
    assert summary.requests == sum(1 + max(0, -(-(n - 20) // 20)) for n in SIZES)  # create + add-items calls
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        for legacy_id, count in zip(ids, SIZES, strict=True):
            found, items = conversation(emulator, journal.target_of(legacy_id) or "")
            assert texts(items) == [f"m{n}" for n in range(count)]
            assert [i["role"] for i in items] == ["user" if n % 2 == 0 else "assistant" for n in range(count)]
            assert [i["content"][0]["type"] for i in items[:2]] == ["input_text", "output_text"][: len(items[:2])]
            assert found["metadata"] == {"size": str(count), LEGACY_ID_KEY: legacy_id}
            assert [b.count for b in ConversationLog(journal).batches(legacy_id)] == [
                min(20, count - s) for s in range(0, max(count, 1), 20)
            ]
    assert len(conversations(emulator)) == 5


def test_a_second_run_does_nothing_for_what_is_done(tmp_path: Path) -> None:
    emulator = Emulator()
    archive = archive_of(emulator, [_thread(emulator, 3), _thread(emulator, 25)], tmp_path / "legacy.jsonl")
    _run(emulator, tmp_path, archive)
    again = _run(emulator, tmp_path, archive)
    assert (again.migrated, again.already, again.requests) == (0, 2, 0)
    assert len(conversations(emulator)) == 2


def test_metadata_with_all_sixteen_keys_is_carried_as_is_and_the_journal_holds_the_mapping(tmp_path: Path) -> None:
    emulator = Emulator()
    full = {f"key{n:02d}": "x" * 512 for n in range(16)}
    legacy_id = _thread(emulator, 2, metadata=full)
    summary = _run(emulator, tmp_path, archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl"))
    assert summary.ok
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        found, _ = conversation(emulator, journal.target_of(legacy_id) or "")
    assert found["metadata"] == full


def test_every_content_kind_reaches_the_conversation(tmp_path: Path) -> None:
    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, 6, least=8, most=30, seed=3)["legacy_thread_ids"]
    summary = _run(emulator, tmp_path, archive_of(emulator, ids, tmp_path / "legacy.jsonl"), allow_lossy=True)
    assert summary.ok and summary.migrated == 6
    parts: set[str] = set()
    annotations: set[str] = set()
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        for legacy_id in ids:
            _, items = conversation(emulator, journal.target_of(legacy_id) or "")
            assert len(items) == journal.entry(legacy_id).total  # type: ignore[union-attr]
            for item in items:
                parts |= {p["type"] for p in item["content"]}
                annotations |= {a["type"] for p in item["content"] for a in p.get("annotations", [])}
                assert item["role"] != "assistant" or {p["type"] for p in item["content"]} <= {"output_text", "refusal"}
    assert parts == {"input_text", "input_image", "input_file", "output_text", "refusal"}
    assert annotations == {"file_citation", "file_path"}
    assert summary.counts.parts_dropped > 0 and summary.counts.attachments > 0 and summary.counts.annotations > 0


def test_lossy_threads_are_skipped_unless_allowed(tmp_path: Path) -> None:
    emulator = Emulator()
    clean = _thread(emulator, 2)
    lossy = emulator.add_thread({"metadata": {}})["id"]
    chart = {"type": "image_file", "image_file": {"file_id": "file-chart"}}
    emulator.add_message(lossy, {"role": "assistant", "content": [chart], "metadata": {}})
    archive = archive_of(emulator, [clean, lossy], tmp_path / "legacy.jsonl")
    first = _run(emulator, tmp_path, archive)
    assert first.migrated == 1 and [i for i, _ in first.skipped] == [lossy] and not first.ok
    assert "--allow-lossy" in first.skipped[0][1]
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        skipped = journal.entry(lossy)
        assert skipped is not None and skipped.state == "skipped" and skipped.losses[0]["raw"] == chart
    second = _run(emulator, tmp_path, archive, allow_lossy=True)
    assert (second.migrated, second.lossy, second.already, second.ok) == (1, 1, 1, True)
    assert len(conversations(emulator)) == 2


def test_dry_run_sends_nothing_and_writes_no_journal(tmp_path: Path) -> None:
    emulator = Emulator()
    archive = archive_of(emulator, [_thread(emulator, 45), _thread(emulator, 1)], tmp_path / "legacy.jsonl")
    summary = _run(emulator, tmp_path, archive, dry_run=True, api_key=None)
    assert summary.dry_run and summary.migrated == 2 and summary.planned_requests == 4
    assert conversations(emulator) == [] and not (tmp_path / "m.db").exists()


def test_answers_lost_after_the_write_are_resolved_from_the_conversation(tmp_path: Path) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 45)
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    emulator.fail_next(0, 1, after_serving=True)  # the create happens; its answer is lost
    summary = _run(emulator, tmp_path, archive, preflight=False)  # the scripted failures are for the writes
    assert summary.ok and summary.uncertain_creates == 1
    assert len(conversations(emulator)) == 2  # the unreferenced one the lost answer left behind
    legacy2 = _thread(emulator, 45)
    archive2 = archive_of(emulator, [legacy2], tmp_path / "legacy2.jsonl")
    emulator.fail_next(500, 1)  # the create fails outright (nothing created)
    emulator.fail_next(0, 1, after_serving=True)  # the retried create works: one of a batch added, answer lost
    result = _run(emulator, tmp_path, archive2, journal=tmp_path / "m2.db", preflight=False)
    assert result.ok and result.uncertain_creates == 2
    with Journal(tmp_path / "m2.db", read_only=True) as journal:
        _, items = conversation(emulator, journal.target_of(legacy2) or "")
    assert texts(items) == [f"m{n}" for n in range(45)]


def test_an_add_whose_answer_is_lost_is_not_sent_twice(tmp_path: Path) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 45)
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    real = emulator.handle
    calls: list[str] = []

    def handle(method: str, path: str, *rest: Any) -> Any:
        calls.append(f"{method} {path}")
        if method == "POST" and path.endswith("/items") and calls.count(f"{method} {path}") == 1:
            emulator.fail_next(0, 1, after_serving=True)
        return real(method, path, *rest)

    emulator.handle = handle  # type: ignore[method-assign,assignment]
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.uncertain_creates == 0
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        _, items = conversation(emulator, journal.target_of(legacy_id) or "")
    assert texts(items) == [f"m{n}" for n in range(45)]
    posts = [c for c in calls if c.startswith("POST") and c.endswith("/items")]
    assert len(posts) == 2 and any(c.startswith("GET") and "/items" in c for c in calls)


def test_a_refused_thread_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    emulator = Emulator()
    bad = _thread(emulator, 1, metadata={"k": "v"})
    good = _thread(emulator, 1)
    archive = archive_of(emulator, [bad, good], tmp_path / "legacy.jsonl")
    emulator.fail_next(400, 1)
    summary = _run(emulator, tmp_path, archive, concurrency=1, preflight=False)
    assert summary.migrated == 1 and [i for i, _ in summary.failed] == [bad] and not summary.ok
    assert "400" in summary.failed[0][1] or "refused" in summary.failed[0][1].lower()
    again = _run(emulator, tmp_path, archive)
    assert again.migrated == 1 and again.already == 1 and again.ok


def test_a_429_storm_is_ridden_out_without_losing_or_repeating_anything(tmp_path: Path) -> None:
    emulator = Emulator(faults=Faults(rate_429=0.5, retry_after=0, seed=7))
    quiet = Emulator()
    ids = [_thread(quiet, count) for count in (5, 45, 21)]
    archive = archive_of(quiet, ids, tmp_path / "legacy.jsonl")
    summary = _run(emulator, tmp_path, archive)
    assert summary.ok and summary.rate_limited > 0
    emulator.faults = FaultPlan(Faults())  # the storm is over: read back in peace
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        for legacy_id, count in zip(ids, (5, 45, 21), strict=True):
            _, items = conversation(emulator, journal.target_of(legacy_id) or "")
            assert texts(items) == [f"m{n}" for n in range(count)]


def test_the_pace_follows_the_advertised_limit(tmp_path: Path) -> None:
    emulator = Emulator(rpm=600, burst=10)  # 10 a second, enforced a second at a time
    source = Emulator()
    ids = [_thread(source, 1) for _ in range(30)]
    summary = _run(emulator, tmp_path, archive_of(source, ids, tmp_path / "legacy.jsonl"), concurrency=8)
    assert summary.ok and summary.requests == 30 and summary.rate_limited == 0
    assert summary.seconds >= 1.5  # 30 requests at 10 a second, the first bucket spent at once at most


def test_legacy_ids_resolve_to_their_conversations_through_the_journal(tmp_path: Path) -> None:
    emulator = Emulator()
    moved, waiting = _thread(emulator, 3), _thread(emulator, 2)
    archive = archive_of(emulator, [moved, waiting], tmp_path / "legacy.jsonl")
    assert _run(emulator, tmp_path, archive_of_one(archive, moved, tmp_path)).ok
    client = httpx.Client(transport=emulator.transport())
    with ThreadShim(api_key=KEY, base_url=BASE, archive=archive, journal=tmp_path / "m.db", http_client=client) as shim:
        thread = shim.retrieve(moved)
        assert thread.source == "conversations" and thread.id.startswith("conv_") and thread.legacy_id == moved
        assert [i.text for i in shim.items(moved)] == ["m0", "m1", "m2"]
        still = shim.retrieve(waiting)
        assert still.source == "assistants" and still.id == waiting and still.legacy_id is None
        assert [i.text for i in shim.items(waiting)] == ["m0", "m1"]
    with pytest.raises(JournalError, match="no migration journal"):
        ThreadShim(api_key=KEY, journal=tmp_path / "missing.db")


def archive_of_one(archive: Path, legacy_id: str, tmp_path: Path) -> Path:
    """A copy of ``archive`` holding only ``legacy_id``'s line."""
    lines = [line for line in archive.read_text().splitlines() if json.loads(line)["id"] == legacy_id]
    one = tmp_path / "one.jsonl"
    one.write_text("\n".join(lines) + "\n")
    return one


def test_threads_read_from_the_assistants_api_by_id_and_a_missing_one_reported(tmp_path: Path) -> None:
    emulator = Emulator()
    present = _thread(emulator, 22)
    gone = "thread_" + "x" * 24
    summary = asyncio.run(
        migrate(journal=tmp_path / "m.db", ids=[present, gone], api_key=KEY, base_url=BASE,
                transport=emulator.transport(), progress=io.StringIO())
    )  # fmt: skip
    assert summary.migrated == 1 and summary.not_found == [gone] and not summary.ok
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        _, items = conversation(emulator, journal.target_of(present) or "")
        assert texts(items) == [f"m{n}" for n in range(22)]
        missing = journal.entry(gone)
        assert missing is not None and missing.state == "failed" and "not found" in (missing.error or "")


def test_bad_arguments_are_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest, match="an archive"):
        asyncio.run(migrate(journal=tmp_path / "m.db", api_key=KEY))
    with pytest.raises(InvalidRequest, match="concurrency"):
        asyncio.run(migrate(journal=tmp_path / "m.db", ids=[], api_key=KEY, concurrency=0))
    with pytest.raises(InvalidRequest, match="cannot migrate to 'assistants'"):
        asyncio.run(migrate(journal=tmp_path / "m.db", ids=[], api_key=KEY, to="assistants"))
    with pytest.raises(InvalidRequest, match=r"^store applies to to='chatkit', not to='conversations'$"):
        asyncio.run(migrate(journal=tmp_path / "m.db", ids=[], api_key=KEY, store="sqlite:///x.db"))
    with pytest.raises(InvalidRequest, match=r"^concurrency applies to to='conversations', not to='chatkit'$"):
        asyncio.run(migrate(journal=tmp_path / "m.db", ids=[], to="chatkit", store="sqlite:///x.db", concurrency=2))
    (tmp_path / "not.db").write_text("hello, not a database" * 100)
    with pytest.raises(JournalError, match="not a migration journal"):
        asyncio.run(migrate(journal=tmp_path / "not.db", ids=["thread_" + "a" * 24], api_key=KEY, base_url=BASE))


def test_a_conversation_someone_else_wrote_to_stops_that_thread_with_a_conflict(tmp_path: Path) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 45)
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    api = httpx.Client(base_url=BASE, transport=emulator.transport(), headers={"Authorization": f"Bearer {KEY}"})
    made = api.post("/conversations", json={"items": [{"role": "user", "content": "x"}] * 20}).json()["id"]
    api.post(f"/conversations/{made}/items", json={"items": [{"role": "user", "content": "y"}] * 5})
    with Journal(tmp_path / "m.db", target="conversations") as journal:  # a run stopped with batch 2 unanswered
        journal.plan(legacy_id, total=45, lossy=False, losses=[], kept={}, tools=[])
        ConversationLog(journal).sending(legacy_id, 0, ["m"] * 20)
        ConversationLog(journal).confirmed(legacy_id, 0, 20, made, [])
        ConversationLog(journal).sending(legacy_id, 20, ["m"] * 20)
    summary = _run(emulator, tmp_path, archive)
    assert [i for i, _ in summary.failed] == [legacy_id]
    assert "holds 25 items, but the journal expects 20 or 40" in summary.failed[0][1]
    _, items = conversation(emulator, made)
    assert len(items) == 25  # nothing more was sent to it


def test_a_connection_never_made_is_retried_and_never_an_uncertain_create(tmp_path: Path) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 3)
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    inner = emulator.transport()
    refused = {"left": 2}

    class Refusing(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "POST" and refused["left"]:
                refused["left"] -= 1
                raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
            return await inner.handle_async_request(request)

    options: dict[str, Any] = {"journal": tmp_path / "m.db", "progress": io.StringIO(), "preflight": False}
    summary = asyncio.run(migrate(archive=archive, base_url=BASE, api_key=KEY, transport=Refusing(), **options))
    assert summary.ok and summary.migrated == 1 and summary.uncertain_creates == 0
    assert len(conversations(emulator)) == 1
    refused["left"] = 10  # more than the tries: the thread fails, and still nothing is uncertain
    other = archive_of(emulator, [_thread(emulator, 1)], tmp_path / "other.jsonl")
    failed = asyncio.run(
        migrate(
            archive=other, base_url=BASE, api_key=KEY, transport=Refusing(), **{**options, "journal": tmp_path / "o.db"}
        )
    )
    assert failed.uncertain_creates == 0 and len(failed.failed) == 1 and "could not connect" in failed.failed[0][1]


@pytest.mark.parametrize("where", ["create", "add"])
def test_a_connection_never_made_is_tried_exactly_max_retries_plus_one_times(tmp_path: Path, where: str) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 25)  # a create of 20 items, then an add of 5
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    inner = emulator.transport()
    attempts: list[str] = []

    class Refusing(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            refused = (
                request.url.path.endswith("/items") if where == "add" else request.url.path.endswith("/conversations")
            )
            if request.method == "POST" and refused:
                attempts.append(request.url.path)
                raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
            return await inner.handle_async_request(request)

    options: dict[str, Any] = {"progress": io.StringIO(), "preflight": False, "max_retries": 3}
    summary = asyncio.run(
        migrate(archive=archive, journal=tmp_path / "m.db", base_url=BASE, api_key=KEY, transport=Refusing(), **options)
    )
    assert len(attempts) == 4 and summary.uncertain_creates == 0 and [i for i, _ in summary.failed] == [legacy_id]


def test_an_add_refused_outright_is_sent_once(tmp_path: Path) -> None:
    emulator = Emulator()
    legacy_id = _thread(emulator, 25)
    archive = archive_of(emulator, [legacy_id], tmp_path / "legacy.jsonl")
    inner = emulator.transport()
    adds: list[int] = []

    class Refusing(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "POST" and request.url.path.endswith("/items"):
                adds.append(1)
                return httpx.Response(400, json={"error": {"message": "no", "type": "invalid_request_error"}})
            return await inner.handle_async_request(request)

    options: dict[str, Any] = {"progress": io.StringIO(), "preflight": False, "max_retries": 3}
    summary = asyncio.run(
        migrate(archive=archive, journal=tmp_path / "m.db", base_url=BASE, api_key=KEY, transport=Refusing(), **options)
    )
    assert adds == [1] and summary.failed[0][1] == "400 no"
