"""The peak resident memory of this program alone, for the benchmarks that run a job in a fresh process."""

from __future__ import annotations

import resource


def peak_rss_kib() -> int:
    """The peak RSS in KiB: ``VmHWM`` on Linux, else ``ru_maxrss``.

    On Linux a process's ``ru_maxrss`` is at least its parent's peak when it was forked (it is kept
    across ``exec``), so a job started by a large benchmark process would seem as large.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux; a fallback elsewhere
