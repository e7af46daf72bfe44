"""Every Python example in README.md and docs/ runs as written, in order, against a served emulator."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from threadshim.cli import main
from threadshim.testing import Emulator, EmulatorServer, seed_named

from tests.conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _examples() -> list[tuple[str, str]]:
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text[: match.start()].count("\n") + 1
            found.append((f"{document.relative_to(ROOT)}:{line}", match.group(1)))
    return found


def test_the_documents_have_examples_to_run() -> None:
    assert len(_examples()) >= 9


def test_every_python_example_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator = Emulator(deterministic=True)
    facts = seed_named(emulator, "readme")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ids.txt").write_text("\n".join(facts["legacy_thread_ids"]) + "\n")
    with EmulatorServer(emulator) as server:
        env = {**os.environ, "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-readme"}
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-readme")
        assert main(["export", "--ids", "ids.txt", "--out", "legacy.jsonl"]) == 0  # as the README says first
        capsys.readouterr()
        for where, code in _examples():
            if "def test_" in code:  # an example test file: run it with pytest, as a user would
                (tmp_path / "test_example.py").write_text(code, encoding="utf-8")
                command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"]
            else:
                command = [sys.executable, "-c", code]
            ran = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
            assert ran.returncode == 0, f"{where}:\n{ran.stdout}\n{ran.stderr}"
