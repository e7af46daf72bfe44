"""What a person meets at the command line: every careless input gets one clear line and the documented exit code."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from threadshim._lock import exclusive
from threadshim.cli import main
from threadshim.testing import Emulator, EmulatorServer, Faults, seed_legacy_bulk

KEY = ["--api-key", "sk-x"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's own usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    """The one error line (progress lines, which start with a count, aside)."""
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("exported ")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("order", ["oldest first", "newest first", "shuffled"])
def test_list_merges_legacy_ids_correctly_whatever_the_files_order(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path, order: str
) -> None:
    url, facts, _ = served
    ids = list(facts["legacy_thread_ids"])
    ids = {"oldest first": ids, "newest first": ids[::-1], "shuffled": [ids[2], ids[0], ids[3], ids[1]]}[order]
    path = tmp_path / "ids.txt"
    path.write_text("\n".join(ids) + "\n")
    code, out, _ = run(capsys, "list", "--legacy-ids", str(path), "--json", "--base-url", url, *KEY)
    stamps = [json.loads(line)["created_at"] for line in out.splitlines()]
    assert code == 0 and len(stamps) == 9 and stamps == sorted(stamps, reverse=True)


def test_a_second_export_into_the_same_file_is_refused(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(facts["legacy_thread_ids"]) + "\n")
    out = tmp_path / "out.jsonl"
    with exclusive(out):  # as if another export were running
        code, _, err = run(capsys, "export", "--ids", str(ids), "--out", str(out), "--base-url", url, *KEY)
    assert code == 1 and f"being written by another export (process {os.getpid()})" in _one_line(err)
    assert not out.exists() or not out.read_text()
    code, _, _ = run(capsys, "export", "--ids", str(ids), "--out", str(out), "--base-url", url, *KEY)
    assert code == 0 and len(out.read_text().splitlines()) == 4


@pytest.mark.parametrize(
    "content", [bytes(range(256)) * 4, b"thread_abc\nthread_def\n", b'{"not": "an export"}\n', b"\x89PNG\r\n"]
)
def test_archive_refuses_a_file_that_is_not_an_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(content)
    code, _, err = run(capsys, "items", "thread_abc", "--archive", str(junk))
    assert code == 2 and "is not a threadshim export" in _one_line(err)
    assert not (tmp_path / "junk.jsonl.index").exists()
    code, _, err = run(capsys, "verify", str(junk))
    assert code == 2 and "is not a threadshim export" in _one_line(err)


def _exported(served: tuple[str, dict[str, Any], Emulator], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(facts["legacy_thread_ids"]) + "\n")
    out = tmp_path / "out.jsonl"
    assert run(capsys, "export", "--ids", str(ids), "--out", str(out), "--base-url", url, *KEY)[0] == 0
    return out


def test_damage_in_an_archive_is_reported_never_hidden(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = _exported(served, tmp_path, capsys)
    code, stdout, _ = run(capsys, "verify", str(out))
    assert code == 0 and "4 threads, 8 messages, no damage" in stdout
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0] + b"{garbage\n" + lines[1] + lines[1] + lines[2] + lines[3][:50])
    code, stdout, _ = run(capsys, "verify", str(out))
    assert code == 1 and "3 threads" in stdout and "damaged line(s) holding no thread (2)" in stdout
    assert "id(s) on more than one line" in stdout and "torn last line" in stdout
    duplicate = json.loads(lines[1])["id"]
    assert f"({duplicate} on lines 3, 4; the first copy is read)" in stdout  # the details themselves
    assert "run `threadshim verify" not in stdout  # verify does not send you to verify
    code, stdout, err = run(capsys, "list", "--archive", str(out), "--json")
    assert code == 0 and len(stdout.splitlines()) == 3  # offline: the archive's three whole threads
    assert "threadshim: warning:" in err and "damaged line(s)" in err and "verify" in err


def test_an_ids_file_with_a_byte_order_mark_keeps_its_first_id(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_bytes(b"\xef\xbb\xbf" + "\n".join(facts["legacy_thread_ids"][:2]).encode() + b"\n")
    code, stdout, err = run(
        capsys, "export", "--ids", str(ids), "--out", str(tmp_path / "o.jsonl"), "--base-url", url, *KEY
    )
    assert code == 0 and "exported 2," in stdout and "malformed lines 0" in stdout and "invalid" not in err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "holds no thread ids"),
        (b"\n  \n", "holds no thread ids"),
        (gzip.compress(b"thread_abc\n"), "gzip-compressed"),
        ("thread_abc\n".encode("utf-16"), "UTF-16"),
        (b"thread_abc\n\xff\xfe\xfa\n", "not UTF-8 text (byte 11"),
        (b"thread_abc\x00\x00\n", "binary file"),
    ],
)
def test_an_unusable_ids_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, says: str
) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_bytes(content)
    code, _, err = run(capsys, "export", "--ids", str(ids), "--out", str(tmp_path / "o.jsonl"), *KEY)
    assert code == 2 and says in _one_line(err)


def test_a_full_disk_is_one_line_with_what_to_do_and_no_success_line(
    served: tuple[str, dict[str, Any], Emulator],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from threadshim._writer import GroupWriter

    def full(self: GroupWriter, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(GroupWriter, "_commit", full)
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(facts["legacy_thread_ids"]) + "\n")
    code, stdout, err = run(
        capsys, "export", "--ids", str(ids), "--out", str(tmp_path / "o.jsonl"), "--base-url", url, *KEY
    )
    line = _one_line(err)
    assert code == 1 and "No space left on device" in line and "--resume" in line
    assert "exported" not in stdout.split("\n")[-2:][0] or "already there" not in stdout


def test_ctrl_c_during_an_export_is_one_line_and_exit_130(tmp_path: Path) -> None:
    emulator = Emulator(faults=Faults(latency=0.05))
    ids = seed_legacy_bulk(emulator, 200, 2)["legacy_thread_ids"]
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text("\n".join(ids) + "\n")
    out = tmp_path / "out.jsonl"
    with EmulatorServer(emulator) as server:
        command = [sys.executable, "-m", "threadshim.cli", "export", "--ids", str(ids_file), "--out", str(out)]
        process = subprocess.Popen(
            [*command, "--base-url", server.base_url, *KEY], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 120  # a loaded machine may start slowly: interrupt once the export has begun
        while not (out.exists() and out.stat().st_size) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr
        lines = [line for line in stderr.splitlines() if line.startswith("threadshim")]
        assert lines == [
            "threadshim: interrupted; what was written is kept. re-run the same command with --resume to finish."
        ]
        assert "CancelledError" not in stderr and "Traceback" not in stderr and "already there" not in stdout
        finished = subprocess.run(
            [*command, "--base-url", server.base_url, *KEY, "--resume"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert finished.returncode == 0, finished.stderr
    exported = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(exported) == sorted(ids)


def test_messages_speak_to_cli_users(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", "--ids", "x", "--out", "y", "--concurrency", "abc")
    assert code == 2 and "expected a whole number, got 'abc'" in err and "_whole" not in err and "_positive" not in err
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    code, _, err = run(capsys, "get", "thread_abc")
    assert code == 2 and "--api-key" in _one_line(err)
    code, _, err = run(capsys, "get", "thread_abc", "--base-url", "http://127.0.0.1:9/v1", "--max-retries", "0", *KEY)
    assert code == 1 and "127.0.0.1:9" in _one_line(err)
    code, _, err = run(capsys, "export", "--ids", "x", "--out", "y", "--json", *KEY)
    assert code == 2 and "unrecognized arguments: --json" in err


def test_a_base_url_without_v1_gets_a_hint(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str]
) -> None:
    url, facts, _ = served
    code, _, err = run(capsys, "get", facts["legacy_thread_ids"][0], "--base-url", url.removesuffix("/v1"), *KEY)
    assert code == 1 and "usually ends in /v1" in _one_line(err)


def test_version_help_and_options(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str]
) -> None:
    url, facts, _ = served
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("threadshim 0.1.0")
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "(default: 8)" in out and "--max-retries" in out and "--timeout" in out
    ids = [facts["legacy_thread_ids"][0], "thread_deleted"]
    with pytest.MonkeyPatch.context():
        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"ids-{os.getpid()}.txt"
        path.write_text("\n".join(ids) + "\n")
        code, _, err = run(capsys, "list", "--legacy-ids", str(path), "--base-url", url, *KEY)
        assert code == 1 and "404" in err
        code, out, _ = run(
            capsys,
            "list",
            "--legacy-ids",
            str(path),
            "--skip-missing",
            "--json",
            "--base-url",
            url,
            "--timeout",
            "5",
            *KEY,
        )
        path.unlink()
    assert code == 0 and facts["legacy_thread_ids"][0] in out


def test_items_json_carries_every_field(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str]
) -> None:
    url, facts, _ = served
    code, out, _ = run(capsys, "items", facts["legacy_thread_ids"][0], "--json", "--base-url", url, *KEY)
    second = json.loads(out.splitlines()[1])
    assert code == 0 and second["source"] == "assistants" and second["role"] == "assistant"
    assert [c["type"] for c in second["content"]] == ["text", "image_file"]
    assert second["annotations"][0]["type"] == "file_citation" and second["attachments"][0]["tools"] == [
        "code_interpreter"
    ]
    assert second["raw"]["id"] == second["id"]


def test_reading_only_the_archive_needs_no_key_and_no_network(
    served: tuple[str, dict[str, Any], Emulator],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = _exported(served, tmp_path, capsys)
    _, facts, _ = served
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    nowhere = ["--base-url", "http://127.0.0.1:9/v1"]
    for argv in (["get", facts["legacy_thread_ids"][0]], ["items", facts["legacy_thread_ids"][0]], ["list"]):
        code, stdout, err = run(capsys, *argv, "--archive", str(out), "--json", *nowhere)
        assert code == 0 and stdout and "only the archive is read" in err
    code, _, err = run(capsys, "get", facts["chatkit_thread_ids"][0], "--archive", str(out), *nowhere)
    assert code == 2 and "needs an API key" in err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_on_a_busy_port_is_one_line_and_exit_1() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "threadshim.cli", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode == 1 and result.stdout == ""
    assert f"cannot listen on 127.0.0.1:{port}" in _one_line(result.stderr)


def test_serve_announces_after_binding_and_lists_what_it_seeded() -> None:
    import httpx

    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "threadshim.cli", "serve", "--seed", "demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0].startswith("seeded 4 legacy threads: thread_") and lines[1].startswith(
            "seeded 5 chatkit threads: cthr_"
        )
        assert lines[3].startswith(f"emulator on http://127.0.0.1:{port}/v1")
        seeded = httpx.get(f"http://127.0.0.1:{port}/_emulator/seeded").json()  # listening already
        assert seeded["legacy_thread_ids"] == lines[0].split(": ")[1].split()
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_a_huge_concurrency_with_few_ids_finishes(
    served: tuple[str, dict[str, Any], Emulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, facts, _ = served
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(facts["legacy_thread_ids"]) + "\n")
    out = tmp_path / "o.jsonl"
    code, stdout, _ = run(
        capsys, "export", "--ids", str(ids), "--out", str(out), "--concurrency", "100000", "--base-url", url, *KEY
    )
    assert code == 0 and "exported 4," in stdout
