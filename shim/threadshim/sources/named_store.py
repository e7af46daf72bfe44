"""The sources for a ChatKit store or Agents SDK sessions named by a URL, loaded only when named (they need extras)."""

from __future__ import annotations

from .._errors import ConfigurationError, InvalidRequest
from ._base import Source


def store_source(url: object) -> Source | None:
    """The source for a ChatKit store URL (needs the chatkit extra), or None when none is given."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise InvalidRequest(f"store must be a connection string (sqlite:///… or postgresql://…), not {url!r}")
    from ..chatkit import open_store, sqlite_path  # the chatkit extra: imported only when a store is named
    from .chatkit_store import StoreSource

    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise ConfigurationError(f"no ChatKit store at {path}: name the file `threadshim migrate --to chatkit` wrote")
    return StoreSource(open_store(url))


def sessions_source(url: object) -> Source | None:
    """The source for Agents SDK sessions (needs the agents extra), or None when none is given."""
    if url is None:
        return None
    if not isinstance(url, str):
        raise InvalidRequest(f"sessions must be a URL (sqlite:///…, postgresql://… or python:…), not {url!r}")
    from .._sessions import sessions_file  # the agents extra: imported only when sessions are named
    from .agents_sessions import SessionsSource

    path = sessions_file(url)
    if path is not None and not path.is_file():
        raise ConfigurationError(
            f"no sessions database at {path}: name the file `threadshim migrate --to agents` wrote"
        )
    return SessionsSource(url)
