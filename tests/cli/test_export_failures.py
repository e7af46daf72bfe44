"""What an export missed is never silent: the report file, stderr, the summary and the exit code all say it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from threadshim.cli import main
from threadshim.testing import Emulator


def _export(capsys: pytest.CaptureFixture[str], url: str, ids: Path, out: Path, *more: str) -> tuple[int, str, str]:
    code = main(["export", "--ids", str(ids), "--out", str(out), "--api-key", "sk-x", "--base-url", url, *more])
    stdout, stderr = capsys.readouterr()
    return code, stdout, stderr


def test_only_404s_missing_still_writes_the_report_and_exits_1(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{facts['legacy_thread_ids'][0]}\nthread_gone1\nthread_gone2\n")
    out = tmp_path / "out.jsonl"
    code, stdout, _ = _export(capsys, url, ids, out)
    report = json.loads((tmp_path / "out.jsonl.report.json").read_text())
    assert code == 1
    assert report == {"not_found": ["thread_gone1", "thread_gone2"], "failed": [], "rejected_lines": []}
    assert "exported 1," in stdout and "not found 2," in stdout and "failed 0," in stdout


def test_a_thread_that_fails_every_retry_is_reported_and_exits_1(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, emulator = served
    ids = tmp_path / "ids.txt"
    ids.write_text(facts["legacy_thread_ids"][0] + "\n")
    emulator.fail_next(500, 3)  # the first attempt and both retries
    code, stdout, _ = _export(capsys, url, ids, tmp_path / "out.jsonl")
    report = json.loads((tmp_path / "out.jsonl.report.json").read_text())
    assert code == 1 and "failed 1," in stdout and "exported 0," in stdout
    assert [entry["id"] for entry in report["failed"]] == [facts["legacy_thread_ids"][0]]
    assert report["failed"][0]["error"].startswith("500 ") and "request id req_" in report["failed"][0]["error"]
    assert not (tmp_path / "out.jsonl").read_text()


def test_malformed_lines_are_printed_with_their_numbers_and_kept_in_the_report(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{facts['legacy_thread_ids'][0]}\nnot-an-id\n\ncthr_abc\n")
    code, stdout, stderr = _export(capsys, url, ids, tmp_path / "out.jsonl")
    assert code == 0 and "malformed lines 2" in stdout
    assert f"{ids}:2: invalid thread id 'not-an-id'" in stderr and f"{ids}:4:" in stderr and "(skipped)" in stderr
    report = json.loads((tmp_path / "out.jsonl.report.json").read_text())
    assert [number for number, _ in report["rejected_lines"]] == [2, 4]


def test_the_writer_syncs_each_group_of_lines_to_disk(
    served: tuple[str, dict[str, Any], Emulator],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, facts, _ = served
    out = tmp_path / "out.jsonl"
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(os.fstat(descriptor).st_size)  # what is on disk at each sync
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(facts["legacy_thread_ids"]) + "\n")
    code, _, _ = _export(capsys, url, ids, out)
    assert code == 0 and synced, "the export never synced its file to disk"
    assert synced[-1] == out.stat().st_size  # the last sync came after the last line
