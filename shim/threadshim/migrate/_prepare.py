"""The CPU half of an import into ChatKit, run in worker processes: read, plan, check and serialise a chunk.

A chunk is a list of legacy ids; the answer says, for each, whether it is ready (with its plan),
missing, skipped (lossy and not allowed) or refused by ChatKit's models, and holds the store rows
of the ready ones. Workers keep their archive open between chunks. Their garbage collector is
off: each chunk's objects are freed by reference counting, and the worker ends with the run.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import warnings
from typing import Any, Literal

import attrs

from .._errors import NotFoundError
from .._journal_rows import Moved
from ..archive import Archive, DamagedArchiveWarning
from ..chatkit import ThreadRows, rows_of
from ..targets.chatkit import stored
from ..targets.chatkit_plan import ChatKitPlan, plan
from ..targets.conversation_plan import Counts
from .summary import failure_reason, lossy_reason

Outcome = Literal["ready", "missing", "skipped", "refused"]
_ARCHIVES: dict[str, Archive] = {}
_PR_SET_PDEATHSIG = 1


@attrs.frozen
class Mapping:
    """Which metadata keys hold a legacy thread's title and user, and the user of threads with none."""

    title_key: str = "title"
    user_key: str = "user"
    default_user: str = "default"


@attrs.frozen
class Prepared:
    """One legacy thread's fate in this chunk, with only what the writing process needs to record it.

    Ready: its journal row, content counts, and how many item and attachment rows it has in the
    chunk (they follow one another, thread by thread). Skipped: what the journal keeps of it.
    """

    legacy_id: str
    outcome: Outcome
    reason: str = ""
    moved: Moved | None = None
    counts: Counts | None = None
    items: int = 0
    attachments: int = 0
    skipped: dict[str, Any] | None = None


@attrs.frozen
class Chunk:
    """A prepared chunk: each thread's fate, and the rows of those ready, in one piece."""

    threads: list[Prepared]
    rows: ThreadRows

    def split(self) -> list[tuple[Prepared, ThreadRows]]:
        """Each ready thread with its own rows (to write them one by one)."""
        ready = [p for p in self.threads if p.outcome == "ready"]
        parts, item, attachment = [], 0, 0
        for number, prepared in enumerate(ready):
            items = self.rows.items[item : item + prepared.items]
            attachments = self.rows.attachments[attachment : attachment + prepared.attachments]
            parts.append((prepared, ThreadRows([self.rows.threads[number]], items, attachments)))
            item, attachment = item + prepared.items, attachment + prepared.attachments
        return parts


def quiet_worker(parent: int) -> None:
    """Worker start-up: die with the run (even a ``kill -9`` of it), and collect garbage by refcount only."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the run ended before the line above took effect
        os._exit(1)
    warnings.simplefilter("ignore", DamagedArchiveWarning)  # the run announces the damage once, not each worker
    gc.freeze()  # nothing the worker inherited is ever garbage
    gc.disable()


def ready() -> bool:
    """A job that does nothing: submitted first, it starts every worker process."""
    return True


def skip_reason(planned: ChatKitPlan) -> str:
    """Why a lossy thread is left out."""
    return lossy_reason(len(planned.losses))


def plan_one(archive: Archive, legacy_id: str, mapping: Mapping) -> ChatKitPlan:
    """The ChatKit plan of one archived thread."""
    thread, messages = archive.raw(legacy_id)
    keys = {"title_key": mapping.title_key, "user_key": mapping.user_key, "default_user": mapping.default_user}
    return plan(thread, messages, **keys)


def prepare(archive: Archive | str, mapping: Mapping, allow_lossy: bool, ids: list[str]) -> Chunk:
    """Prepare ``ids`` from ``archive`` (a path in a worker, where it is opened once and kept)."""
    if isinstance(archive, str):
        archive = _ARCHIVES.get(archive) or _ARCHIVES.setdefault(archive, Archive(archive))
    threads: list[Prepared] = []
    ready = []
    for legacy_id in ids:
        try:
            planned = plan_one(archive, legacy_id, mapping)
        except NotFoundError as exc:
            threads.append(Prepared(legacy_id, "missing", f"not found: {exc}"))
            continue
        except Exception as exc:  # a bug met by one thread fails that thread, not the run
            threads.append(Prepared(legacy_id, "refused", failure_reason(exc)))
            continue
        losses = [attrs.asdict(loss) for loss in planned.losses]
        if planned.lossy and not allow_lossy:
            kept = {"total": len(planned.items), "losses": losses, "kept": planned.kept, "tools": planned.tools}
            threads.append(Prepared(legacy_id, "skipped", skip_reason(planned), skipped=kept))
            continue
        try:
            whole = stored(planned)
        except Exception as exc:
            threads.append(Prepared(legacy_id, "refused", failure_reason(exc)))
            continue
        ready.append(whole)
        moved = Moved.of(legacy_id, planned.thread_id, len(planned.items), losses, planned.kept, planned.tools)
        counts = planned.counts
        threads.append(Prepared(legacy_id, "ready", "", moved, counts, len(whole.items), len(whole.attachments)))
    return Chunk(threads, rows_of(ready))
