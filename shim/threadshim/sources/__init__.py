"""The places threads live, behind one small interface (:class:`Source`).

Each source is sans-IO: its methods return operations (generators of steps) that the sync and
async drivers run; local reads (a file, a store, a journal) are local steps. Routing picks a
source by id prefix (``_routing.PLACES``) and configuration (``wiring.py``); no operation asks
which source it is talking to. ``StoreSource`` (``chatkit_store.py``) needs the ``chatkit`` extra
and is loaded by ``named_store.py`` only when a store is named.
"""

from ._base import Changes, Order, Source
from .archive import ArchiveSource
from .assistants import AssistantsSource
from .chatkit import ChatKitSource
from .conversations import ConversationsSource
from .journaled import JournaledSource
from .unavailable import NoStore, Unavailable

__all__ = [
    "ArchiveSource",
    "AssistantsSource",
    "Changes",
    "ChatKitSource",
    "ConversationsSource",
    "JournaledSource",
    "NoStore",
    "Order",
    "Source",
    "Unavailable",
]
