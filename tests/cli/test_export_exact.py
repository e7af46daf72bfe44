"""The export's exact answers: ids files, refusals, its report's layout, its arguments and its progress stream."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim import AsyncThreadShim, IdsFileError, InvalidRequest, PathClash
from threadshim.export import IdList, Summary, export, export_with_report, read_ids, read_ids_file, write_report
from threadshim.testing import Emulator, seed_legacy_mixed


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_a_utf16_ids_file_is_refused_whichever_its_byte_order(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "ids.txt"
    path.write_bytes(bom + "thread_abc\n".encode("utf-16-be" if bom == b"\xfe\xff" else "utf-16-le"))
    with pytest.raises(IdsFileError, match="UTF-16"):
        read_ids_file(path)


def test_ids_of_another_kind_are_refused_naming_the_kinds_that_belong() -> None:
    parsed = read_ids(["thread_a", "cthr_b", "thread_a", "thread_a", "conv_c"], kinds=("assistants",))
    assert parsed.ids == ["thread_a"] and parsed.duplicates == 2
    assert parsed.rejected == [
        (2, "invalid thread id 'cthr_b': only 'thread_…' ids belong here"),
        (5, "invalid thread id 'conv_c': only 'thread_…' ids belong here"),
    ]
    both = read_ids(["cthr_b"], kinds=("assistants", "conversations"))
    assert both.rejected == [(1, "invalid thread id 'cthr_b': only 'thread_…' or 'conv_…' ids belong here")]


def test_the_report_is_indented_json_ending_in_a_newline(tmp_path: Path) -> None:
    summary = Summary(not_found=["thread_b", "thread_a"], failed=[("thread_c", "boom")])
    report = write_report(tmp_path / "out.jsonl", summary, IdList(rejected=[(3, "bad")]))
    expected = {"not_found": ["thread_a", "thread_b"], "failed": [{"id": "thread_c", "error": "boom"}],
                "rejected_lines": [[3, "bad"]]}  # fmt: skip
    assert report.read_text(encoding="utf-8") == json.dumps(expected, indent=2) + "\n"


def _shim(emulator: Emulator) -> AsyncThreadShim:
    return AsyncThreadShim(api_key="sk-test", http_client=httpx.AsyncClient(transport=emulator.transport()))


@pytest.mark.parametrize("concurrency", [0, -1, "2", 1.5])
def test_a_concurrency_below_one_or_not_whole_is_refused(tmp_path: Path, concurrency: object) -> None:
    async def run() -> None:
        async with _shim(Emulator()) as shim:
            await export(shim, [], tmp_path / "out.jsonl", concurrency=concurrency)  # type: ignore[arg-type]

    with pytest.raises(InvalidRequest) as caught:
        asyncio.run(run())
    assert str(caught.value) == f"concurrency must be a whole number of at least 1, not {concurrency!r}"


def test_one_at_a_time_works_and_progress_goes_to_the_stream_given(tmp_path: Path) -> None:
    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, 3, least=1, most=3)["legacy_thread_ids"]
    progress = io.StringIO()

    async def run() -> Summary:
        async with _shim(emulator) as shim:
            return await export(shim, ids, tmp_path / "out.jsonl", concurrency=1, progress=progress)

    assert asyncio.run(run()).exported == 3
    assert "exported 3/3" in progress.getvalue()


def test_an_existing_export_is_never_overwritten_unless_resumed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "thread_x", "thread": {}, "messages": []}\n')

    async def run() -> None:
        async with _shim(Emulator()) as shim:
            await export(shim, [], out)

    with pytest.raises(FileExistsError) as caught:
        asyncio.run(run())
    assert str(caught.value) == f"{out} already holds an export; resume it (--resume, or resume=True) to finish it"


class _Crowd(httpx.AsyncBaseTransport):
    """The emulator's transport, counting how many requests are in flight at once (each takes 10 ms)."""

    def __init__(self, emulator: Emulator) -> None:
        self.inner, self.now, self.most = emulator.transport(), 0, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            await asyncio.sleep(0.01)
            return await self.inner.handle_async_request(request)
        finally:
            self.now -= 1


def _crowded(emulator: Emulator) -> tuple[AsyncThreadShim, _Crowd]:
    crowd = _Crowd(emulator)
    return AsyncThreadShim(api_key="sk-test", http_client=httpx.AsyncClient(transport=crowd)), crowd


def test_eight_threads_are_fetched_at_once_unless_told_otherwise(tmp_path: Path) -> None:
    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, 20, least=1, most=2)["legacy_thread_ids"]

    async def run(out: str, **options: Any) -> int:
        shim, crowd = _crowded(emulator)
        async with shim:
            summary = await export(shim, ids, tmp_path / out, progress=io.StringIO(), **options)
        assert summary.exported == 20
        return crowd.most

    assert asyncio.run(run("default.jsonl")) == 8
    assert asyncio.run(run("three.jsonl", concurrency=3)) == 3

    async def with_report(out: str, **options: Any) -> tuple[int, Summary]:
        shim, crowd = _crowded(emulator)
        summary, _ = await export_with_report(shim, IdList(ids=ids), tmp_path / out, **options)
        return crowd.most, summary

    most, summary = asyncio.run(with_report("report-default.jsonl"))
    assert (most, summary.exported) == (8, 20)
    most, summary = asyncio.run(with_report("report-two.jsonl", concurrency=2))
    assert (most, summary.exported) == (2, 20)
    with pytest.raises(FileExistsError):
        asyncio.run(with_report("report-two.jsonl"))  # an export is not resumed unless asked
    most, summary = asyncio.run(with_report("report-two.jsonl", resume=True))
    assert (summary.exported, summary.skipped) == (0, 20)


def test_the_library_refuses_a_folder_as_the_export_file(tmp_path: Path) -> None:
    async def run() -> None:
        async with AsyncThreadShim(api_key="sk-test", http_client=httpx.AsyncClient()) as shim:
            await export(shim, ["thread_a"], tmp_path)

    with pytest.raises(PathClash) as refused:
        asyncio.run(run())
    assert str(refused.value) == f"{tmp_path} is a folder; name a file for the export"
