"""The threadshim command against the served emulator: output, exit codes, export and resume, archive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from threadshim.archive import Archive
from threadshim.cli import main
from threadshim.testing import Emulator, EmulatorServer, seed_demo


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_get_prints_json_lines(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str]
) -> None:
    url, facts, _ = served
    code, out, _ = run(capsys, "get", facts["chatkit_thread_ids"][2], "--json", "--api-key", "sk-x", "--base-url", url)
    record = json.loads(out)
    assert code == 0 and record["status"] == {"type": "locked", "reason": "Escalated to a human agent"}
    assert record["raw"]["id"] == facts["chatkit_thread_ids"][2]


def test_list_merges_legacy_ids_and_reports_bad_lines(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join([*reversed(facts["legacy_thread_ids"]), "not-an-id", ""]) + "\n")
    code, out, err = run(
        capsys, "list", "--user", "user_456", "--legacy-ids", str(ids), "--json", "--api-key", "sk-x", "--base-url", url
    )
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert code == 0 and sorted(sources) == ["assistants", "chatkit", "chatkit"]
    assert ":5: invalid thread id 'not-an-id'" in err


def test_items_table_and_exit_codes(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str]
) -> None:
    url, facts, _ = served
    code, out, _ = run(capsys, "items", facts["legacy_thread_ids"][0], "--api-key", "sk-x", "--base-url", url)
    assert code == 0 and "  user  " in out and "that image." in out and "[image https://example.com/receipt.png]" in out
    code, _, err = run(capsys, "get", "thread_missing", "--api-key", "sk-x", "--base-url", url)
    assert (
        code == 1 and err.startswith("threadshim: error: 404") and "request id req_" in err and "Traceback" not in err
    )
    code, _, err = run(capsys, "get", "bogus/id", "--api-key", "sk-x", "--base-url", url)
    assert code == 2 and "invalid thread id" in err
    with pytest.raises(SystemExit) as usage:
        main(["get"])
    assert usage.value.code == 2


def test_export_is_lossless_reports_failures_and_resumes_after_a_torn_line(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, emulator = served
    ids = tmp_path / "ids.txt"
    legacy = facts["legacy_thread_ids"]
    ids.write_text("\n".join([legacy[0], legacy[0], "thread_gone", "cthr_abc", *legacy[1:]]) + "\n")
    out = tmp_path / "export.jsonl"
    common = ["--ids", str(ids), "--out", str(out), "--api-key", "sk-x", "--base-url", url]
    code, stdout, _ = run(capsys, "export", *common)
    assert code == 1 and "exported 4" in stdout and "not found 1" in stdout and "duplicates 1" in stdout
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in records) == sorted(legacy)
    first = next(r for r in records if r["id"] == legacy[0])
    assert first["thread"] == emulator.store.get("thread", legacy[0])
    assert first["messages"] == emulator.store.page("message", parent=legacy[0], order="asc").data
    v1 = next(r for r in records if r["id"] == legacy[3])
    assert "file_ids" in v1["messages"][0] and "tool_resources" not in v1["thread"]
    # a crash mid-write: the last line is torn; --resume cuts it and finishes the job
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:40])
    code, stdout, _ = run(capsys, "export", *common)
    assert code == 2
    code, stdout, _ = run(capsys, "export", *common, "--resume")
    assert "already there 2" in stdout
    again = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(again) == sorted(legacy) and len(again) == len(set(again))
    emulator.store.delete("thread", legacy[0])
    code, stdout, _ = run(
        capsys, "items", legacy[0], "--archive", str(out), "--json", "--api-key", "sk-x", "--base-url", url
    )
    assert code == 0 and [json.loads(line)["kind"] for line in stdout.splitlines()][:2] == [
        "user_message",
        "assistant_message",
    ]
    archive = Archive(out)
    assert archive.retrieve(legacy[0]).title == "Refund for order 1182"
    assert next(i.kind for i in archive.items(legacy[0])) == "user_message"


def test_an_unreadable_ids_file_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "export", "--ids", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o.jsonl"), "--api-key", "k"
    )
    assert code == 1 and "nope.txt" in err


def test_demo_runs_end_to_end_in_its_folder_and_its_commands_work_when_copied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "demo"
    code, out, _ = run(capsys, "demo", "--out", str(folder))
    assert code == 0 and "Read back from the archive" in out and "exported 4" in out
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]  # nothing written beside it
    assert {"ids.txt", "legacy.jsonl", "migration.db", "chatkit.db"} <= {p.name for p in folder.iterdir()}
    block = out[out.index("Try it yourself") :].splitlines()
    assert "    threadshim serve --seed demo --deterministic" in block and f"    cd {folder}" in block
    commands = [line.split()[1:] for line in block if line.startswith("    threadshim ") and "serve" not in line]
    assert len(commands) == 4
    emulator = Emulator(deterministic=True)
    seed_demo(emulator)  # what `threadshim serve --seed demo --deterministic` holds
    monkeypatch.chdir(folder)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-demo")
    with EmulatorServer(emulator) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        for command in commands:
            assert run(capsys, *command)[0] == 0, command
    code, _, err = run(capsys, "demo", "--out", str(folder))
    assert code == 2 and "must be a new or empty folder" in err


def test_no_api_key_is_bad_usage_exit_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    code, _, err = run(capsys, "get", "thread_abc")
    assert code == 2 and "OPENAI_API_KEY" in err and err.count("\n") == 1
