"""The Conversations API as a migration target: each thread a conversation, written in paced batches of 20 items.

Only the options live here (cheap to import); the target itself is in :mod:`.target`, loaded when chosen.
"""

from __future__ import annotations

import attrs

from ..._validation import check_whole


@attrs.frozen
class ConversationsOptions:
    """How a run writes to the Conversations API (the key, URL and retries are the account's, given beside)."""

    concurrency: int = attrs.field(
        default=8,
        metadata={"help": "requests in flight at once, a ceiling (twice as many threads are under way)", "low": 1},
    )
    preflight: bool = attrs.field(default=True, metadata={"cli": False})
    """Make one read first, so a wrong URL or key stops the run before anything is sent."""

    def __attrs_post_init__(self) -> None:
        check_whole("concurrency", self.concurrency, 1)
