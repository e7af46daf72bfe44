"""Both stores for one contract: a fresh SQLite file, and a fresh database on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from threadshim.chatkit import PostgresStore, SQLiteStore, SQLStore
from threadshim.testing._postgres import HOW_TO_GET, ThrowawayPostgres, server_binaries

_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[ThrowawayPostgres]:
    """One cluster for the session; tests that need it skip, saying how to get PostgreSQL, when it cannot run."""
    if server_binaries() is None:
        pytest.skip(HOW_TO_GET)
    with ThrowawayPostgres() as cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster: ThrowawayPostgres) -> str:
    """A new empty database on the session's cluster."""
    name = f"test_{next(_numbers)}"
    with psycopg.connect(postgres_cluster.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}".encode())
    return postgres_cluster.url.replace("/postgres?", f"/{name}?")


def make_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest, **options: Any) -> SQLStore[Any]:
    """A store of ``kind`` ("sqlite" or "postgres") on a fresh database."""
    if kind == "sqlite":
        return SQLiteStore(tmp_path / "chatkit.db", **options)
    url: str = request.getfixturevalue("postgres_url")
    return PostgresStore(url, **options)


@pytest.fixture(params=["sqlite", "postgres"])
def store_kind(request: pytest.FixtureRequest) -> str:
    """Which store a contract test runs on."""
    kind: str = request.param
    return kind


@pytest.fixture
async def store(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[SQLStore[Any]]:
    """A store on an empty database, closed after the test."""
    opened = make_store(store_kind, tmp_path, request)
    yield opened
    await opened.close()
