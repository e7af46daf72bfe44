"""Export legacy threads, with every message, to a JSON-lines file: lossless, resumable, crash-safe.

Each line holds one thread and its messages exactly as the API sent them, the unified view, and the
export time. Lines are appended whole and synced to disk one at a time, so a crash can at worst
leave a torn last line, which ``resume`` cuts off before carrying on.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

import attrs

from ._client import AsyncThreadShim
from ._errors import APIError, InvalidThreadId, NotFoundError
from ._models import UnifiedItem, UnifiedThread
from ._routing import source_of


@attrs.define
class IdList:
    """The ids read from an ids file, with the lines that were refused and why."""

    ids: list[str] = attrs.field(factory=list)
    rejected: list[tuple[int, str]] = attrs.field(factory=list)
    duplicates: int = 0


def read_ids(lines: Iterable[str]) -> IdList:
    """Parse an ids file: one legacy thread id a line; blank lines and duplicates are passed over."""
    result = IdList()
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        candidate = line.strip()
        if not candidate:
            continue
        try:
            if source_of(candidate) != "assistants":
                raise InvalidThreadId(candidate, "only legacy thread ids ('thread_…') can be exported")
        except InvalidThreadId as exc:
            result.rejected.append((number, str(exc)))
            continue
        if candidate in seen:
            result.duplicates += 1
            continue
        seen.add(candidate)
        result.ids.append(candidate)
    return result


def recover(path: Path) -> set[str]:
    """Return the ids already in an export file, first cutting off a torn last line."""
    if not path.exists():
        return set()
    done: set[str] = set()
    good = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                break
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                done.add(record["id"])
            good += len(line)
    if good != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good)
    return done


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def unified_thread(thread: UnifiedThread) -> dict[str, Any]:
    """The unified view of a thread as plain JSON (``raw`` left out: it is stored beside it)."""
    resources = thread.tool_resources
    return {
        "id": thread.id,
        "source": thread.source,
        "created_at": _iso(thread.created_at),
        "title": thread.title,
        "status": {"type": thread.status.type, "reason": thread.status.reason},
        "user": thread.user,
        "metadata": thread.metadata,
        "tool_resources": None
        if resources is None
        else {
            "code_interpreter_file_ids": list(resources.code_interpreter_file_ids),
            "file_search_vector_store_ids": list(resources.file_search_vector_store_ids),
            "other": resources.other,
        },
    }


def unified_item(item: UnifiedItem) -> dict[str, Any]:
    """The unified view of an item as plain JSON."""
    return {
        "id": item.id,
        "thread_id": item.thread_id,
        "kind": item.kind,
        "role": item.role,
        "text": item.text,
        "created_at": _iso(item.created_at),
        "attachments": [a.id for a in item.attachments],
    }


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


class Progress:
    """Count, rate and ETA: a rich progress bar on a terminal, plain periodic lines otherwise."""

    def __init__(self, total: int, stream: TextIO, every: float = 2.0) -> None:
        self.total, self.stream, self.every = total, stream, every
        self.done = 0
        self._start = self._last = time.monotonic()
        self._bar: Any = None
        if stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            rate = TextColumn("{task.fields[rate]:.1f} threads/s")
            self._bar = Bar(
                "export", BarColumn(), MofNCompleteColumn(), rate, TimeRemainingColumn(), console=Console(file=stream)
            )
            self._bar.start()
            self._task = self._bar.add_task("export", total=total, rate=0.0)

    def advance(self) -> None:
        """Count one thread done."""
        self.done += 1
        now = time.monotonic()
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=self.done / max(now - self._start, 1e-9))
            return
        if now - self._last >= self.every or self.done == self.total:
            self._last = now
            rate = self.done / max(now - self._start, 1e-9)
            eta = (self.total - self.done) / rate if rate else 0.0
            print(f"exported {self.done}/{self.total} ({rate:.1f}/s, ETA {eta:.0f}s)", file=self.stream, flush=True)

    def close(self) -> None:
        """Stop the bar."""
        if self._bar is not None:
            self._bar.stop()


class _Writer:
    """Appends whole lines and syncs them to disk off the event loop, many lines per sync (group commit).

    Workers do not wait for the disk (a killed process loses nothing already written; the sync is
    for power loss), unless more than ``backlog`` lines are waiting, which bounds memory.
    """

    def __init__(self, handle: TextIO, backlog: int = 1000) -> None:
        self._handle = handle
        self._backlog = backlog
        self._pending: list[str] = []
        self._flushing: asyncio.Task[None] | None = None

    def _commit(self, text: str) -> None:
        self._handle.write(text)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                await asyncio.to_thread(self._commit, "".join(batch))
        finally:
            self._flushing = None

    async def write(self, line: str) -> None:
        """Queue ``line`` (ending in a newline) for the disk."""
        self._pending.append(line)
        if self._flushing is None:
            self._flushing = asyncio.create_task(self._drain())
        elif len(self._pending) > self._backlog:
            await asyncio.shield(self._flushing)

    async def close(self) -> None:
        """Wait for everything queued to reach the disk; raise what writing raised."""
        while self._flushing is not None:
            await self._flushing
        if self._pending:  # a failed drain left lines behind: write them here, raising if it fails again
            batch, self._pending = self._pending, []
            self._commit("".join(batch))


async def export(
    shim: AsyncThreadShim,
    ids: list[str],
    out: Path,
    *,
    concurrency: int = 8,
    resume: bool = False,
    progress: TextIO | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
) -> Summary:
    """Export ``ids`` to ``out``; with ``resume``, keep what is there and add only what is missing."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    if out.exists() and out.stat().st_size and not resume:
        raise FileExistsError(f"{out} already holds an export; pass resume=True (--resume) to finish it")
    done = recover(out) if resume else set()
    summary = Summary(skipped=sum(1 for i in ids if i in done))
    todo = [i for i in ids if i not in done]
    meter = Progress(len(todo), progress or sys.stderr)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for thread_id in todo:
        queue.put_nowait(thread_id)

    with out.open("a", encoding="utf-8") as handle:
        writer = _Writer(handle)

        async def worker() -> None:
            while not queue.empty():
                thread_id = queue.get_nowait()
                try:
                    thread = await shim.retrieve(thread_id)
                    messages = [item async for item in shim.items(thread_id, order="asc")]
                except NotFoundError:
                    summary.not_found.append(thread_id)
                except APIError as exc:
                    summary.failed.append((thread_id, str(exc)))
                else:
                    record = {
                        "id": thread_id,
                        "exported_at": clock().isoformat(),
                        "thread": thread.raw,
                        "messages": [m.raw for m in messages],
                        "unified": {"thread": unified_thread(thread), "messages": [unified_item(m) for m in messages]},
                    }
                    await writer.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
                    summary.exported += 1
                meter.advance()

        try:
            await asyncio.gather(*(worker() for _ in range(min(concurrency, max(len(todo), 1)))))
        finally:
            await writer.close()
            meter.close()
    return summary
