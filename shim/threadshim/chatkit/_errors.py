"""What the ChatKit stores raise: ThreadShimError subclasses that ChatKit's own ``except`` clauses also catch."""

from __future__ import annotations

from chatkit.store import NotFoundError as ChatKitNotFound

from .._errors import ConfigurationError, ThreadShimError


class StoreError(ThreadShimError):
    """The store's database failed or refused: the message says which store and what to do."""


class StoreNotFound(StoreError, ChatKitNotFound):
    """No such thread, item or attachment for this user (another user's look the same: absent)."""


class MissingUser(StoreError, LookupError):
    """The request context names no user, so the store cannot tell whose threads to show."""


class BadStoreURL(StoreError, ConfigurationError, ValueError):
    """A store connection string threadshim cannot use (a usage error: exit code 2 on the command line)."""


class ItemExists(StoreError, ValueError):
    """``add_thread_item`` with an id the thread already holds (``save_item`` is the call that replaces)."""


class InvalidPage(StoreError, ValueError):
    """A page request with a limit below 1 or an order other than ``asc``/``desc``."""
