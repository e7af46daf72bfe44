"""The source for a ChatKit store named by its URL, loaded only when one is named (it needs the chatkit extra)."""

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
