"""The Conversations target's own rows in the journal: every batch sent, and every create whose answer never came.

A batch is recorded as sent before its request goes out and as confirmed once the answer is in, so
after a crash at most one batch per thread is in doubt, and it is looked up before anything is sent
again. A create cannot be looked up: one whose answer never came is counted (it may have left an
unreferenced conversation behind) and sent again.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..._journal import Journal
from ..._journal_schema import BATCH, UNCERTAIN_CREATE


@attrs.frozen
class Batch:
    """A batch of items sent to a thread's conversation: where it starts, how many, and whether it was confirmed."""

    first_item: int
    count: int
    confirmed: bool


@attrs.frozen
class ConversationLog:
    """The journal's rows of the Conversations target, read and written through the journal's target rows."""

    journal: Journal

    def batches(self, legacy_id: str) -> list[Batch]:
        """Every batch recorded for a thread, in order."""
        return [Batch(row.position, int(row.data["count"]), row.state == "confirmed")
                for row in self.journal.rows(legacy_id, BATCH)]  # fmt: skip

    def pending(self, legacy_id: str) -> Batch | None:
        """The batch sent without a confirmed answer, if there is one."""
        return next((batch for batch in self.batches(legacy_id) if not batch.confirmed), None)

    def sent(self, legacy_id: str) -> int:
        """How many of the thread's items the conversation is known to hold (the end of its last confirmed batch)."""
        return max((b.first_item + b.count for b in self.batches(legacy_id) if b.confirmed), default=0)

    def uncertain_creates(self, legacy_ids: Sequence[str]) -> int:
        """How many creates of these threads never got an answer (each may have left a conversation behind)."""
        return sum(self.journal.count_rows(UNCERTAIN_CREATE, legacy_ids).values())

    def sending(self, legacy_id: str, first_item: int, message_ids: list[str]) -> None:
        """Record a batch about to be sent (its outcome unknown until :meth:`confirmed`)."""
        data = {"count": len(message_ids), "message_ids": message_ids, "item_ids": []}
        self.journal.put_row(legacy_id, BATCH, first_item, "sent", data)

    def confirmed(
        self,
        legacy_id: str,
        first_item: int,
        count: int,
        conversation: str,
        item_ids: list[str],
        message_ids: list[str] | None = None,
    ) -> None:
        """Record that the batch at ``first_item`` is in ``conversation`` (the create's when it is 0).

        ``message_ids`` are the batch's legacy messages; when not given, the ones recorded as it was sent.
        """
        if message_ids is None:
            sent = self.journal.rows(legacy_id, BATCH)
            message_ids = next((row.data.get("message_ids", []) for row in sent if row.position == first_item), [])
        data = {"count": count, "message_ids": message_ids, "item_ids": item_ids}
        with self.journal.transaction():
            self.journal.put_row(legacy_id, BATCH, first_item, "confirmed", data)
            self.journal.holds(legacy_id, conversation)

    def unsent(self, legacy_id: str, first_item: int) -> None:
        """Record that the batch at ``first_item`` is known not to have arrived (it will be sent again)."""
        self.journal.drop_row(legacy_id, BATCH, first_item)

    def uncertain_create(self, legacy_id: str) -> None:
        """Count a create whose answer never came, and forget its batch in the same transaction (it is sent again)."""
        with self.journal.transaction():
            self.journal.append_row(legacy_id, UNCERTAIN_CREATE, "counted", {})
            self.journal.drop_row(legacy_id, BATCH, 0)

    def holds_only(self, legacy_id: str, have: int) -> None:
        """Record that the conversation holds exactly the thread's first ``have`` items (what a repair found).

        Batches from ``have`` on are forgotten and one that spans it is cut short, in one transaction,
        so the writer carries on from ``have``.
        """
        with self.journal.transaction():
            for row in self.journal.rows(legacy_id, BATCH):
                if row.position >= have:
                    self.journal.drop_row(legacy_id, BATCH, row.position)
                elif row.position + int(row.data.get("count", 0)) > have or row.state != "confirmed":
                    data = {**row.data, "count": have - row.position}
                    data["message_ids"] = list(data.get("message_ids", []))[: have - row.position]
                    self.journal.put_row(legacy_id, BATCH, row.position, "confirmed", data)
