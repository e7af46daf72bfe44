"""Planned threads as a ChatKit store's rows: checked against ChatKit's own models, and split again by thread."""

from __future__ import annotations

from chatkit.types import ThreadMetadata
from pydantic import ValidationError

from ..._errors import InvalidRequest
from ...chatkit import StoredThread, ThreadRows
from ...chatkit._codec import ATTACHMENT, ITEM
from ..base import Prepared
from .plan import ChatKitPlan


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


def split(threads: list[Prepared], rows: ThreadRows) -> list[tuple[Prepared, ThreadRows]]:
    """Each thread with its own rows (to write them one by one); its note says how many item and attachment rows."""
    parts, item, attachment = [], 0, 0
    for number, prepared in enumerate(threads):
        items, attachments = prepared.note.items, prepared.note.attachments
        own = ThreadRows(
            [rows.threads[number]],
            rows.items[item : item + items],
            rows.attachments[attachment : attachment + attachments],
        )
        parts.append((prepared, own))
        item, attachment = item + items, attachment + attachments
    return parts
