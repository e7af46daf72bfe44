"""Bring whatever was saved of the legacy threads — API dumps, SDK output, rows — into one export the move can use.

``collect(["dumps/"], "legacy.jsonl")`` writes a threadshim export (and ``legacy.jsonl.collect.json``,
its report); ``scan_ids(["logs/"])`` harvests the ``thread_…`` ids still referenced. The rules are
in ``docs/collect.md``.
"""

from .containers import Found, Invalid
from .ids import Scanned, scan_ids
from .pile import Conflict
from .report import CollectSummary, aside_path, describe, report_path
from .rows import ColumnMap, query_rows, row_file
from .run import collect

__all__ = [
    "CollectSummary",
    "ColumnMap",
    "Conflict",
    "Found",
    "Invalid",
    "Scanned",
    "aside_path",
    "collect",
    "describe",
    "query_rows",
    "report_path",
    "row_file",
    "scan_ids",
]
