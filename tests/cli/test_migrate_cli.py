"""`threadshim migrate` from the command line: plan, report, exit codes, and kill -9 at random moments."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from threadshim.archive import Archive
from threadshim.cli import main
from threadshim.migrate import ConversationLog, Journal
from threadshim.targets.conversations.plan import plan_conversation as plan
from threadshim.testing import Emulator, EmulatorServer, Faults, seed_legacy_mixed

from ..migrate.conftest import archive_of, conversation, conversations


def _parts(items: list[dict[str, Any]]) -> list[list[tuple[str, Any]]]:
    keys = ("text", "refusal", "file_id", "image_url")
    return [[(p["type"], next((p[k] for k in keys if p.get(k)), None)) for p in item["content"]] for item in items]


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Emulator, list[str], Path]:
    emulator = Emulator()
    ids = seed_legacy_mixed(emulator, 12, least=1, most=45, seed=5)["legacy_thread_ids"]
    return emulator, ids, archive_of(emulator, ids, tmp_path / "legacy.jsonl")


def test_dry_run_prints_the_losses_writes_the_report_and_sends_nothing(
    mixed: tuple[Emulator, list[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, ids, archive = mixed
    journal = tmp_path / "m.db"
    with EmulatorServer(emulator) as server:
        code = main(["migrate", "--to", "conversations", "--journal", str(journal), "--archive", str(archive),
                     "--dry-run", "--base-url", server.base_url])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1  # lossy threads would be skipped without --allow-lossy
    assert "dry run, nothing sent" in out and "an assistant turn cannot hold an image (image_file)" in out
    assert conversations(emulator) == [] and not journal.exists()
    assert not (tmp_path / "m.db.report.json").exists()  # a dry run never overwrites a real run's report
    report = json.loads((tmp_path / "m.db.dry-run.json").read_text())
    assert report["dry_run"] and len(report["threads"]) == len(ids)
    assert report["summary"]["skipped"] == sum(t["lossy"] for t in report["threads"]) > 0


def test_migrate_reports_and_exits_0_only_when_every_thread_moved(
    mixed: tuple[Emulator, list[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, ids, archive = mixed
    args = ["migrate", "--to", "conversations", "--journal", str(tmp_path / "m.db"), "--archive", str(archive)]
    with EmulatorServer(emulator) as server:
        api = ["--api-key", "sk-test", "--base-url", server.base_url]
        assert main(args + api) == 1
        first = json.loads((tmp_path / "m.db.report.json").read_text())
        assert main(args + api + ["--allow-lossy"]) == 0
    out = capsys.readouterr().out
    assert f"already done {len(ids) - first['summary']['skipped']}" in out.splitlines()[-1]
    report = json.loads((tmp_path / "m.db.report.json").read_text())
    states = {t["legacy_id"]: t["state"] for t in report["threads"]}
    assert states == dict.fromkeys(ids, "done")
    assert any(t["responses_tools"] for t in report["threads"]) and all(t["conversation_id"] for t in report["threads"])


def test_no_key_is_a_usage_error(
    mixed: tuple[Emulator, list[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    _, _, archive = mixed
    assert (
        main(["migrate", "--to", "conversations", "--journal", str(tmp_path / "m.db"), "--archive", str(archive)]) == 2
    )


def test_kill_9_three_times_then_a_rerun_moves_each_message_exactly_once(tmp_path: Path) -> None:
    emulator = Emulator(faults=Faults(latency=0.05))
    ids = seed_legacy_mixed(emulator, 150, least=1, most=45, seed=11)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    journal = tmp_path / "m.db"
    draw = random.Random()
    with EmulatorServer(emulator) as server:
        command = [sys.executable, "-m", "threadshim.cli", "migrate", "--to", "conversations", "--journal",
                   str(journal), "--archive", str(archive), "--allow-lossy", "--api-key", "sk-test",
                   "--base-url", server.base_url, "--concurrency", "8"]  # fmt: skip
        kills = 0
        for _ in range(3):
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(draw.uniform(0.6, 1.6))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=30)
        finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 2, "the runs ended before the kills came; the test proved little"
    emulator.faults = type(emulator.faults)(Faults())
    legacy = Archive(archive)
    with Journal(journal, read_only=True) as opened:
        entries = {e.legacy_id: e for e in opened.entries()}
        assert set(entries) == set(ids) and {e.state for e in entries.values()} == {"done"}
        targets = [e.target_id for e in entries.values()]
        assert len(set(targets)) == len(ids)
        uncertain = ConversationLog(opened).uncertain_creates(list(entries))
    extras = len(conversations(emulator)) - len(ids)
    assert 0 <= extras <= uncertain  # only a create whose answer was lost can leave one behind
    for legacy_id in ids:
        planned = plan(legacy.retrieve(legacy_id).raw, [i.raw for i in legacy.items(legacy_id)])
        _, items = conversation(emulator, entries[legacy_id].target_id or "")
        assert _parts(items) == _parts(list(planned.items)), legacy_id
