"""The Conversations API as a migration target: one thread per write, several at once, each batch exactly once."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from ..._config import DEFAULT_TIMEOUT
from ..._engine.drivers import AsyncDriver
from ..._errors import JournalError
from ..._journal import Journal
from ..._limits import MAX_CONVERSATION_ITEMS
from ..._retry import RetryPolicy
from ..base import Batch, Context, Record, WriteResult
from ..held import Held
from . import ConversationsOptions
from . import held as holdings
from .api import ConversationsApi
from .checks import conversations_identity, preflight
from .log import ConversationLog
from .plan import ConversationPlan, plan_conversation
from .writer import ConversationWriter


class ConversationsPlanner:
    """Plans a legacy thread as a conversation; the plan is what the writer sends."""

    def plan(self, thread: dict[str, Any], messages: list[dict[str, Any]]) -> ConversationPlan:
        """The conversation's metadata and items, and what it cannot hold."""
        return plan_conversation(thread, messages)

    def check(self, planned: ConversationPlan) -> tuple[ConversationPlan, None]:
        """The plan as it is: the conversation's id is known only once it is created."""
        return planned, None

    def pack(self, written: list[ConversationPlan]) -> list[ConversationPlan]:
        """The plans, in order."""
        return written


class ConversationsTarget:
    """Creates a conversation per thread and adds its items 20 at a time, through the run's paced client."""

    name = "conversations"
    group = 1

    def __init__(self, options: ConversationsOptions, context: Context) -> None:
        self.options, self.context = options, context
        # twice as many threads under way as requests in flight: one waiting for its journal record
        # leaves its request slot to another (the journal writes the records of all who wait at once)
        self.concurrency = 2 * options.concurrency
        self._slots = asyncio.Semaphore(options.concurrency)
        self.planner = ConversationsPlanner()
        self._writer: ConversationWriter | None = None

    def identity(self) -> str:
        """The API's base URL, organization and project."""
        return conversations_identity(self.context.settings)

    def requests(self, record: Record) -> int:
        """One create with the first 20 items, then one request per 20 more."""
        return 1 + max(0, -(-(record.total - MAX_CONVERSATION_ITEMS) // MAX_CONVERSATION_ITEMS))

    async def open(self) -> None:
        """Check the API answers and takes the key (one read, not paced or counted)."""
        settings = self.context.settings
        if self.options.preflight:
            async with httpx.AsyncClient(transport=self.context.transport, timeout=DEFAULT_TIMEOUT) as unpaced:
                await preflight(AsyncDriver(unpaced, settings, RetryPolicy(max_retries=settings.max_retries)), settings)

    def _writer_for(self, journal: Journal) -> ConversationWriter:
        if self._writer is None or self._writer.journal is not journal:
            settings = self.context.settings
            # the writer decides what to retry: a write whose answer was lost is looked up before it is sent again
            api = ConversationsApi(AsyncDriver(self.context.client, settings, RetryPolicy(max_retries=0)))
            self._writer = ConversationWriter(journal, api, tries=settings.max_retries + 1, slots=self._slots)
        return self._writer

    async def write(self, batch: Batch, journal: Journal) -> WriteResult:
        """Move each planned thread of the batch, carrying on from where the journal says it stopped."""
        writer = self._writer_for(journal)
        results: WriteResult = []
        for prepared, planned in zip(batch.ready, batch.payload, strict=True):
            try:
                await writer.move(planned)
            except JournalError:
                raise
            except Exception as exc:  # an API failure, or a bug met by one thread: that thread fails
                results.append((prepared, exc))
            else:
                results.append((prepared, None))
        return results

    def expected(self, planned: ConversationPlan) -> Held:
        """The metadata and items the plan's conversation must hold."""
        return holdings.expected(planned)

    def _reads(self) -> AsyncDriver:
        settings = self.context.settings
        return AsyncDriver(self.context.client, settings, RetryPolicy(max_retries=settings.max_retries))

    async def held(self, target_id: str) -> Held:
        """The conversation's metadata and every item, read through the run's paced client (reads retried)."""
        async with self._slots:
            return await holdings.held(self._reads(), target_id)

    async def remove(self, target_id: str) -> None:
        """Delete the conversation (with its items); one already deleted is left so."""
        async with self._slots:
            await holdings.remove(self._reads(), target_id)

    async def finish(self, planned: ConversationPlan, target_id: str, have: int, journal: Journal) -> None:
        """Send the plan's items from ``have`` on: the journal is set to what the conversation holds, then resumed."""
        ConversationLog(journal).holds_only(planned.legacy_id, have)
        await self._writer_for(journal).move(planned)
        await journal.durable()

    async def close(self) -> None:
        """Nothing to let go of: the run owns the client."""
        self._writer = None


def build(options: ConversationsOptions, context: Context) -> ConversationsTarget:
    """The Conversations target for a run."""
    return ConversationsTarget(options, context)
