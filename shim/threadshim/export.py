"""Export legacy threads, with every message, to a JSON-lines file: lossless, resumable, crash-safe.

The file format lives in ``_exportformat``. Lines are appended whole and synced to disk in groups,
so a crash can at worst leave a torn last line, which ``resume`` cuts off before carrying on.
Threads that could not be exported are listed in a report beside the export.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

import attrs

from ._client import AsyncThreadShim
from ._errors import (
    APIError,
    AuthenticationError,
    IdsFileError,
    InvalidThreadId,
    NotAnExport,
    NotFoundError,
    PathClash,
)
from ._exportformat import encode, recover
from ._lock import exclusive
from ._progress import Progress
from ._routing import Kind, kind_of
from ._tasks import side_by_side
from ._validation import check_whole
from ._writer import GroupWriter
from .archive import check_is_export

_PREFIX: dict[str, str] = {"assistants": "thread_", "chatkit": "cthr_", "conversations": "conv_"}


@attrs.define
class IdList:
    """The ids read from an ids file, with the lines that were refused and why."""

    ids: list[str] = attrs.field(factory=list)
    rejected: list[tuple[int, str]] = attrs.field(factory=list)
    duplicates: int = 0


def read_ids_file(path: str | os.PathLike[str], kinds: tuple[Kind, ...] = ("assistants",)) -> IdList:
    """Read an ids file (UTF-8, a byte-order mark allowed); refuse a binary, compressed or empty one in one line."""
    path = Path(path)
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IdsFileError(f"{path} is UTF-16 text; save it as UTF-8 text, one thread id a line")
    if data.startswith(b"\x1f\x8b"):
        raise IdsFileError(f"{path} is gzip-compressed; decompress it first (gunzip), then pass the text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IdsFileError(
            f"{path} is not UTF-8 text (byte {exc.start} is not); save it as UTF-8 text, one thread id a line"
        ) from None
    if "\x00" in text:
        raise IdsFileError(f"{path} is a binary file, not a text file of thread ids, one a line")
    parsed = read_ids(text.splitlines(), kinds)
    if not parsed.ids and not parsed.rejected:
        raise IdsFileError(f"{path} holds no thread ids; put one id on each line")
    if not parsed.ids:
        number, reason = parsed.rejected[0]
        raise IdsFileError(
            f"{path} holds no valid thread id ({len(parsed.rejected)} line(s) refused; line {number}: {reason}); "
            "put one id on each line"
        )
    return parsed


def read_ids(lines: Iterable[str], kinds: tuple[Kind, ...] = ("assistants",)) -> IdList:
    """Parse an ids file: one id a line, of the ``kinds`` given; blank lines and duplicates are passed over."""
    result = IdList()
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        candidate = line.strip()
        if not candidate:
            continue
        try:
            if kind_of(candidate) not in kinds:
                wanted = " or ".join(f"'{_PREFIX[k]}…'" for k in kinds)
                raise InvalidThreadId(candidate, f"only {wanted} ids belong here")
        except InvalidThreadId as exc:
            result.rejected.append((number, str(exc)))
            continue
        if candidate in seen:
            result.duplicates += 1
            continue
        seen.add(candidate)
        result.ids.append(candidate)
    return result


@attrs.define
class Summary:
    """What an export did."""

    exported: int = 0
    skipped: int = 0
    not_found: list[str] = attrs.field(factory=list)
    failed: list[tuple[str, str]] = attrs.field(factory=list)

    @property
    def ok(self) -> bool:
        """Whether every id was exported (or already was)."""
        return not self.not_found and not self.failed


def report_path(out: str | os.PathLike[str]) -> Path:
    """Where the report of an export into ``out`` goes."""
    out = Path(out)
    return out.with_name(out.name + ".report.json")


def write_report(out: str | os.PathLike[str], summary: Summary, ids: IdList) -> Path:
    """Write what an export missed (not found, failed, refused lines) beside it; return the report's path."""
    report = report_path(out)
    problems = {
        "not_found": sorted(summary.not_found),
        "failed": [{"id": i, "error": e} for i, e in sorted(summary.failed)],
        "rejected_lines": ids.rejected,
    }
    report.write_text(json.dumps(problems, indent=2) + "\n", encoding="utf-8")
    return report


def describe(summary: Summary, ids: IdList, report: str | os.PathLike[str]) -> str:
    """The one-line summary of an export."""
    return (
        f"exported {summary.exported}, already there {summary.skipped}, not found {len(summary.not_found)}, "
        f"failed {len(summary.failed)}, malformed lines {len(ids.rejected)}, duplicates {ids.duplicates}"
        f" (report: {report})"
    )


async def export(
    shim: AsyncThreadShim,
    ids: list[str],
    out: str | os.PathLike[str],
    *,
    concurrency: int = 8,
    resume: bool = False,
    progress: TextIO | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
) -> Summary:
    """Export ``ids`` to ``out``; with ``resume``, keep what is there and add only what is missing.

    Only one export may write to ``out`` at a time (:class:`ExportLocked` otherwise). A failure to
    write (a full disk) raises the ``OSError`` after everything already queued has been tried.
    """
    check_whole("concurrency", concurrency, 1)
    out = Path(out)
    if out.is_dir():
        raise PathClash(f"{out} is a folder; name a file for the export")
    with exclusive(out):
        return await _export_locked(shim, ids, out, concurrency, resume, progress, clock)


async def _export_locked(
    shim: AsyncThreadShim,
    ids: list[str],
    out: Path,
    concurrency: int,
    resume: bool,
    progress: TextIO | None,
    clock: Callable[[], datetime],
) -> Summary:
    if out.exists() and out.stat().st_size:
        try:
            check_is_export(out)
        except NotAnExport:
            raise NotAnExport(f"{out} exists and is not a threadshim export; name a new file for the export") from None
        if not resume:
            raise FileExistsError(f"{out} already holds an export; resume it (--resume, or resume=True) to finish it")
    done = recover(out) if resume else set()
    summary = Summary(skipped=sum(1 for i in ids if i in done))
    todo = [i for i in ids if i not in done]
    meter = Progress(len(todo), progress or sys.stderr)
    return await _write_export(shim, todo, out, concurrency, summary, meter, clock)


async def _write_export(
    shim: AsyncThreadShim,
    todo: list[str],
    out: Path,
    concurrency: int,
    summary: Summary,
    meter: Progress,
    clock: Callable[[], datetime],
) -> Summary:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for thread_id in todo:
        queue.put_nowait(thread_id)
    with out.open("a", encoding="utf-8") as handle:
        writer = GroupWriter(handle)

        async def worker() -> None:
            while not queue.empty():
                thread_id = queue.get_nowait()
                try:
                    thread = await shim.retrieve(thread_id)
                    messages = [item async for item in shim.items(thread_id, order="asc")]
                except NotFoundError:
                    summary.not_found.append(thread_id)
                except AuthenticationError:
                    raise  # the key is refused for every thread alike: stop, in one line
                except APIError as exc:
                    summary.failed.append((thread_id, str(exc)))
                else:
                    await writer.write(encode(thread, messages, clock()))
                    summary.exported += 1
                meter.advance()

        try:
            await side_by_side(worker, min(concurrency, max(len(todo), 1)))
        finally:
            await writer.close()
            meter.close()
    return summary


async def export_with_report(
    shim: AsyncThreadShim, ids: IdList, out: str | os.PathLike[str], *, concurrency: int = 8, resume: bool = False
) -> tuple[Summary, Path]:
    """Export the ids of an ids file, then write the report beside the export; close ``shim`` at the end."""
    async with shim:
        summary = await export(shim, ids.ids, out, concurrency=concurrency, resume=resume)
    return summary, write_report(Path(out), summary, ids)
