"""Regenerate generated/ from openapi.yaml, or check that the committed copy is current.

``python codegen/generate.py`` rewrites ``generated/``; ``--check`` generates into a temporary
folder and fails on any warning or any byte that differs from what is committed. ``--spec`` and
``--out`` let a pipeline generate from its own copy of the spec into a folder of its choosing.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODEGEN = ROOT / "codegen"
COMMITTED = ROOT / "generated"
_NOISE = {".ruff_cache", "__pycache__"}


def generate(out: Path, spec: Path = ROOT / "openapi.yaml") -> None:
    """Run the pinned generator on ``spec`` into ``out`` (replaced whole); exit on any warning or error."""
    env = dict(os.environ)
    env["THREADSHIM_CODEGEN"] = str(CODEGEN)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    if out.exists():
        shutil.rmtree(out)
    command = [
        str(Path(sys.executable).parent / "openapi-python-client"),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CODEGEN / "config.yaml"),
        "--custom-template-path",
        str(CODEGEN / "templates"),
        "--meta",
        "pdm",
        "--output-path",
        str(out),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    log = (result.stdout + result.stderr).strip()
    noisy = [line for line in log.splitlines() if line.strip() and not line.startswith("Generating ")]
    if result.returncode != 0 or noisy:
        sys.exit(f"openapi-python-client did not generate cleanly:\n{log}")
    for noise in _NOISE:
        for path in list(out.rglob(noise)):
            shutil.rmtree(path)


def differences(left: Path, right: Path) -> list[str]:
    """List the relative paths whose presence or bytes differ between two trees."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        for name in cmp.left_only + cmp.right_only:
            if name not in _NOISE:
                found.append(prefix + name)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            if name not in _NOISE:
                walk(sub, prefix + name + "/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


def main() -> None:
    """Regenerate, or with ``--check`` compare against the committed tree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the output is not what the spec gives")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml", help="the OpenAPI document to read")
    parser.add_argument("--out", type=Path, default=COMMITTED, help="the folder to generate (replaced whole)")
    args = parser.parse_args()
    if not args.spec.is_file():
        sys.exit(f"no spec at {args.spec}: pass --spec PATH to an OpenAPI document")
    if not args.check:
        generate(args.out.resolve(), args.spec.resolve())
        print(f"generated {args.out}/ from {args.spec}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "generated"
        generate(fresh, args.spec.resolve())
        drift = differences(args.out, fresh)
    if drift:
        sys.exit(f"{args.out}/ differs from what {args.spec} gives (run `make generate`):\n  " + "\n  ".join(drift))
    print(f"{args.out}/ is current: no warnings, no drift")


if __name__ == "__main__":
    main()
