"""The habits users bring from the official SDK: serialisable objects, pages, str paths, the emulator in their tests."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import httpx
import pytest
from threadshim import AsyncThreadShim, InvalidRequest, Page, RetryPolicy, ThreadShim, UnifiedItem
from threadshim.export import export
from threadshim.testing import Emulator, EmulatorServer, SeedError, seed_demo

KEY = "sk-people-test-00000000000000000"


def _shim(emulator: Emulator, **options: object) -> ThreadShim:
    return ThreadShim(api_key=KEY, http_client=httpx.Client(transport=emulator.transport()), **options)  # type: ignore[arg-type]


def test_unified_objects_serialise_to_json() -> None:
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    shim = _shim(emulator)
    thread = shim.retrieve(facts["legacy_thread_ids"][0])
    data = json.loads(thread.to_json())
    assert data["created_at"] == thread.created_at.isoformat() and data["raw"] == thread.raw  # type: ignore[union-attr]
    assert data["tool_resources"]["file_search_vector_store_ids"] == ["vs_policies000000000000001"]
    assert "raw" not in thread.to_dict(raw=False)
    for item in shim.items(facts["chatkit_thread_ids"][0]):
        assert json.loads(json.dumps(item.to_dict()))["kind"] == item.kind


def test_pages_like_the_sdks() -> None:
    emulator = Emulator(deterministic=True)
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    for n in range(5):
        emulator.add_message(thread["id"], {"role": "user", "content": f"m{n}"})
    for n in range(3):
        emulator.add_chatkit_thread(user="u", title=f"t{n}")
    shim = _shim(emulator)
    texts: list[str | None] = []
    after: str | None = None
    while True:
        page: Page[UnifiedItem] = shim.items_page(thread["id"], limit=2, after=after)
        texts.extend(i.text for i in page)
        after = page.next_after
        if after is None:
            break
    assert texts == [f"m{n}" for n in range(5)]
    first = shim.list_page(limit=2, order="asc")
    assert [t.title for t in first] == ["t0", "t1"] and first.has_more and first.last_id == first.data[-1].id
    rest = shim.list_page(limit=2, order="asc", after=first.next_after)
    assert [t.title for t in rest] == ["t2"] and not rest.has_more and rest.next_after is None
    for bad in (0, 101):
        with pytest.raises(InvalidRequest, match="limit"):
            shim.items_page(thread["id"], limit=bad)

    async def async_page() -> list[str | None]:
        client = httpx.AsyncClient(transport=emulator.transport())
        async with AsyncThreadShim(api_key=KEY, http_client=client) as shim_async:
            page = await shim_async.items_page(thread["id"], limit=3, order="desc")
            return [i.text for i in page]

    assert asyncio.run(async_page()) == ["m4", "m3", "m2"]


def test_an_archive_pages_too(tmp_path: Path) -> None:
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    out = tmp_path / "export.jsonl"

    async def run() -> None:
        client = httpx.AsyncClient(transport=emulator.transport())
        async with AsyncThreadShim(api_key=KEY, http_client=client) as shim:
            await export(shim, facts["legacy_thread_ids"], str(out), progress=open(os.devnull, "w"))  # noqa: SIM115

    asyncio.run(run())  # a str path is fine
    archived = ThreadShim(api_key=KEY, archive=str(out), http_client=httpx.Client(transport=emulator.transport()))
    first = archived.items_page(facts["legacy_thread_ids"][0], limit=3)
    rest = archived.items_page(facts["legacy_thread_ids"][0], limit=3, after=first.next_after)
    assert len(first) == 3 and first.has_more and len(rest) == 1 and not rest.has_more
    assert archived.items_page(facts["legacy_thread_ids"][0], after="msg_unknown").data == ()


def test_the_emulator_takes_the_apis_create_shape_and_says_what_went_wrong_publicly() -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    message = emulator.add_message(thread["id"], {"role": "user", "content": "hello"})
    assert message["content"] == [{"type": "text", "text": {"value": "hello", "annotations": []}}]
    blocks = emulator.add_message(thread["id"], {"role": "user", "content": [{"type": "text", "text": "hi"}]})
    assert blocks["content"][0]["text"]["value"] == "hi"
    with pytest.raises(SeedError, match="No thread found") as missing:
        emulator.add_message("thread_missing", {"role": "user", "content": "x"})
    assert missing.value.status == 404
    with pytest.raises(SeedError):
        emulator.add_chatkit_thread(user="")
    with EmulatorServer(emulator) as server:
        seeded = httpx.get(server.base_url.removesuffix("/v1") + "/_emulator/seeded").json()
    assert seeded == {"legacy_thread_ids": [thread["id"]], "chatkit_thread_ids": []}


def test_the_pytest_plugin_gives_an_emulator_a_shim_and_a_server(
    threadshim_emulator: Emulator, threadshim_shim: ThreadShim, threadshim_server: EmulatorServer
) -> None:
    facts = seed_demo(threadshim_emulator)
    threadshim_emulator.fail_next(503, 2, retry_after=30)  # retried at once: the plugin's shim never sleeps
    assert threadshim_shim.retrieve(facts["legacy_thread_ids"][0]).title == "Refund for order 1182"
    served = ThreadShim(api_key="sk-any", base_url=threadshim_server.base_url, retry_policy=RetryPolicy.no_wait())
    assert served.retrieve(facts["chatkit_thread_ids"][0]).source == "chatkit"


def test_the_plugin_works_in_a_users_own_test_file(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(
        """
        from threadshim.testing import seed_demo

        def test_my_support_tool(threadshim_emulator, threadshim_shim):
            ids = seed_demo(threadshim_emulator)["chatkit_thread_ids"]
            titles = [t.title for t in threadshim_shim.list(user="user_456")]
            assert "Customer escalation" in titles and len(ids) == 5
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
