"""Exact values and boundaries users rely on: time zones, text joining, raw JSON, id lengths, archive integrity."""

from __future__ import annotations

import asyncio
import json
import os
import time
from datetime import timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim import (
    APIConnectionError,
    AsyncThreadShim,
    InvalidThreadId,
    RetryPolicy,
    ThreadShim,
)
from threadshim.archive import Archive
from threadshim.testing import Emulator

KEY = "sk-bite-test-0000000000000000000"


def test_timestamps_are_utc_whatever_the_local_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/St_Johns")  # UTC-3:30, half an hour off any whole-hour mistake
    time.tzset()
    try:
        emulator = Emulator()
        thread = emulator.add_thread({"created_at": 1712345678, "metadata": {}, "tool_resources": {}})
        shim = ThreadShim(api_key=KEY, http_client=httpx.Client(transport=emulator.transport()))
        created = shim.retrieve(thread["id"]).created_at
        assert created is not None and created.tzinfo is timezone.utc
        assert created.isoformat() == "2024-04-05T19:34:38+00:00"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_message_with_two_text_blocks_keeps_both() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    text = [{"type": "text", "text": {"value": v, "annotations": []}} for v in ("First part.", "Second part.")]
    emulator.add_message(thread["id"], {"role": "assistant", "content": text})
    shim = ThreadShim(api_key=KEY, http_client=httpx.Client(transport=emulator.transport()))
    (item,) = shim.items(thread["id"])
    assert item.text == "First part.\nSecond part." and [b.text for b in item.content] == [
        "First part.",
        "Second part.",
    ]


def test_chatkit_attachments_keep_their_raw_json() -> None:
    emulator = Emulator()
    thread = emulator.add_chatkit_thread(user="u")
    attachment = {"type": "file", "id": "cfile_1", "name": "a.txt", "mime_type": "text/plain", "extra": {"x": 1}}
    emulator.add_chatkit_item(
        thread["id"], {"type": "chatkit.user_message", "content": [], "attachments": [attachment]}
    )
    shim = ThreadShim(api_key=KEY, http_client=httpx.Client(transport=emulator.transport()))
    (item,) = shim.items(thread["id"])
    assert item.attachments[0].raw == attachment and item.attachments[0].name == "a.txt"


@pytest.mark.parametrize(("length", "accepted"), [(512, True), (513, False)])
def test_ids_up_to_512_characters_are_accepted(length: int, accepted: bool) -> None:
    thread_id = "thread_" + "a" * (length - len("thread_"))
    emulator = Emulator()
    emulator.add_thread({"id": thread_id, "metadata": {}, "tool_resources": {}})
    shim = ThreadShim(api_key=KEY, http_client=httpx.Client(transport=emulator.transport()))
    if accepted:
        assert shim.retrieve(thread_id).id == thread_id
    else:
        with pytest.raises(InvalidThreadId, match="512"):
            shim.retrieve(thread_id)


def test_a_listing_that_ends_exactly_on_a_page_boundary_is_complete() -> None:
    emulator = Emulator(deterministic=True)
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    for n in range(200):
        emulator.add_message(thread["id"], {"role": "user", "content": [], "metadata": {"n": str(n)}})
    requests: list[httpx.Request] = []
    client = httpx.Client(transport=emulator.transport(), event_hooks={"request": [requests.append]})
    items = list(ThreadShim(api_key=KEY, http_client=client).items(thread["id"]))
    assert [i.raw["metadata"]["n"] for i in items] == [str(n) for n in range(200)]
    assert len(requests) == 2  # two full pages, and the second says there is no more


def test_the_emulator_refuses_an_empty_bearer_token() -> None:
    emulator = Emulator()
    client = httpx.Client(base_url="https://api.openai.com/v1", transport=emulator.transport())
    for value in ("Bearer ", "Bearer    ", "Basic c2stYQ==", ""):
        response = client.get("/chatkit/threads", headers={"Authorization": value, "OpenAI-Beta": "chatkit_beta=v1"})
        assert response.status_code == 401, value


def test_the_async_client_gives_up_after_max_retries_dropped_connections() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})

    async def fetch(drops: int) -> str:
        emulator.faults.clear()
        emulator.fail_next(0, drops)
        policy = RetryPolicy(max_retries=2, initial_delay=0, max_delay=0)
        client = httpx.AsyncClient(transport=emulator.transport())
        async with AsyncThreadShim(api_key=KEY, http_client=client, retry_policy=policy) as shim:
            return (await shim.retrieve(thread["id"])).id

    assert asyncio.run(fetch(2)) == thread["id"]
    with pytest.raises(APIConnectionError):
        asyncio.run(fetch(3))


def _export_file(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    out = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": r["id"], "exported_at": "2026-01-01T00:00:00+00:00", "thread": r, "messages": []}) + "\n"
        for r in records
    ]
    out.write_text("".join(lines))
    return out


def _thread(thread_id: str, created: int, user: str) -> dict[str, Any]:
    return {"id": thread_id, "object": "thread", "created_at": created, "metadata": {"user": user, "owner": user}}


def test_an_index_is_not_reused_after_a_same_size_rewrite(tmp_path: Path) -> None:
    out = _export_file(tmp_path, [_thread("thread_aaaa", 1, "u1"), _thread("thread_bbbb", 2, "u2")])
    assert Archive(out).retrieve("thread_bbbb").user == "u2"
    before = out.stat()
    rewritten = _export_file(tmp_path, [_thread("thread_bbbb", 2, "u2"), _thread("thread_aaaa", 1, "u1")])
    os.utime(rewritten, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert rewritten.stat().st_size == before.st_size
    archive = Archive(rewritten)
    assert archive.retrieve("thread_bbbb").id == "thread_bbbb" and archive.retrieve("thread_aaaa").id == "thread_aaaa"


def test_an_index_built_for_one_user_key_is_not_reused_for_another(tmp_path: Path) -> None:
    out = _export_file(tmp_path, [_thread("thread_aaaa", 1, "u1")])
    assert Archive(out, user_key="user").ids(user="u1") == ["thread_aaaa"]
    assert Archive(out, user_key="owner").ids(user="u1") == ["thread_aaaa"]
    assert Archive(out, user_key="nobody").ids(user="u1") == []


def test_archive_ids_follow_the_order_asked_for(tmp_path: Path) -> None:
    out = _export_file(
        tmp_path, [_thread("thread_bbbb", 2, "u"), _thread("thread_aaaa", 1, "u"), _thread("thread_cccc", 3, "u")]
    )
    archive = Archive(out)
    assert archive.ids(order="asc") == ["thread_aaaa", "thread_bbbb", "thread_cccc"]
    assert archive.ids(order="desc") == ["thread_cccc", "thread_bbbb", "thread_aaaa"]
    shim = ThreadShim(api_key=KEY, archive=out, http_client=httpx.Client(transport=Emulator().transport()))
    assert [t.id for t in shim.list(order="desc")] == ["thread_cccc", "thread_bbbb", "thread_aaaa"]
