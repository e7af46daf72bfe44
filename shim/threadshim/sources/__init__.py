"""The places threads live, behind one small interface (:class:`Source`).

Each source is sans-IO: its methods return operations (generators of steps) that the sync and
async drivers run. Routing picks a source by id prefix and configuration; no operation asks which
source it is talking to.
"""

from ._base import Changes, Order, Source
from .archive import ArchiveSource
from .assistants import AssistantsSource
from .chatkit import ChatKitSource
from .conversations import ConversationsSource
from .unavailable import Unavailable

__all__ = [
    "ArchiveSource",
    "AssistantsSource",
    "Changes",
    "ChatKitSource",
    "ConversationsSource",
    "Order",
    "Source",
    "Unavailable",
]
