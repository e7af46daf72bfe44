"""The first minutes with the CLI: `python -m threadshim`, a closed pipe, a missing extra, and help that reads well."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from threadshim.cli import build_parser
from threadshim.testing import Emulator, seed_named

from ..migrate.conftest import archive_of


def _threadshim(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "threadshim", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, **options)  # type: ignore[call-overload,no-any-return]


def test_python_dash_m_threadshim_is_the_command() -> None:
    ran = _threadshim("--version")
    assert ran.returncode == 0 and ran.stdout.startswith("threadshim ")


def test_a_reader_that_closes_the_pipe_gets_a_quiet_exit(tmp_path: Path) -> None:
    emulator = Emulator()
    archive = archive_of(emulator, seed_named(emulator, "legacy:400x1")["legacy_thread_ids"], tmp_path / "l.jsonl")
    command = [sys.executable, "-m", "threadshim", "list", "--archive", str(archive), "--json"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()  # like `| head -1`
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=60) == 0 and first.startswith('{"id": "thread_')
    assert error == "threadshim: note: no API key, so only the archive is read\n"  # no "Broken pipe"


def test_a_missing_extra_is_one_line_naming_it(tmp_path: Path) -> None:
    archive = tmp_path / "l.jsonl"
    archive.write_text("")
    program = (
        "import sys; sys.modules['chatkit'] = None; from threadshim.cli import main; "
        f"sys.exit(main(['migrate', '--to', 'chatkit', '--store', 'sqlite:///s.db', '--journal', 'j.db', "
        f"'--archive', {str(archive)!r}]))"
    )
    ran = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert ran.returncode == 2 and ran.stderr.count("\n") == 1
    assert ran.stderr.startswith("threadshim: error: threadshim.chatkit needs the chatkit extra")
    assert "pip install 'threadshim[chatkit]'" in ran.stderr


def _helps() -> dict[str, str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert isinstance(commands, dict)
    return {"": parser.format_help(), **{name: command.format_help() for name, command in commands.items()}}


@pytest.mark.parametrize("name", sorted(_helps()))
def test_help_shows_a_default_once_and_never_none(name: str) -> None:
    text = " ".join(_helps()[name].split())
    assert "(default: None)" not in text and "``" not in text
    assert text.count("(default:") == text.count("(default: ") and "(default: 8) (default" not in text
    for line in _helps()[name].splitlines():
        assert line.count("(default:") <= 1, line


def test_the_top_level_help_names_every_command() -> None:
    text = _helps()[""]
    for command in ("get", "list", "items", "export", "verify", "migrate", "serve", "demo"):
        assert f"    {command} " in text, command
