"""Careless commands that used to overwrite, duplicate or silently skip a team's threads: each refused in one line.

Every test runs the real CLI against a served emulator (or a refused port) and checks the exit code,
the one line, and that nothing was written where it must not be.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from threadshim.cli import main
from threadshim.testing import Emulator, EmulatorServer, seed_named

from ..migrate.conftest import archive_of, conversations

KEY = "sk-slips-test"


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Emulator, str, Path]]:
    """A served emulator, an archive of 6 of its legacy threads (removed from the API), and the key in the env."""
    emulator = Emulator(api_keys={KEY, "sk-test"})  # sk-test: the key archive_of exports with
    ids = seed_named(emulator, "legacy:6x3")["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.chdir(tmp_path)
    with EmulatorServer(emulator) as server:
        yield emulator, server.base_url, archive


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _migrate(base: str, archive: Path, journal: str, *more: str) -> list[str]:
    return [
        "migrate",
        "--to",
        "conversations",
        "--base-url",
        base,
        "--archive",
        str(archive),
        "--journal",
        journal,
        *more,
    ]


@pytest.mark.parametrize(
    ("report", "named"),
    [("legacy.jsonl", "the archive"), ("m.db", "the journal"), ("./sub/../legacy.jsonl", "the archive")],
)
@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]])
def test_a_report_that_names_an_input_is_refused_and_the_input_is_untouched(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str], report: str, named: str, dry_run: list[str]
) -> None:
    emulator, base, archive = world
    (archive.parent / "sub").mkdir()
    before = archive.read_bytes()
    code, _, err = _run(capsys, *_migrate(base, archive, "m.db", "--report", report, *dry_run))
    assert code == 2
    assert err.startswith(f"threadshim: error: the report {Path(report)} is {named} (") and err.count("\n") == 1
    assert "writing there would overwrite it; name another file" in err
    assert archive.read_bytes() == before and not Path("m.db").exists() and conversations(emulator) == []


def test_a_report_through_a_symlink_or_a_folder_is_refused(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, archive = world
    Path("link.json").symlink_to(archive)
    code, _, err = _run(capsys, *_migrate(base, archive, "m.db", "--report", "link.json"))
    assert code == 2 and "the report link.json is the archive" in err
    Path("reports").mkdir()
    code, _, err = _run(capsys, *_migrate(base, archive, "m.db", "--report", "reports"))
    assert (code, err) == (2, "threadshim: error: the report reports is a folder; name a file\n")


def test_a_journal_that_is_the_archive_is_refused(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, archive = world
    before = archive.read_bytes()
    code, _, err = _run(capsys, *_migrate(base, archive, str(archive)))
    assert code == 2 and f"the journal {archive} is the archive" in err and archive.read_bytes() == before


def test_a_dry_run_writes_its_own_report_and_says_would_migrate(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, archive = world
    assert _run(capsys, *_migrate(base, archive, "m.db"))[0] == 0
    real = Path("m.db.report.json").read_text()
    code, out, _ = _run(capsys, *_migrate(base, archive, "m.db", "--dry-run"))
    assert code == 0 and "would migrate 0" in out and "already done 6" in out
    assert Path("m.db.report.json").read_text() == real
    dry = json.loads(Path("m.db.dry-run.json").read_text())
    assert dry["dry_run"] and dry["summary"]["would_migrate"] == 0 and "migrated" not in dry["summary"]


def test_export_out_that_is_the_ids_file_or_not_an_export_is_refused(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, _ = world
    Path("ids.txt").write_text("thread_" + "a" * 24 + "\n")
    before = Path("ids.txt").read_text()
    for resume in ([], ["--resume"]):
        code, _, err = _run(capsys, "export", "--base-url", base, "--ids", "ids.txt", "--out", "ids.txt", *resume)
        assert code == 2 and "--out ids.txt is the ids file (ids.txt)" in err and Path("ids.txt").read_text() == before
    Path("notes.md").write_text("# my notes\n")
    for resume in ([], ["--resume"]):
        code, _, err = _run(capsys, "export", "--base-url", base, "--ids", "ids.txt", "--out", "notes.md", *resume)
        assert code == 2 and err == (
            "threadshim: error: notes.md exists and is not a threadshim export; name a new file for the export\n"
        )
    assert Path("notes.md").read_text() == "# my notes\n"
    Path("out").mkdir()
    code, _, err = _run(capsys, "export", "--base-url", base, "--ids", "ids.txt", "--out", "out")
    assert (code, err) == (2, "threadshim: error: --out out is a folder; name a file\n")


def test_an_ids_file_with_no_valid_id_exits_2(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, _ = world
    Path("ids.txt").write_text("hello\nconv_abc\n")
    code, _, err = _run(capsys, "export", "--base-url", base, "--ids", "ids.txt", "--out", "x.jsonl")
    assert code == 2 and err.startswith(
        "threadshim: error: ids.txt holds no valid thread id (2 line(s) refused; line 1:"
    )
    assert err.endswith("); put one id on each line\n") and err.count("\n") == 1
    assert not Path("x.jsonl").exists()


def test_a_second_journal_for_the_same_archive_and_target_is_refused(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, base, archive = world
    assert _run(capsys, *_migrate(base, archive, "J1.db"))[0] == 0
    code, _, err = _run(capsys, *_migrate(base, archive, "J2.db"))
    first = os.path.realpath("J1.db")
    assert code == 2 and err.count("\n") == 1
    assert f"legacy.jsonl was migrated to conversations {base} (organization none, project none)" in err
    assert f"with the journal {first}; continue with --journal {first}" in err and "--new-journal" in err
    assert len(conversations(emulator)) == 6 and not Path("J2.db").exists()
    code, out, _ = _run(capsys, *_migrate(base, archive, "J2.db", "--new-journal"))
    assert code == 0 and "migrated 6" in out and len(conversations(emulator)) == 12  # on purpose, as documented
    code, out, _ = _run(capsys, *_migrate(base, archive, "J2.db"))  # the new journal is now the archive's
    assert code == 0 and "already done 6" in out


def test_a_journal_made_against_one_server_is_refused_against_another(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, staging, archive = world
    assert _run(capsys, *_migrate(staging, archive, "J.db"))[0] == 0
    production = Emulator()
    with EmulatorServer(production) as server:
        code, _, err = _run(capsys, *_migrate(server.base_url, archive, "J.db", "--new-journal"))
        assert code == 2 and err.count("\n") == 1
        assert f"records a migration to conversations {staging} (organization none, project none), " in err
        assert f"not to {server.base_url} (organization none, project none)" in err
        assert conversations(production) == []
        code, _, err = _run(capsys, *_migrate(staging, archive, "J.db", "--dry-run"))
        assert code == 0
    os.environ["OPENAI_PROJECT_ID"] = "proj_other"
    try:
        code, _, err = _run(capsys, *_migrate(staging, archive, "J.db"))
    finally:
        del os.environ["OPENAI_PROJECT_ID"]
    assert code == 2 and "not to " + staging + " (organization none, project proj_other)" in err


def test_connection_refused_stops_at_once_with_nothing_written(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, archive = world
    code, out, err = _run(capsys, *_migrate("http://127.0.0.1:1/v1", archive, "m.db"))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("threadshim: error: cannot reach http://127.0.0.1:1/v1 (could not connect")
    assert err.rstrip().endswith("nothing was sent") and not Path("m.db").exists()


def test_a_base_url_without_v1_stops_with_the_hint(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, base, archive = world
    code, _, err = _run(capsys, *_migrate(base.removesuffix("/v1"), archive, "m.db"))
    assert code == 1 and err.count("\n") == 1 and "does not serve the Conversations API" in err
    assert "the base URL usually ends in /v1" in err and not Path("m.db").exists() and conversations(emulator) == []


def test_a_wrong_key_stops_at_once(world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    emulator, base, archive = world
    code, _, err = _run(capsys, *_migrate(base, archive, "m.db", "--api-key", "gw-not-a-key-the-server-knows"))
    assert code == 1 and err.count("\n") == 1 and "refused the key (401" in err and "nothing was sent" in err
    assert "gw-not-a-key" not in err and not Path("m.db").exists() and conversations(emulator) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--title-key", "name"], "--title-key applies to --to chatkit, not --to conversations"),
        (["--workers", "4"], "--workers applies to --to chatkit or --to agents, not --to conversations"),
        (["--group", "10"], "--group applies to --to chatkit, not --to conversations"),
        (["--store", "sqlite:///s.db"], "--store applies to --to chatkit, not --to conversations"),
    ],
)
def test_an_option_of_the_other_target_is_refused(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    _, base, archive = world
    code, _, err = _run(capsys, *_migrate(base, archive, "m.db", *extra))
    assert (code, err) == (2, f"threadshim: error: {message}\n")


def test_a_damaged_line_is_a_failed_thread_announced_once(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, base, archive = world
    lines = archive.read_bytes().split(b"\n")
    damaged_id = json.loads(lines[1])["id"]
    lines[1] = lines[1][:40] + b"\xff" + lines[1][41:]  # a byte edited by hand: no longer UTF-8 JSON
    archive.write_bytes(b"\n".join(lines))
    code, out, err = _run(capsys, *_migrate(base, archive, "m.db"))
    assert code == 1 and "migrated 5" in out and "failed 1" in out
    warnings = [line for line in err.splitlines() if line.startswith("threadshim: warning:")]
    assert len(warnings) == 1 and "1 damaged line(s) holding no thread (2)" in warnings[0]
    assert f"threadshim: {damaged_id} (line 2 of {archive}) failed: a damaged line that holds no thread" in err
    report = json.loads(Path("m.db.report.json").read_text())
    assert report["failed"] == [
        {
            "id": f"{damaged_id} (line 2 of {archive})",
            "error": "a damaged line that holds no thread; restore it from a copy",
        }
    ]
    assert len(conversations(emulator)) == 5


def test_a_torn_archive_is_not_would_migrate_everything(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, archive = world
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 30])  # the last line cut off
    code, out, err = _run(capsys, *_migrate(base, archive, "m.db", "--dry-run"))
    assert code == 1 and "would migrate 5" in out and "failed 1" in out
    assert f"(line 6 of {archive}) failed: a torn last line (the export was cut off)" in err


def test_list_with_a_journal_resolves_like_get_and_keeps_the_legacy_time(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, base, archive = world
    legacy = {t["id"]: t for t in (json.loads(line)["unified"]["thread"] for line in archive.read_text().splitlines())}
    assert _run(capsys, *_migrate(base, archive, "m.db"))[0] == 0
    reader = ["--base-url", base, "--archive", str(archive), "--journal", "m.db", "--json"]
    code, out, _ = _run(capsys, "list", "--order", "asc", *reader)
    listed = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(listed) == 6
    assert all(t["id"].startswith("conv_") and t["legacy_id"] in legacy for t in listed)
    assert [t["created_at"] for t in listed] == sorted(t["created_at"] for t in legacy.values())
    for thread in listed:
        assert thread["created_at"] == legacy[thread["legacy_id"]]["created_at"] and thread["moved_at"]
        code, out, _ = _run(capsys, "get", thread["legacy_id"], *reader)
        assert code == 0 and json.loads(out) == thread


def test_a_wrong_key_stops_an_export_at_once_and_verify_calls_the_empty_file_empty(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, base, _ = world
    ids = seed_named(emulator, "legacy:5x1")["legacy_thread_ids"]
    Path("ids.txt").write_text("\n".join(ids) + "\n")
    args = ["export", "--base-url", base, "--ids", "ids.txt", "--out", "x.jsonl", "--api-key", "gw-wrong-key-123"]
    code, out, err = _run(capsys, *args)
    assert code == 1 and "exported" not in out and err.count("\n") == 1
    assert err.startswith("threadshim: error: 401 Incorrect API key provided") and "gw-wrong-key-123" not in err
    code, out, _ = _run(capsys, "verify", "x.jsonl")
    assert (code, out) == (1, "x.jsonl: 0 threads, 0 messages; it holds no thread (an export that exported nothing)\n")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--concurrency", "4"], "--concurrency applies to --to conversations, not --to chatkit"),
        (["--default-user", ""], "default_user must name something, not ''"),
        (["--default-user", "  "], "default_user must name something, not '  '"),
    ],
)
def test_chatkit_options_are_checked_too(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    _, _, archive = world
    args = ["migrate", "--to", "chatkit", "--store", "sqlite:///s.db", "--archive", str(archive), "--journal", "j.db"]
    code, _, err = _run(capsys, *args, *extra)
    assert (code, err) == (2, f"threadshim: error: {message}\n")
    assert not Path("s.db").exists() and not Path("j.db").exists()


def test_a_damaged_line_in_a_chatkit_import_is_a_failure_announced_once_whatever_the_workers(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, archive = world
    lines = archive.read_bytes().split(b"\n")
    damaged_id = json.loads(lines[3])["id"]
    lines[3] = lines[3][:60] + b"\xff" + lines[3][61:]
    archive.write_bytes(b"\n".join(lines))
    args = ["migrate", "--to", "chatkit", "--store", "sqlite:///s.db", "--archive", str(archive), "--journal", "j.db"]
    code, out, err = _run(capsys, *args, "--workers", "2", "--group", "2")
    assert code == 1 and "migrated 5" in out and "failed 1" in out
    assert len([line for line in err.splitlines() if "warning" in line]) == 1
    assert f"threadshim: {damaged_id} (line 4 of {archive}) failed: a damaged line that holds no thread" in err


def test_a_file_to_write_in_a_folder_that_is_not_there_is_refused_in_one_line_before_any_work(
    world: tuple[Emulator, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    emulator, base, archive = world
    Path("ids.txt").write_text("thread_" + "a" * 24 + "\n")
    before = sorted(p.name for p in Path().iterdir())
    gone = Path("not made") / "x.json"
    slips = [
        ("the report", gone, _migrate(base, archive, "m.db", "--report", str(gone))),
        ("the report", Path(f"{gone}.report.json"), _migrate(base, archive, str(gone))),  # the journal's, beside it
        ("--out", gone, ("export", "--base-url", base, "--ids", "ids.txt", "--out", str(gone))),
        ("--out", gone, ("collect", str(archive), "--out", str(gone))),
        ("--out", gone, ("ids", "--scan", "ids.txt", "--out", str(gone))),
    ]
    for name, path, command in slips:
        code, out, err = _run(capsys, *command)
        assert (code, out) == (2, ""), command
        said = f"{name} {path}: the folder {gone.parent} does not exist; make it, or write elsewhere"
        assert err == f"threadshim: error: {said}\n"
    assert conversations(emulator) == [] and sorted(p.name for p in Path().iterdir()) == before
