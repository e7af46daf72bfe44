"""Refusing an output path that names an input (or another output) before anything is written.

A migration or an export reads files a team may hold no other copy of (the archive, the ids file,
the journal, a store); writing a report or an export over one of them would lose it. Paths are
compared as the files they resolve to (``..``, the working folder and symbolic links followed;
hard links caught when both exist), never as strings.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._errors import PathClash


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: resolved alike, or (both existing) the same inode."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.exists(first) and os.path.exists(second) and os.path.samefile(first, second)
    except OSError:
        return False


def refuse_clashes(inputs: dict[str, Path | None], outputs: dict[str, Path | None]) -> None:
    """Raise :class:`PathClash` when an output is a folder, is in a folder that is not there, is one of the
    ``inputs``, or is another output: said before any work, not when the output is written at the end.

    Both maps are keyed by what a person would call the file (``"--archive"``, ``"the journal"``).
    """
    named_outputs = [(name, path) for name, path in outputs.items() if path is not None]
    for name, path in named_outputs:
        if path.is_dir():
            raise PathClash(f"{name} {path} is a folder; name a file")
        if not path.absolute().parent.is_dir():
            raise PathClash(f"{name} {path}: the folder {path.parent} does not exist; make it, or write elsewhere")
    for name, path in named_outputs:
        for other, given in inputs.items():
            if given is not None and same_file(path, given):
                raise PathClash(
                    f"{name} {path} is {other} ({given}): writing there would overwrite it; name another file"
                )
    for number, (name, path) in enumerate(named_outputs):
        for other, given in named_outputs[number + 1 :]:
            if same_file(path, given):
                raise PathClash(f"{name} {path} is also {other} ({given}); give each its own file")


def sqlite_file(url: str | None) -> Path | None:
    """The file a ``sqlite:///…`` store URL names, for comparing paths (the store itself checks the URL)."""
    if url is None or not url.startswith("sqlite:///") or len(url) == len("sqlite:///"):
        return None
    return Path(url[len("sqlite:///") :])
