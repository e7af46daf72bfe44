"""Moving legacy threads to their successor, exactly once, with a journal of what went where.

``await migrate(journal="migration.db", archive="legacy.jsonl")`` moves every archived thread into
the Conversations API; run it again to finish an interrupted run. :class:`Journal` reads the
journal: where a thread went, what it lost, and its tools for the Responses API.
"""

from .._errors import JournalError
from .._journal import Journal
from .._journal_rows import Entry, TargetRow
from ..targets.conversations.log import Batch, ConversationLog
from ..targets.conversations.writer import MigrationConflict
from .migration import migrate
from .report import describe, report_path, write_report
from .summary import MigrationSummary

__all__ = [
    "Batch",
    "ConversationLog",
    "Entry",
    "Journal",
    "JournalError",
    "MigrationConflict",
    "MigrationSummary",
    "TargetRow",
    "describe",
    "migrate",
    "report_path",
    "write_report",
]
