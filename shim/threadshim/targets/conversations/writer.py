"""Moving one legacy thread into a conversation exactly once, whatever stopped the last attempt.

Before each write the journal records the batch as sent; after the answer, as confirmed. A batch
left sent without an answer (the process was killed, the connection dropped, the server failed)
is looked up in the conversation before anything is sent again: the conversation holds either the
items before it or the items with it, and the journal is brought up to date. A create whose
answer was lost cannot be looked up (the API lists no conversations): it is counted as an
uncertain create and sent again, so the journal only ever points at one conversation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import attrs

from ..._errors import (
    APIConnectError,
    APIConnectionError,
    APIError,
    APIStatusError,
    RateLimitError,
    ThreadShimError,
    UnexpectedResponse,
)
from ..._journal import Journal
from .api import ConversationsApi
from .log import ConversationLog
from .plan import ConversationPlan

T = TypeVar("T")
RATE_LIMITED_TRIES = 30
"""How many 429s in a row one write may meet before its thread is reported as failed."""


class MigrationConflict(ThreadShimError):
    """A conversation holds items the journal cannot account for (someone else wrote to it)."""


def outcome_unknown(error: APIError) -> bool:
    """Whether a failed write may nevertheless have been applied: no answer, a 408/409 or a server error.

    A connection that could not be made at all (refused, no such host) sent nothing: not unknown.
    """
    if isinstance(error, APIConnectError):
        return False
    if isinstance(error, (APIConnectionError, UnexpectedResponse)):
        return True
    return isinstance(error, APIStatusError) and (error.status_code in (408, 409) or error.status_code >= 500)


@attrs.define
class ConversationWriter:
    """Writes planned threads with ``api``, recording every step in ``journal``; ``tries`` bounds unknown outcomes."""

    journal: Journal
    api: ConversationsApi
    tries: int = attrs.field(validator=attrs.validators.ge(1))
    log: ConversationLog = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.log = ConversationLog(self.journal)

    async def _write(self, send: Callable[[], Awaitable[T]]) -> T:
        """Send until the answer is not a 429 (the pacer has already paused for the wait it asked)."""
        for _ in range(RATE_LIMITED_TRIES - 1):
            try:
                return await send()
            except RateLimitError:
                continue
        return await send()

    async def move(self, plan: ConversationPlan) -> None:
        """Write the planned thread, carrying on from wherever the journal says an earlier run stopped.

        The engine leaves out threads the journal has as done, and lossy ones it may not move.
        """
        legacy_id = plan.legacy_id
        entry = self.journal.entry(legacy_id)
        losses = [attrs.asdict(loss) for loss in plan.losses]
        pending = self.log.pending(legacy_id)
        self.journal.plan(
            legacy_id, total=len(plan.items), lossy=plan.lossy, losses=losses, kept=plan.kept, tools=plan.tools
        )
        if entry is not None and entry.target_id is not None:
            conversation, sent = entry.target_id, self.log.sent(legacy_id)
            if pending is not None and await self._arrived(legacy_id, conversation, pending.first_item, pending.count):
                sent = pending.first_item + pending.count
        else:
            if pending is not None:
                self.log.uncertain_create(legacy_id)
            conversation = await self._create(plan)
            sent = len(plan.batch(0))
        while sent < len(plan.items):
            sent = await self._add(plan, conversation, sent)
        self.journal.finish(legacy_id, "done")

    async def _create(self, plan: ConversationPlan) -> str:
        first = plan.batch(0)
        attempt = 0
        while True:
            attempt += 1
            self.log.sending(plan.legacy_id, 0, list(plan.message_ids[: len(first)]))
            try:
                conversation = await self._write(lambda: self.api.create(plan.metadata, first))
            except APIError as exc:
                if not outcome_unknown(exc):
                    self.log.unsent(plan.legacy_id, 0)
                    if isinstance(exc, APIConnectError) and attempt < self.tries:
                        continue  # nothing was sent: try again, nothing to count
                    raise
                self.log.uncertain_create(plan.legacy_id)
                if attempt >= self.tries:
                    raise
                continue
            self.log.confirmed(plan.legacy_id, 0, len(first), conversation, [])
            return conversation

    async def _add(self, plan: ConversationPlan, conversation: str, sent: int) -> int:
        batch = plan.batch(sent)
        attempt = 0
        while True:
            attempt += 1
            self.log.sending(plan.legacy_id, sent, list(plan.message_ids[sent : sent + len(batch)]))
            try:
                item_ids = await self._write(lambda: self.api.add(conversation, batch))
            except APIError as exc:
                if not outcome_unknown(exc):
                    self.log.unsent(plan.legacy_id, sent)
                    if isinstance(exc, APIConnectError) and attempt < self.tries:
                        continue
                    raise
                if await self._arrived(plan.legacy_id, conversation, sent, len(batch)):
                    return sent + len(batch)
                if attempt >= self.tries:
                    raise
                continue
            self.log.confirmed(plan.legacy_id, sent, len(batch), conversation, item_ids)
            return sent + len(batch)

    async def _arrived(self, legacy_id: str, conversation: str, first: int, count: int) -> bool:
        """Whether the batch of ``count`` items at ``first`` is in the conversation; the journal records which."""
        held = await self._write(lambda: self.api.count(conversation))
        if held == first + count:
            self.log.confirmed(legacy_id, first, count, conversation, [])
            return True
        if held == first:
            self.log.unsent(legacy_id, first)
            return False
        raise MigrationConflict(
            f"conversation {conversation} holds {held} items, but the journal expects {first} or {first + count}: "
            "something else wrote to it; check it by hand, then delete the thread's row from the journal to start over"
        )
