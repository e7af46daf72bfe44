"""The worker processes that read and plan ahead of the run (an import's writes, collect's pile): forked, quiet,
and gone with the run.

Their garbage collector is off (each batch's objects are freed by reference counting, and the
workers end with the run), each dies with the run, even a ``kill -9`` of it, and Ctrl-C (sent to
the terminal's whole process group) is left to the run, which ends them after their current job
instead of each printing a traceback.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor

from .archive import DamagedArchiveWarning

_PR_SET_PDEATHSIG = 1


def quiet_worker(parent: int) -> None:
    """Worker start-up: die with the run (even a ``kill -9`` of it), and collect garbage by refcount only."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the run ended before the line above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the run stops its workers itself
    warnings.simplefilter("ignore", DamagedArchiveWarning)  # the run announces the damage once, not each worker
    gc.freeze()  # nothing the worker inherited is ever garbage
    gc.disable()


def _ready() -> bool:
    """A job that does nothing: submitted first, it starts every worker process."""
    return True


def worker_pool(workers: int) -> ProcessPoolExecutor | None:
    """``workers`` forked processes; None (plan in this process) when forking is not safe, or not asked for.

    Forking a process that runs other threads can copy a lock some thread holds, and a fresh
    interpreter (``spawn``) would re-run an unguarded script, so a threaded caller plans in-process.
    """
    if workers == 0 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=quiet_worker, initargs=(os.getpid(),))
    pool.submit(_ready).result()  # start the workers now, before the journal's lock is taken: they must not hold it
    return pool
