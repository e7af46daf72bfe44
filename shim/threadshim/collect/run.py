"""``collect``: whatever a team saved of its legacy threads, made into one threadshim export the move can use.

Inputs are read in the order given (see ``containers``, ``objects`` and ``rows``), grouped on disk
(``pile``), and written as an export (``_exportformat``: the same file ``threadshim export`` writes)
to a temporary file renamed over ``out`` only when complete, with the report beside it. The same
inputs give the same bytes: threads by ``created_at`` then id, each line's ``exported_at`` the
newest time the thread holds (no clock is read).
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import IO, TextIO

from .._errors import FileProblem, PathClash
from .._paths import refuse_clashes, same_file
from .._progress import Progress
from .._workers import worker_pool
from .containers import Found, Invalid, walk_files
from .fanout import ahead, read_all
from .lines import lines, lines_into
from .pile import Pile
from .records import AsideRecord, MessageRecord, Record, Tally, ThreadRecord, records
from .report import CollectSummary, aside_path, report_path, write_report
from .units import Files, Part, Unit, size_of, units
from .writer import Writer

Source = Iterable[Found | Invalid]
PARALLEL_BYTES = 64 << 20
"""Inputs of this many bytes or more are read by worker processes (when ``workers`` is not given)."""
AHEAD = 4
"""Units read ahead for each worker."""


def collect(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    rows: Sequence[Source] = (),
    expect: Sequence[str] | None = None,
    progress: TextIO | None = None,
    workers: int | None = None,
) -> CollectSummary:
    """Collect the threads and messages in ``paths`` (and ``rows``, from :mod:`.rows`) into the export ``out``.

    ``expect``: the legacy ids you hold; those no saved data covers are listed as missing. Nothing
    is written to ``out`` unless the run completes; the report goes to ``OUT.collect.json`` and
    objects kept aside to ``OUT.aside.jsonl``. :class:`PathClash` when ``out`` is an input or
    inside an input folder. ``progress``: where to show files read and threads written (a bar on a
    terminal, plain lines otherwise). ``workers``: processes that read the files beside this one
    (the same archive either way); by default one per CPU, at most 4, when the inputs hold 64 MiB
    or more, else none.
    """
    out = Path(out)
    _refuse(paths, out)
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 0):
        raise ValueError(f"workers must be a whole number, 0 or more, not {workers!r}")
    summary = CollectSummary(out=out)
    files = size = 0
    for file in walk_files(paths):  # counted, not kept: they are walked again as they are read
        files, size = files + 1, size + size_of(file)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if size >= PARALLEL_BYTES else 0
    pool = worker_pool(workers)  # first: fork before the pile is opened
    scratch: Path | None = None
    pile: Pile | None = None
    try:  # everything made from here on is undone on the way out, Ctrl-C included
        scratch = Path(tempfile.mkdtemp(prefix="threadshim-collect-"))
        pile = Pile(scratch)
        _collect(paths, files, rows, expect, pool, workers, pile, scratch, summary, progress or io.StringIO())
    except sqlite3.Error as exc:  # the pile's file: a full disk, most likely ("database or disk is full")
        raise FileProblem(
            f"collect's scratch files in {scratch} failed ({exc}); free some disk space, or set TMPDIR to a "
            "larger disk, and run it again"
        ) from exc
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if pile is not None:
            pile.close()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    write_report(summary)
    return summary


def _collect(paths: Sequence[str | os.PathLike[str]], files: int, rows: Sequence[Source],
             expect: Sequence[str] | None, pool: Executor | None, workers: int, pile: Pile, scratch: Path,
             summary: CollectSummary, stream: TextIO) -> None:  # fmt: skip
    """Read everything into the pile, write the archive, and note what ``expect`` names that is not there."""
    out = summary.out
    with (scratch / "aside.jsonl").open("w", encoding="utf-8") as aside:
        _read(paths, files, pool, workers, pile, aside, summary, stream)
        for source in rows:
            tally = Tally()
            _take(records(source, tally), pile, aside, summary)
            summary.records += tally.objects
    summary.duplicates, summary.conflicts = pile.duplicates, pile.conflicts
    if summary.kept_aside:
        summary.aside_file = aside_path(out)
        os.replace(scratch / "aside.jsonl", summary.aside_file)
    _write(pile, pool, workers, out, summary, stream)
    if expect is not None:
        summary.missing = [legacy_id for legacy_id in dict.fromkeys(expect) if not pile.holds(legacy_id)]


def _read(paths: Sequence[str | os.PathLike[str]], files: int, pool: Executor | None, workers: int, pile: Pile,
          aside: IO[str], summary: CollectSummary, stream: TextIO) -> None:  # fmt: skip
    """Every file's records into the pile, in the files' order (``files`` of them); a later part of a file its first
    part read whole is not used.
    """
    meter = Progress(files, stream, verb="files read")
    whole: str | None = None
    try:
        for unit, found, tally, to_end, texts in read_all(
            units(walk_files(paths)), pool, AHEAD * workers, str(pile.path.parent)
        ):
            if isinstance(unit, Part) and unit.start > 0 and unit.path == whole:
                continue
            _take(found, pile, aside, summary, texts)
            summary.records += tally.objects
            whole = unit.path if isinstance(unit, Part) and to_end else whole
            meter.advance(_files(unit))
    finally:
        meter.close()


def _refuse(paths: Sequence[str | os.PathLike[str]], out: Path) -> None:
    inputs: dict[str, Path | None] = {f"the input {p}": Path(p) for p in paths}
    refuse_clashes(inputs, {"--out": out, "the report": report_path(out), "the side file": aside_path(out)})
    for given in map(Path, paths):
        if given.is_dir() and any(same_file(parent, given) for parent in out.resolve().parents):
            raise PathClash(
                f"--out {out} is inside the input folder {given}: a second run would read it back; write it elsewhere"
            )


def _files(unit: Unit) -> int:
    """How many files a unit finishes reading the start of: a part counts once, as its file's first."""
    if isinstance(unit, Files):
        return len(unit.paths)
    return int(unit.start == 0) if isinstance(unit, Part) else 1


def _take(
    found: Iterable[Record], pile: Pile, aside: IO[str], summary: CollectSummary, texts: str | None = None
) -> None:
    stored: list[MessageRecord] = []  # a worker's messages, added together
    for record in found:
        if texts is not None and isinstance(record, MessageRecord) and record.stored is not None:
            stored.append(record)
            continue
        if stored:
            pile.add_stored(stored, texts or "")
            stored = []
        if isinstance(record, MessageRecord):
            pile.add_message(record, texts)
        elif isinstance(record, ThreadRecord):
            pile.add_thread(record)
        elif isinstance(record, AsideRecord):
            summary.kept_aside[record.kind] = summary.kept_aside.get(record.kind, 0) + 1
            aside.write(record.line + "\n")
        else:
            summary.invalid.append(record)
    if stored:
        pile.add_stored(stored, texts or "")


def _write(pile: Pile, pool: Executor | None, workers: int, out: Path, summary: CollectSummary,
           stream: TextIO) -> None:  # fmt: skip
    """Write every thread beside ``out``, then rename it over ``out`` (when it holds any).

    Worker processes (when there are any) make the lines of the next chunks while this one writes.
    The file is made in ``out``'s own folder, so the rename is atomic and nothing is copied twice; an
    interrupted write removes it.
    """
    meter = Progress(pile.order(), stream, verb="threads written")
    partial = out.with_name(f".{out.name}.collecting")
    make = functools.partial(lines_into, str(pile.path), str(pile.path.parent))
    try:
        with partial.open("wb", buffering=0) as handle, Writer(handle) as writer:
            for job, future in ahead(enumerate(pile.chunks()), pool, AHEAD * workers, make, _every):  # flat memory
                made = future.result() if future is not None else lines(pile.kept(job[1]))
                if made.file is not None:
                    writer.move(made.file)
                else:
                    writer.write(made.data)
                for thread in made.threads:
                    if thread.synthesized:
                        summary.synthesized.append(thread.id)
                    summary.messages += thread.messages
                summary.threads += len(made.threads)
                meter.advance(len(made.threads))
            writer.close()
            handle.flush()
            os.fsync(handle.fileno())
        if summary.threads:
            os.replace(partial, out)
    finally:
        meter.close()
        partial.unlink(missing_ok=True)


def _every(job: tuple[int, tuple[str, ...]]) -> bool:
    """Every chunk of threads goes to a worker, when there is a pool."""
    return True
