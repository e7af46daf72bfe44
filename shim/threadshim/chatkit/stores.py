"""The two stores, and :func:`open_store`, which picks one from a connection string."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic
from urllib.parse import urlsplit, urlunsplit

from typing_extensions import TypeVar

from ._errors import BadStoreURL
from ._postgres import PostgresBackend
from ._scope import UserOf, user_from_context
from ._sqlite import SQLiteBackend
from ._store import SQLStore

TContext = TypeVar("TContext", default=Any)
URL_FORMS = "sqlite:///relative/path.db, sqlite:////absolute/path.db or postgresql://user:password@host:5432/dbname"


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


def redact_url(url: str) -> str:
    """A connection string safe to print: any password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url if "password=" not in url else "(a connection string with a password)"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///…`` URL, or None when it is not one."""
    if not url.startswith("sqlite:"):
        return None
    if not url.startswith("sqlite:///") or len(url) == len("sqlite:///") or "?" in url:
        raise BadStoreURL(f"cannot use {url!r}: a SQLite store is {URL_FORMS.split(',')[0]} (or four slashes for /abs)")
    path = url[len("sqlite:///") :]
    if path == ":memory:":
        raise BadStoreURL("an in-memory SQLite store would vanish when the command ends: name a file")
    return Path(path)


def store_identity(url: str) -> str:
    """The one store a connection string names, as a journal records it.

    A SQLite file's resolved path (symbolic links followed, so ``sqlite:///rel.db`` from another
    folder is another store), or a PostgreSQL server's user, host, port and database (no password,
    the default port made explicit).
    """
    path = sqlite_path(url)
    if path is not None:
        return f"sqlite:///{os.path.realpath(path)}"
    parts = urlsplit(url)
    try:
        port = parts.port or 5432
    except ValueError:
        raise BadStoreURL(f"cannot use store {redact_url(url)!r}: its port is not a number") from None
    user = f"{parts.username}@" if parts.username else ""
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not p.lower().startswith("password=")))
    database = parts.path.lstrip("/")
    return f"postgresql://{user}{(parts.hostname or '').lower()}:{port}/{database}" + (f"?{query}" if query else "")


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
