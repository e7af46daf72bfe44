"""Which source answers each kind of thread id, built from what the caller gave: a key, an archive, a store, a journal.

One table, :data:`WIRING`, says for each place (``_routing.PLACES``) what it needs and how its
source is made; a place whose need is not met gets a stand-in that says what to pass. A journal
then puts the successor of the target it records in front of the legacy source, so migrated
``thread_…`` ids keep resolving.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .._journal import Journal
from .._routing import PLACES, Kind
from ..archive import Archive
from ._base import Source
from .archive import ArchiveSource
from .assistants import AssistantsSource
from .chatkit import ChatKitSource
from .conversations import ConversationsSource
from .journaled import JournaledSource
from .unavailable import NoStore, Unavailable


@attrs.frozen
class Given:
    """What the caller configured: whether there is an API key, an archive, a store, the mapping keys, sessions."""

    online: bool
    archive: Archive | None
    store: Source | None
    keys: dict[str, str]
    sessions: Source | None = None


@attrs.frozen
class Wiring:
    """How the source of one kind is made from what was given, and what stands in when its need is not met."""

    needs: str
    make: Callable[[Given], Source | None]
    stand_in: Callable[[], Source]


def _legacy(given: Given) -> Source:
    return ArchiveSource(given.archive) if given.archive is not None else AssistantsSource(**given.keys)


WIRING: dict[Kind, Wiring] = {
    "assistants": Wiring("an archive, or a key", _legacy, lambda: Unavailable("assistants", "the Assistants API")),
    "chatkit": Wiring(
        "a key",
        lambda given: ChatKitSource() if given.online else None,
        lambda: Unavailable("chatkit", "the ChatKit API", named_by_callers=False),
    ),
    "conversations": Wiring(
        "a key",
        lambda given: ConversationsSource(**given.keys) if given.online else None,
        lambda: Unavailable("conversations", "the Conversations API"),
    ),
    "store": Wiring("a store", lambda given: given.store, lambda: NoStore("store", "a ChatKit store")),
}


def sources_for(given: Given, journal: Journal | None, successor: str | None) -> dict[Kind, Source]:
    """Every place's source (or its stand-in), migrated legacy ids read from where the journal says they went.

    ``successor`` is the kind of place the journal's target is read through (``conversations``, ``store``,
    ``agents``).
    """
    sources: dict[Kind, Source] = {}
    for place in PLACES:
        wiring = WIRING[place.kind]
        sources[place.kind] = wiring.make(given) or wiring.stand_in()
    if journal is not None and successor == "store" and given.store is not None:
        sources["assistants"] = JournaledSource(sources["assistants"], given.store, journal)
    elif journal is not None and successor == "agents" and given.sessions is not None:
        sources["assistants"] = JournaledSource(sources["assistants"], given.sessions, journal)
    elif journal is not None and successor == "conversations" and given.online:  # offline, the archive answers
        sources["assistants"] = JournaledSource(sources["assistants"], sources["conversations"], journal)
    return sources
