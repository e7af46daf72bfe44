"""Moving one legacy thread into a conversation exactly once, whatever stopped the last attempt.

Before each write the journal records the batch as sent (durably, before the request goes out);
after the answer, as confirmed (with the next record that must be durable). A batch
left sent without an answer (the process was killed, the connection dropped, the server failed)
is looked up in the conversation before anything is sent again: the conversation holds either the
items before it or the items with it, and the journal is brought up to date. A create whose
answer was lost cannot be looked up (the API lists no conversations): it is counted as an
uncertain create and sent again, so the journal only ever points at one conversation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
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
    slots: asyncio.Semaphore = attrs.field(factory=lambda: asyncio.Semaphore(1 << 16))
    """Requests in flight at once, across every thread this writer moves."""
    log: ConversationLog = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.log = ConversationLog(self.journal)

    async def _write(self, send: Callable[[], Awaitable[T]]) -> T:
        """Send until the answer is not a 429 (the pacer has already paused for the wait it asked)."""
        for _ in range(RATE_LIMITED_TRIES - 1):
            try:
                async with self.slots:
                    return await send()
            except RateLimitError:
                continue
        async with self.slots:
            return await send()

    async def move(self, plan: ConversationPlan) -> None:
        """Write the planned thread, carrying on from wherever the journal says an earlier run stopped.

        The engine leaves out threads the journal has as done, and lossy ones it may not move. Each
        record that must precede a request is awaited as durable (:meth:`Journal.durable`: shared
        with every other task's); the rest ride along with the next one.
        """
        legacy_id, journal, log = plan.legacy_id, self.journal, self.log
        entry = journal.entry(legacy_id)
        losses = [attrs.asdict(loss) for loss in plan.losses]
        pending = log.pending(legacy_id)
        journal.later(lambda: journal.plan(
            legacy_id, total=len(plan.items), lossy=plan.lossy, losses=losses, kept=plan.kept, tools=plan.tools
        ))  # fmt: skip
        if entry is not None and entry.target_id is not None:
            conversation, sent = entry.target_id, log.sent(legacy_id)
            if pending is not None and await self._arrived(legacy_id, conversation, pending.first_item, pending.count):
                sent = pending.first_item + pending.count
        else:
            if pending is not None:
                journal.later(partial(log.uncertain_create, legacy_id))
            conversation = await self._create(plan)
            sent = len(plan.batch(0))
        while sent < len(plan.items):
            sent = await self._add(plan, conversation, sent)
        journal.later(partial(journal.finish, legacy_id, "done"))  # its last answer is in: durable with the next group

    async def _sending(self, legacy_id: str, first_item: int, message_ids: list[str]) -> None:
        """Record the batch as sent, durably, before its request goes out."""
        await self.journal.durable(lambda: self.log.sending(legacy_id, first_item, message_ids))

    async def _create(self, plan: ConversationPlan) -> str:
        first, legacy_id, log = plan.batch(0), plan.legacy_id, self.log
        message_ids = list(plan.message_ids[: len(first)])
        attempt = 0
        while True:
            attempt += 1
            await self._sending(legacy_id, 0, message_ids)
            try:
                conversation = await self._write(lambda: self.api.create(plan.metadata, first))
            except APIError as exc:
                if not outcome_unknown(exc):
                    self.journal.later(partial(log.unsent, legacy_id, 0))
                    if isinstance(exc, APIConnectError) and attempt < self.tries:
                        continue  # nothing was sent: try again, nothing to count
                    raise
                self.journal.later(partial(log.uncertain_create, legacy_id))
                if attempt >= self.tries:
                    raise
                continue
            self.journal.later(partial(log.confirmed, legacy_id, 0, len(first), conversation, [], message_ids))
            return conversation

    async def _add(self, plan: ConversationPlan, conversation: str, sent: int) -> int:
        batch, legacy_id, log = plan.batch(sent), plan.legacy_id, self.log
        message_ids = list(plan.message_ids[sent : sent + len(batch)])
        attempt = 0
        while True:
            attempt += 1
            await self._sending(legacy_id, sent, message_ids)
            try:
                item_ids = await self._write(lambda: self.api.add(conversation, batch))
            except APIError as exc:
                if not outcome_unknown(exc):
                    self.journal.later(partial(log.unsent, legacy_id, sent))
                    if isinstance(exc, APIConnectError) and attempt < self.tries:
                        continue
                    raise
                if await self._arrived(legacy_id, conversation, sent, len(batch)):
                    return sent + len(batch)
                if attempt >= self.tries:
                    raise
                continue
            self.journal.later(partial(log.confirmed, legacy_id, sent, len(batch), conversation, item_ids, message_ids))
            return sent + len(batch)

    async def _arrived(self, legacy_id: str, conversation: str, first: int, count: int) -> bool:
        """Whether the batch of ``count`` items at ``first`` is in the conversation; the journal records which."""
        held = await self._write(lambda: self.api.count(conversation))
        if held == first + count:
            self.journal.later(partial(self.log.confirmed, legacy_id, first, count, conversation, []))
            return True
        if held == first:
            self.journal.later(partial(self.log.unsent, legacy_id, first))
            return False
        raise MigrationConflict(
            f"conversation {conversation} holds {held} items, but the journal expects {first} or {first + count}: "
            "something else wrote to it; check it by hand, then delete the thread's row from the journal to start over"
        )
