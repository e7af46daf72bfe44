"""A bounded Schemathesis run against the served emulator with the project's spec (``make fuzz`` runs longer)."""

from __future__ import annotations

import re
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
    # The summary's "Test cases:" line counts them: "N generated, N passed, K skipped"; a failure or an
    # error adds a count of its own there. Warnings (say, an operation that met only 401s on a loaded
    # machine's short budget) are not failures and stay out of this check.
    counts = re.search(r"Test cases:\s*\n\s*(?P<line>[^\n]+)", result.stdout)
    assert counts is not None, f"no summary of test cases:\n{tail}"
    generated = re.search(r"(\d+) generated, (\d+) passed", counts["line"])
    assert generated is not None and generated[1] == generated[2] and int(generated[1]) > 0, counts["line"]
    assert "failed" not in counts["line"] and "errored" not in counts["line"], counts["line"]
