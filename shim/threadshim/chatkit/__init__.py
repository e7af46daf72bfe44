"""ChatKit stores for a self-hosted ``openai-chatkit`` server: SQLite (embedded) and PostgreSQL.

Install with the ``chatkit`` extra (``pip install 'threadshim[chatkit]'``). Each store implements
every method of ``chatkit.store.Store``; ``threadshim migrate --to chatkit`` imports legacy threads
into one. See ``docs/chatkit-store.md`` for the tables, paging and per-user scoping.
"""

from __future__ import annotations

try:
    import chatkit as _chatkit  # noqa: F401  # the openai-chatkit package
    import psycopg_pool as _pool  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on what is installed
    raise ImportError(
        f"threadshim.chatkit needs the chatkit extra ({exc.name} is missing): pip install 'threadshim[chatkit]'"
    ) from exc

from ._backend import Statement
from ._errors import BadStoreURL, InvalidPage, ItemExists, MissingUser, StoreError, StoreNotFound
from ._schema import LATEST as SCHEMA_VERSION
from ._scope import UserOf, user_from_context
from ._store import SQLStore, StoredThread, ThreadRows, rows_of
from .stores import PostgresStore, SQLiteStore, open_store, redact_url, sqlite_path, store_identity

__all__ = [
    "SCHEMA_VERSION",
    "BadStoreURL",
    "InvalidPage",
    "ItemExists",
    "MissingUser",
    "PostgresStore",
    "SQLStore",
    "SQLiteStore",
    "Statement",
    "StoreError",
    "StoreNotFound",
    "StoredThread",
    "ThreadRows",
    "UserOf",
    "open_store",
    "redact_url",
    "rows_of",
    "sqlite_path",
    "store_identity",
    "user_from_context",
]
