"""Writing planned threads into a ChatKit store: checked against ChatKit's own models, then written whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chatkit.types import ThreadMetadata
from pydantic import ValidationError

from .._errors import InvalidRequest
from ..chatkit import SQLStore, StoredThread
from ..chatkit._codec import ATTACHMENT, ITEM
from .chatkit_plan import ChatKitPlan


def stored(plan: ChatKitPlan) -> StoredThread:
    """The plan as ChatKit objects; :class:`InvalidRequest` names what ChatKit's models refused."""
    try:
        return StoredThread(
            plan.user,
            ThreadMetadata.model_validate(plan.thread),
            [ITEM.validate_python(item) for item in plan.items],
            [ATTACHMENT.validate_python(attachment) for attachment in plan.attachments],
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InvalidRequest(f"ChatKit refuses the thread as planned: {where}: {first['msg']}") from None


class ChatKitTarget:
    """A ChatKit store that takes whole threads, several to a transaction."""

    def __init__(self, store: SQLStore[Any]) -> None:
        self.store = store

    async def write(self, threads: Sequence[StoredThread]) -> None:
        """Write ``threads`` in one transaction: all of them, or none."""
        await self.store.put_threads(threads)
