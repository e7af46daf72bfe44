"""Post-generation hook: import ``Self`` from typing_extensions so the client runs on Python 3.10.

openapi-python-client 0.29 writes ``from typing import Self`` (Python 3.11+), while threadshim
supports 3.10. Rewriting that one import is the whole difference; ruff then re-sorts imports.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_TYPING_IMPORT = re.compile(r"^from typing import (?P<names>[^\n(]+)$", re.MULTILINE)


def _rewrite(source: str) -> str:
    def replace(match: re.Match[str]) -> str:
        names = [name.strip() for name in match.group("names").split(",")]
        if "Self" not in names:
            return match.group(0)
        rest = [name for name in names if name != "Self"]
        lines = [f"from typing import {', '.join(rest)}"] if rest else []
        lines.append("from typing_extensions import Self")
        return "\n".join(lines)

    return _TYPING_IMPORT.sub(replace, source)


def main(root: Path) -> None:
    """Rewrite every generated module under ``root`` in place."""
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        rewritten = _rewrite(source)
        if rewritten != source:
            path.write_text(rewritten, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
