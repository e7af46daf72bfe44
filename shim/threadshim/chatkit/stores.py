"""The two stores, and :func:`open_store`, which picks one from a connection string."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic

from typing_extensions import TypeVar

from .._db_urls import URL_FORMS, database_identity, redact_url, sqlite_file
from ._errors import BadStoreURL
from ._postgres import PostgresBackend
from ._scope import UserOf, user_from_context
from ._sqlite import SQLiteBackend
from ._store import SQLStore

TContext = TypeVar("TContext", default=Any)
__all__ = ["URL_FORMS", "PostgresStore", "SQLiteStore", "open_store", "redact_url", "sqlite_path", "store_identity"]


class SQLiteStore(SQLStore[TContext], Generic[TContext]):
    """A ChatKit store in one SQLite file (created on first use): the embedded default, no server needed.

    ``pool_size`` worker threads (one connection each) run the queries off the event loop.
    """

    def __init__(self, path: str | Path, *, user_of: UserOf = user_from_context, pool_size: int = 4) -> None:
        super().__init__(SQLiteBackend(path, pool_size=pool_size), user_of=user_of)


class PostgresStore(SQLStore[TContext], Generic[TContext]):
    """A ChatKit store in a PostgreSQL database (tables created on first use), through a psycopg connection pool.

    ``conninfo`` is a libpq connection string or URL; the pool opens on the first query and keeps
    ``min_size`` to ``max_size`` connections; ``timeout`` (seconds) bounds the wait for one.
    """

    def __init__(
        self,
        conninfo: str,
        *,
        user_of: UserOf = user_from_context,
        min_size: int = 1,
        max_size: int = 8,
        timeout: float = 30.0,
    ) -> None:
        name = f"the PostgreSQL store {redact_url(conninfo)}"
        backend = PostgresBackend(conninfo, name=name, min_size=min_size, max_size=max_size, timeout=timeout)
        super().__init__(backend, user_of=user_of)


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///…`` store URL, or None when it is not one."""
    return sqlite_file(url, what="store", refuse=BadStoreURL)


def store_identity(url: str) -> str:
    """The one store a connection string names, as a journal records it (:func:`database_identity`)."""
    return database_identity(url, what="store", refuse=BadStoreURL)


def open_store(url: str, *, user_of: UserOf = user_from_context) -> SQLStore[Any]:
    """The store a connection string names: ``sqlite:///file.db`` or ``postgresql://…`` (``postgres://`` too)."""
    if not isinstance(url, str) or not url.strip():
        raise BadStoreURL(f"name a store: {URL_FORMS}")
    path = sqlite_path(url)
    if path is not None:
        return SQLiteStore(path, user_of=user_of)
    scheme = url.partition("://")[0].lower()
    if scheme in ("postgresql", "postgres") and "://" in url:
        return PostgresStore(url, user_of=user_of)
    raise BadStoreURL(f"cannot use store {redact_url(url)!r}: expected {URL_FORMS}")
