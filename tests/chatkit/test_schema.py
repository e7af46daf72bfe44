"""The store's schema: created on first use, versioned, and refused when a newer threadshim wrote it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from threadshim.chatkit import SCHEMA_VERSION, PostgresStore, SQLiteStore, StoreError, open_store

from .helpers import ALICE, thread


async def test_sqlite_creates_its_tables_on_first_use_and_records_the_version(tmp_path: Path) -> None:
    path = tmp_path / "chatkit.db"
    async with SQLiteStore(path) as store:
        await store.save_thread(thread("thr_1"), ALICE)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version FROM chatkit_schema").fetchall() == [(SCHEMA_VERSION,)]
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


async def test_a_sqlite_store_from_a_newer_threadshim_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chatkit.db"
    async with SQLiteStore(path) as store:
        await store.save_thread(thread("thr_1"), ALICE)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE chatkit_schema SET version = 99")
    async with SQLiteStore(path) as store:
        with pytest.raises(StoreError, match=r"schema 99.*upgrade"):
            await store.load_thread("thr_1", ALICE)


async def test_a_postgres_store_from_a_newer_threadshim_is_refused(postgres_url: str) -> None:
    async with PostgresStore(postgres_url) as store:
        await store.save_thread(thread("thr_1"), ALICE)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert conn.execute("SELECT version FROM chatkit_schema").fetchall() == [(SCHEMA_VERSION,)]
        conn.execute("UPDATE chatkit_schema SET version = 99")
    async with PostgresStore(postgres_url) as store:
        with pytest.raises(StoreError, match="schema 99"):
            await store.load_thread("thr_1", ALICE)


async def test_a_sqlite_store_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    async with SQLiteStore(tmp_path / "nowhere" / "chatkit.db") as store:
        with pytest.raises(StoreError, match="does not exist"):
            await store.load_thread("thr_1", ALICE)


async def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all, just some words " * 100)
    async with SQLiteStore(path) as store:
        with pytest.raises(StoreError, match=r"notes\.db cannot be opened: file is not a database"):
            await store.load_thread("thr_1", ALICE)


async def test_a_postgres_server_that_is_not_there_is_reported_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://app:s3cret@/chatkit?host={tmp_path}&port=1&connect_timeout=2"
    store = PostgresStore(url, max_size=1, timeout=2.0)
    with pytest.raises(StoreError, match="cannot open the PostgreSQL store") as caught:
        await store.load_thread("thr_1", ALICE)
    assert "s3cret" not in str(caught.value) and "app:***@" in str(caught.value)
    await store.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "name a store"),
        ("mysql://x", "expected sqlite:///"),
        ("sqlite://relative.db", "a SQLite store is"),
        ("sqlite:///", "a SQLite store is"),
        ("sqlite:///:memory:", "in-memory"),
        ("postgresql:/nohost", "expected sqlite:///"),
        ("ftp://user:hunter2@host/x", "user:\\*\\*\\*@host"),
    ],
)
def test_connection_strings_threadshim_cannot_use_are_refused_with_the_forms_it_can(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(url)
    assert "hunter2" not in str(caught.value)


def test_connection_strings_pick_the_store() -> None:
    assert isinstance(open_store("sqlite:///chatkit.db"), SQLiteStore)
    assert isinstance(open_store("sqlite:////tmp/x/chatkit.db"), SQLiteStore)
    assert open_store("sqlite:////tmp/x/chatkit.db").backend.path == Path("/tmp/x/chatkit.db")  # type: ignore[attr-defined]
    assert isinstance(open_store("postgresql://u@localhost/db"), PostgresStore)
    assert isinstance(open_store("postgres://u@localhost/db"), PostgresStore)
