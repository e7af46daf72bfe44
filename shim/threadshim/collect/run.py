"""``collect``: whatever a team saved of its legacy threads, made into one threadshim export the move can use.

Inputs are read in the order given (see ``containers``, ``objects`` and ``rows``), grouped on disk
(``pile``), and written as an export (``_exportformat``: the same file ``threadshim export`` writes)
to a temporary file renamed over ``out`` only when complete, with the report beside it. The same
inputs give the same bytes: threads by ``created_at`` then id, each line's ``exported_at`` the
newest time the thread holds (no clock is read).
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, TextIO

from .._errors import PathClash
from .._exportformat import encode
from .._mapping import item_from_message, thread_from_assistants, timestamp
from .._paths import refuse_clashes, same_file
from .._progress import Progress
from .containers import Found, Invalid, files_in, read_file
from .objects import pieces
from .pile import Pile, canonical
from .report import CollectSummary, aside_path, report_path, write_report

Source = Iterable[Found | Invalid]
_EPOCH = datetime.fromtimestamp(0, timezone.utc)


def collect(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    rows: Sequence[Source] = (),
    expect: Sequence[str] | None = None,
    progress: TextIO | None = None,
) -> CollectSummary:
    """Collect the threads and messages in ``paths`` (and ``rows``, from :mod:`.rows`) into the export ``out``.

    ``expect``: the legacy ids you hold; those no saved data covers are listed as missing. Nothing
    is written to ``out`` unless the run completes; the report goes to ``OUT.collect.json`` and
    objects kept aside to ``OUT.aside.jsonl``. :class:`PathClash` when ``out`` is an input or
    inside an input folder. ``progress``: where to show files read and threads written (a bar on a
    terminal, plain lines otherwise).
    """
    out = Path(out)
    _refuse(paths, out)
    summary = CollectSummary(out=out)
    scratch = Path(tempfile.mkdtemp(prefix="threadshim-collect-"))
    pile = Pile(scratch)
    try:
        with (scratch / "aside.jsonl").open("w", encoding="utf-8") as aside:
            files = files_in(paths)
            meter = Progress(len(files), progress or io.StringIO(), verb="files read")
            try:
                for file in files:
                    _take([file] if isinstance(file, Invalid) else read_file(Path(file)), pile, aside, summary)
                    meter.advance()
            finally:
                meter.close()
            for source in rows:
                _take(source, pile, aside, summary)
        summary.duplicates, summary.conflicts = pile.duplicates, pile.conflicts
        if summary.kept_aside:
            summary.aside_file = aside_path(out)
            os.replace(scratch / "aside.jsonl", summary.aside_file)
        _write(pile, out, summary, progress or io.StringIO())
        if expect is not None:
            summary.missing = [legacy_id for legacy_id in dict.fromkeys(expect) if not pile.holds(legacy_id)]
    finally:
        pile.close()
        shutil.rmtree(scratch, ignore_errors=True)
    write_report(summary)
    return summary


def _refuse(paths: Sequence[str | os.PathLike[str]], out: Path) -> None:
    inputs: dict[str, Path | None] = {f"the input {p}": Path(p) for p in paths}
    refuse_clashes(inputs, {"--out": out, "the report": report_path(out), "the side file": aside_path(out)})
    for given in map(Path, paths):
        if given.is_dir() and any(same_file(parent, given) for parent in out.resolve().parents):
            raise PathClash(
                f"--out {out} is inside the input folder {given}: a second run would read it back; write it elsewhere"
            )


def _take(source: Source, pile: Pile, aside: IO[str], summary: CollectSummary) -> None:
    for found in source:
        if isinstance(found, Invalid):
            summary.invalid.append(found)
            continue
        for piece in pieces(found.value, found.place):
            summary.records += 1
            if piece.kind == "thread":
                pile.add_thread(piece.value, piece.place, synthesized=found.synthesized)
            elif piece.kind == "message":
                pile.add_message(piece.value, piece.place)
            elif piece.kind == "aside":
                kind = str(piece.value.get("object"))
                summary.kept_aside[kind] = summary.kept_aside.get(kind, 0) + 1
                aside.write(canonical({"place": piece.place, "object": piece.value}) + "\n")
            elif piece.kind == "invalid":
                summary.invalid.append(Invalid(piece.place, piece.reason))


def _write(pile: Pile, out: Path, summary: CollectSummary, stream: TextIO) -> None:
    """Write every thread beside ``out``, then rename it over ``out`` (when it holds any).

    The file is made in ``out``'s own folder, so the rename is atomic and nothing is copied twice; an
    interrupted write removes it.
    """
    meter = Progress(pile.count(), stream, verb="threads written")
    partial = out.with_name(f".{out.name}.collecting")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for thread_id in pile.thread_ids():  # read as they are written: memory stays flat
                meter.advance()
                raw, synthesized = pile.thread(thread_id)
                messages = list(pile.messages(thread_id))
                if synthesized:
                    summary.synthesized.append(thread_id)
                handle.write(encode(thread_from_assistants(raw), [item_from_message(m) for m in messages],
                                    _newest(raw, messages), synthesized=synthesized))  # fmt: skip
                summary.threads += 1
                summary.messages += len(messages)
            handle.flush()
            os.fsync(handle.fileno())
        if summary.threads:
            os.replace(partial, out)
    finally:
        meter.close()
        partial.unlink(missing_ok=True)


def _newest(thread: dict[str, Any], messages: list[dict[str, Any]]) -> datetime:
    """The newest time the thread holds (its own, its messages'), or the epoch when it holds none."""
    found = (timestamp(value) for value in (thread.get("created_at"), *(m.get("created_at") for m in messages)))
    return max((moment for moment in found if moment is not None), default=_EPOCH)
