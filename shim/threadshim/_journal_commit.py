"""Group commit for the journal: the records of every task waiting at one moment go in one transaction, one sync.

A migration's tasks each wait for their record ("about to send this batch") to be durable before
they send; syncing each record alone costs a disk flush per record, and done on the event loop it
stalls every other task for it. Here records are queued, and one thread writes what is queued in
one transaction, then wakes each waiter: a group is asked for once the event loop has run every
task ready at that moment, and waits briefly (:data:`GATHER`) for the other writing tasks to join
it, as databases do. Records are committed in the order they were queued; a record
queued with :meth:`GroupCommit.put` is durable once any record queued after it is.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from ._errors import JournalError, JournalWriteError

GATHER = 0.02
"""Seconds at most a group waits, once asked for, for :attr:`GroupCommit.quorum` tasks to join it
(as PostgreSQL's ``commit_delay``). On this project's 2-core machine (``bench/journal.py``: 400
threads, 16 requests in flight, no limit) with no wait a commit held about one or two records (0.65
commits per request); 15 ms gave 0.15, and 20 ms 0.10 to 0.12 at the same rate or better."""
Work = Callable[[], object]
Settle = Callable[[BaseException | None], None]


def _resolve(future: asyncio.Future[None], error: BaseException | None) -> None:
    if future.done():  # its task was cancelled: the record is written all the same
        return
    if error is None:
        future.set_result(None)
    else:
        future.set_exception(error)


class GroupCommit:
    """Writes queued journal records in groups, on its own thread, each group one ``transaction()``."""

    def __init__(self, transaction: Callable[[], AbstractContextManager[None]], name: str) -> None:
        self._transaction = transaction
        self._name = name
        self._queue: list[tuple[Work | None, Settle | None]] = []
        self._waiting = 0  # how many of the queued records a task waits for
        self.quorum = 1
        """How many waiting tasks a group waits for (up to :data:`GATHER` seconds): half of those that write
        at once (:meth:`Journal.share_commits`; the Conversations target runs twice as many threads as
        requests in flight, so half of them may wait on the journal while the rest send)."""
        self._wake = threading.Condition()
        self._closing = False
        self._due = False  # a group is asked for: the thread writes what is queued as soon as it is free
        self._kicked = False  # a request for a group is scheduled on the event loop
        self._urgent = False  # a caller that is not a task waits: no quorum
        self._failed: JournalError | None = None
        self.commits = 0
        """How many groups were committed (each one transaction, one sync of the journal)."""
        self.thread = threading.Thread(target=self._run, name=f"journal {name}", daemon=True)
        self.thread.start()

    def put(self, work: Work | None, settle: Settle | None = None, *, now: bool = False) -> None:
        """Queue ``work`` (journal writes) for the next group; ``settle`` is told its outcome once written.

        With ``now`` the group is asked for at once; otherwise it goes with the next one asked for.
        """
        with self._wake:
            if self._failed is not None:
                raise JournalWriteError(f"{self._failed}") from None
            if self._closing:
                raise JournalWriteError(f"cannot write the migration journal {self._name}: it is closed")
            self._queue.append((work, settle))
            if settle is not None:
                self._waiting += 1
                self._wake.notify()
            if now:
                self._due = self._urgent = True
                self._wake.notify()

    def _kick(self) -> None:
        with self._wake:
            self._kicked, self._due = False, True
            self._wake.notify()

    async def durable(self, work: Work | None = None) -> None:
        """Queue ``work`` and return once it, and everything queued before it, is written and synced."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def settle(error: BaseException | None) -> None:
            with contextlib.suppress(RuntimeError):  # the loop is gone (the run was stopped): nobody waits
                loop.call_soon_threadsafe(_resolve, future, error)

        self.put(work, settle)
        if not self._kicked:  # asked for once every task the loop has ready now has run: they all go together
            self._kicked = True
            loop.call_soon(self._kick)
        await future

    def flush(self) -> None:
        """Block until everything queued so far is written and synced (for a caller that is not a task)."""
        written = threading.Event()
        failure: list[BaseException] = []

        def settle(error: BaseException | None) -> None:
            if error is not None:
                failure.append(error)
            written.set()

        self.put(None, settle, now=True)
        written.wait()
        if failure:
            raise failure[0]

    def close(self) -> None:
        """Write what is queued, then stop the thread (a failed write is raised by the next :meth:`durable`)."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        self.thread.join()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not (self._due and self._queue) and not self._closing:
                    self._wake.wait()
                if self._closing and not self._queue:
                    return
                deadline = time.monotonic() + GATHER
                while self._waiting < self.quorum and not (self._closing or self._urgent):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self._wake.wait(left)  # more tasks' records join this group, up to the quorum
                group, self._queue, self._due, self._waiting, self._urgent = self._queue, [], False, 0, False
            error = self._failed
            if error is None:
                try:
                    with self._transaction():
                        for work, _ in group:
                            if work is not None:
                                work()
                    self.commits += 1
                except JournalError as exc:
                    error = self._failed = exc
                except Exception as exc:  # a bug in a record: the journal takes no more writes, and says why
                    error = self._failed = JournalWriteError(
                        f"cannot write the migration journal {self._name}: {type(exc).__name__}: {exc}"
                    )
            for _, settle in group:
                if settle is not None:
                    settle(error)
