"""Database connection strings the targets take (a ChatKit store, Agents SDK sessions): files, identities, redaction.

Pure functions, with no database driver imported, so a target can say where it writes (and a
journal record it) before anything is installed or connected. ``refuse`` is the error the caller's
users see (the store's or the sessions' own :class:`ConfigurationError`).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

URL_FORMS = "sqlite:///relative/path.db, sqlite:////absolute/path.db or postgresql://user:password@host:5432/dbname"
SESSION_URL_FORMS = "sqlite:///agents.db, postgresql://user:password@host/db or python:package.module:factory"


def redact_url(url: str) -> str:
    """A connection string safe to print: any password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url if "password=" not in url else "(a connection string with a password)"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def sqlite_file(url: str, *, what: str, refuse: type[Exception]) -> Path | None:
    """The file of a ``sqlite:///…`` URL, or None when it is not one; ``refuse`` for a SQLite URL it cannot use."""
    if not url.startswith("sqlite:"):
        return None
    if not url.startswith("sqlite:///") or len(url) == len("sqlite:///") or "?" in url:
        raise refuse(f"cannot use {url!r}: a SQLite {what} is {URL_FORMS.split(',')[0]} (or four slashes for /abs)")
    path = url[len("sqlite:///") :]
    if path == ":memory:":
        raise refuse(f"an in-memory SQLite {what} would vanish when the command ends: name a file")
    return Path(path)


def database_identity(url: str, *, what: str, refuse: type[Exception]) -> str:
    """The one database a connection string names, as a journal records it.

    A SQLite file's resolved path (symbolic links followed, so ``sqlite:///rel.db`` from another
    folder is another database), or a PostgreSQL server's user, host, port and database (no
    password, the default port made explicit).
    """
    path = sqlite_file(url, what=what, refuse=refuse)
    if path is not None:
        return f"sqlite:///{os.path.realpath(path)}"
    parts = urlsplit(url)
    try:
        port = parts.port or 5432
    except ValueError:
        raise refuse(f"cannot use {what} {redact_url(url)!r}: its port is not a number") from None
    user = f"{parts.username}@" if parts.username else ""
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not p.lower().startswith("password=")))
    database = parts.path.lstrip("/")
    return f"postgresql://{user}{(parts.hostname or '').lower()}:{port}/{database}" + (f"?{query}" if query else "")
