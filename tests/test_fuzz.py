"""A bounded Schemathesis run against the served emulator with the project's spec (``make fuzz`` runs longer)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(sys.version_info < (3, 11), reason="schemathesis 4 needs Python 3.11 or newer; fuzz runs there")
def test_the_emulator_and_the_spec_agree_under_a_short_fuzz() -> None:
    command = [sys.executable, "-m", "tests.fuzz", "--spec", "project", "--seconds", "40", "--seed", "20261123"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    tail = "\n".join(result.stdout.splitlines()[-60:])
    assert result.returncode == 0, f"schemathesis found failures:\n{tail}\n{result.stderr[-2000:]}"
    assert " passed" in result.stdout and "failed" not in result.stdout.split("SUMMARY")[-1]
