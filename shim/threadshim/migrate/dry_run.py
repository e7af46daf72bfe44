"""A dry run into Conversations: read and plan every thread, count the requests it would take; send nothing."""

from __future__ import annotations

import httpx

from .._config import DEFAULT_TIMEOUT, Settings
from .._errors import NotFoundError
from .._journal import Journal
from .._limits import MAX_CONVERSATION_ITEMS
from ..archive import Archive
from ..targets import Plan, plan
from .legacy import reader_for
from .summary import MigrationSummary, failure_reason, lossy_reason


def _requests(planned: Plan) -> int:
    batch = MAX_CONVERSATION_ITEMS
    return 1 + max(0, -(-(len(planned.items) - batch) // batch))


async def dry_run_conversations(
    todo: list[str],
    archive: Archive | None,
    settings: Settings,
    known: Journal | None,
    allow_lossy: bool,
    transport: httpx.AsyncBaseTransport | None,
) -> MigrationSummary:
    """What a run would do: each thread read and planned, the journal's done ones passed over; nothing sent."""
    summary = MigrationSummary(dry_run=True)
    async with httpx.AsyncClient(transport=transport, timeout=DEFAULT_TIMEOUT) as client:
        reader = reader_for(archive, client, settings)
        for legacy_id in todo:
            entry = known.entry(legacy_id) if known is not None else None
            if entry is not None and entry.state == "done":
                summary.already += 1
                continue
            try:
                planned = plan(*await reader.read(legacy_id))
            except NotFoundError:
                summary.not_found.append(legacy_id)
                continue
            except Exception as exc:  # what the real run would report for this thread
                summary.failed.append((legacy_id, failure_reason(exc)))
                continue
            summary.plans.append(planned)
            if planned.lossy and not allow_lossy:
                summary.skipped.append((legacy_id, lossy_reason(len(planned.losses))))
                continue
            summary.counts.add(planned.counts)
            summary.migrated += 1
            summary.lossy += planned.lossy
            summary.planned_requests += _requests(planned)
    return summary
