"""`migrate --to chatkit`: an archive imported into each store, read back through ChatKit and threadshim."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from threadshim import ThreadShim
from threadshim.archive import Archive
from threadshim.chatkit import SQLStore, StoredThread, StoreNotFound, open_store
from threadshim.cli import main
from threadshim.migrate import Journal, MigrationSummary, migrate
from threadshim.targets.chatkit.plan import plan_chatkit_thread as plan
from threadshim.testing import Emulator, seed_legacy_mixed

from ..migrate.conftest import archive_of
from .helpers import thread


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """Twelve archived legacy threads of every content kind (some lossy in ChatKit), made once."""
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, 12, least=1, most=45, seed=7)["legacy_thread_ids"]
    return ids, archive_of(emulator, ids, tmp_path_factory.mktemp("legacy") / "legacy.jsonl")


@pytest.fixture
def store_url(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A connection string for an empty store of each kind."""
    return f"sqlite:///{tmp_path / 'chatkit.db'}" if store_kind == "sqlite" else request.getfixturevalue("postgres_url")


def run(archive: Path, journal: Path, store: str, **options: Any) -> MigrationSummary:
    """One import, its progress bar silenced."""
    with open("/dev/null", "w") as quiet:
        return asyncio.run(
            migrate(journal=journal, archive=archive, to="chatkit", store=store, progress=quiet, **options)
        )


async def stored_state(url: str) -> dict[str, tuple[str, list[str]]]:
    """Every thread in the store: its user and its item ids in order (read through the public store API)."""
    store = open_store(url)
    try:
        found: dict[str, tuple[str, list[str]]] = {}
        after = None
        while True:
            rows, more = await store.threads_page(50, after, "asc")
            for user, meta in rows:
                items, cursor = [], None
                while True:
                    page = await store.load_thread_items(meta.id, cursor, 20, "asc", {"user_id": user})
                    items += [i.id for i in page.data]
                    if not page.has_more:
                        break
                    cursor = page.after
                assert meta.id not in found
                found[meta.id] = (user, items)
            if not more:
                return found
            after = rows[-1][1].id
    finally:
        await store.close()


def expected(ids: list[str], archive: Path) -> dict[str, tuple[str, list[str]]]:
    """What the store should hold for ``ids``: each planned thread's user and item ids."""
    legacy = Archive(archive)
    plans = [plan(*legacy.raw(i)) for i in ids]
    return {p.thread_id: (p.user, list(p.message_ids)) for p in plans}


def test_an_archive_is_imported_whole_and_reads_back_through_the_store_and_threadshim(
    legacy: tuple[list[str], Path], store_url: str, tmp_path: Path
) -> None:
    ids, archive = legacy
    journal = tmp_path / "m.db"
    summary = run(archive, journal, store_url, allow_lossy=True, group=5)
    assert summary.ok and summary.migrated == len(ids) and summary.counts.parts > 0
    assert asyncio.run(stored_state(store_url)) == expected(ids, archive)

    async def one_thread() -> None:
        store = open_store(store_url)
        planned = plan(*Archive(archive).raw(ids[0]))
        context = {"user_id": planned.user}
        loaded = await store.load_thread(planned.thread_id, context)
        assert loaded.metadata["legacy_thread_id"] == ids[0] and loaded.title == "Thread 0"
        for attachment in planned.attachments:
            assert (await store.load_attachment(attachment["id"], context)).thread_id == planned.thread_id
        with pytest.raises(StoreNotFound):
            await store.load_thread(planned.thread_id, {"user_id": "someone-else"})
        await store.close()

    asyncio.run(one_thread())
    with ThreadShim(store=store_url, journal=journal, archive=archive) as shim:
        moved = shim.retrieve(ids[3])
        assert moved.source == "chatkit_store" and moved.legacy_id == ids[3] and moved.id == "thr_" + ids[3][7:]
        assert [i.id for i in shim.items(ids[3])] == expected([ids[3]], archive)[moved.id][1]
        assert sorted(t.legacy_id or "" for t in shim.list()) == sorted(ids)  # each thread once, from the store


def test_running_again_or_losing_the_journal_never_duplicates_anything(
    legacy: tuple[list[str], Path], store_url: str, tmp_path: Path
) -> None:
    ids, archive = legacy
    journal = tmp_path / "m.db"
    run(archive, journal, store_url, allow_lossy=True)
    again = run(archive, journal, store_url, allow_lossy=True)
    assert again.already == len(ids) and again.migrated == 0
    journal.unlink()  # as if every commit to the store landed but none to the journal
    rewritten = run(archive, journal, store_url, allow_lossy=True, group=1)
    assert rewritten.migrated == len(ids)
    assert asyncio.run(stored_state(store_url)) == expected(ids, archive)


def test_lossy_threads_are_skipped_unless_allowed_and_a_dry_run_writes_nothing(
    legacy: tuple[list[str], Path], tmp_path: Path
) -> None:
    ids, archive = legacy
    url = f"sqlite:///{tmp_path / 'chatkit.db'}"
    dry = run(archive, tmp_path / "m.db", url, dry_run=True)
    assert dry.dry_run and not (tmp_path / "chatkit.db").exists() and not (tmp_path / "m.db").exists()
    careful = run(archive, tmp_path / "m.db", url)
    assert len(careful.skipped) == dry.skipped.__len__() > 0 and careful.migrated == dry.migrated > 0
    assert all("--allow-lossy" in reason for _, reason in careful.skipped)
    held = asyncio.run(stored_state(url))
    assert len(held) == careful.migrated
    with Journal(tmp_path / "m.db", read_only=True) as opened:
        skipped = [e for e in opened.entries() if e.state == "skipped"]
        assert len(skipped) == len(careful.skipped) and all(e.losses for e in skipped)
    rest = run(archive, tmp_path / "m.db", url, allow_lossy=True)
    assert rest.migrated == len(careful.skipped) and rest.already == careful.migrated
    assert asyncio.run(stored_state(url)) == expected(ids, archive)


def test_a_thread_the_store_refuses_fails_alone_and_the_rest_are_imported(
    legacy: tuple[list[str], Path], store_url: str, tmp_path: Path
) -> None:
    ids, archive = legacy
    taken = plan(*Archive(archive).raw(ids[4])).thread_id

    async def squat() -> None:
        store: SQLStore[Any] = open_store(store_url)
        await store.put_threads([StoredThread("intruder", thread(taken))])
        await store.close()

    asyncio.run(squat())
    summary = run(archive, tmp_path / "m.db", store_url, allow_lossy=True, group=50)
    assert [legacy_id for legacy_id, _ in summary.failed] == [ids[4]]
    assert "belongs to another user" in summary.failed[0][1] and summary.migrated == len(ids) - 1
    held = asyncio.run(stored_state(store_url))
    assert held.pop(taken) == ("intruder", [])
    assert held == {k: v for k, v in expected(ids, archive).items() if k != taken}


def test_the_command_line_imports_reports_and_reads_back(
    legacy: tuple[list[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids, archive = legacy
    url = f"sqlite:///{tmp_path / 'chatkit.db'}"
    journal = tmp_path / "m.db"
    args = ["migrate", "--to", "chatkit", "--store", url, "--journal", str(journal), "--archive", str(archive)]
    assert main([*args, "--allow-lossy"]) == 0
    assert f"migrated {len(ids)}" in capsys.readouterr().out
    report = json.loads((tmp_path / "m.db.report.json").read_text())
    assert {t["chatkit_thread_id"] for t in report["threads"]} == set(expected(ids, archive))
    assert main(["get", ids[0], "--store", url, "--journal", str(journal), "--archive", str(archive), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["legacy_id"] == ids[0] and shown["source"] == "chatkit_store"
    assert main(["items", "thr_" + ids[0][7:], "--store", url]) == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--to", "chatkit"], "needs --store"),
        (
            ["--to", "conversations", "--store", "sqlite:///x.db"],
            "--store applies to --to chatkit, not --to conversations",
        ),
        (["--to", "chatkit", "--store", "mysql://db"], "expected sqlite:///"),
        (["--to", "chatkit", "--store", "sqlite:///x.db", "--group", "0"], "at least 1"),
    ],
)
def test_bad_import_arguments_are_usage_errors(
    legacy: tuple[list[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    _, archive = legacy
    try:
        code = main(["migrate", *extra, "--journal", str(tmp_path / "m.db"), "--archive", str(archive)])
    except SystemExit as refused:  # argparse's own checks
        code = int(str(refused.code))
    assert code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "m.db").exists()


def test_a_caller_running_other_threads_gets_the_same_import_planned_in_process(
    legacy: tuple[list[str], Path], tmp_path: Path
) -> None:
    ids, archive = legacy
    stop = threading.Event()
    busy = threading.Thread(target=stop.wait)  # forking beside a running thread is unsafe: no worker processes
    busy.start()
    try:
        url = f"sqlite:///{tmp_path / 'chatkit.db'}"
        summary = run(archive, tmp_path / "m.db", url, allow_lossy=True, workers=2)
    finally:
        stop.set()
        busy.join()
    assert summary.migrated == len(ids)
    assert asyncio.run(stored_state(url)) == expected(ids, archive)


def test_ids_read_from_the_assistants_api_import_like_the_archive(store_url: str, tmp_path: Path) -> None:
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, 4, least=1, most=30, seed=11)["legacy_thread_ids"]
    gone = "thread_" + "z" * 24
    with open("/dev/null", "w") as quiet:
        summary = asyncio.run(
            migrate(
                journal=tmp_path / "ids.db", ids=[*ids, gone], to="chatkit", store=store_url, allow_lossy=True,
                api_key="sk-test", transport=emulator.transport(), progress=quiet,
            )
        )  # fmt: skip
    assert (summary.migrated, summary.not_found) == (4, [gone])
    from_api = asyncio.run(stored_state(store_url))
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    other = f"sqlite:///{tmp_path / 'from-archive.db'}"
    assert run(archive, tmp_path / "archive.db", other, allow_lossy=True).migrated == 4
    assert from_api == asyncio.run(stored_state(other)) and len(from_api) == 4
    with Journal(tmp_path / "ids.db", read_only=True) as journal:
        missing = journal.entry(gone)
    assert missing is not None and missing.state == "failed" and (missing.error or "").startswith("not found")
