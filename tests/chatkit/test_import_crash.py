"""`migrate --to chatkit`, and its undo, killed with SIGKILL three times at random moments, then run to the end."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from threadshim.chatkit import open_store
from threadshim.migrate import Journal
from threadshim.testing import Emulator, seed_legacy_mixed

from ..kills import kill_three_times
from ..migrate.conftest import archive_of, states
from .helpers import thread, user_item
from .test_import import expected, stored_state


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """1,200 archived legacy threads of 1 to 20 messages."""
    emulator = Emulator()
    ids: list[str] = seed_legacy_mixed(emulator, 1200, least=1, most=20, seed=13)["legacy_thread_ids"]
    return ids, archive_of(emulator, ids, tmp_path_factory.mktemp("big") / "legacy.jsonl")


def test_kill_9_three_times_then_a_rerun_leaves_each_thread_and_item_exactly_once(
    big_archive: tuple[list[str], Path], store_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ids, archive = big_archive
    url = f"sqlite:///{tmp_path / 'chatkit.db'}" if store_kind == "sqlite" else request.getfixturevalue("postgres_url")
    journal = tmp_path / "m.db"
    command = [sys.executable, "-m", "threadshim.cli", "migrate", "--to", "chatkit", "--store", url,
               "--journal", str(journal), "--archive", str(archive), "--allow-lossy", "--group", "1"]  # fmt: skip
    kills, progress = kill_three_times(command, lambda: states(journal, "done"), between=(0.1, 1.5), begun=journal)
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 2 and progress and 0 < max(progress) < len(ids), (
        f"the kills did not land mid-run ({kills}, {progress})"
    )
    with Journal(journal, read_only=True) as opened:
        entries = opened.entries()
    assert sorted(e.legacy_id for e in entries) == sorted(ids) and {e.state for e in entries} == {"done"}
    assert asyncio.run(stored_state(url)) == expected(ids, archive)


def test_undo_killed_three_times_then_run_again_leaves_the_store_as_before_the_import(
    big_archive: tuple[list[str], Path], store_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ids, archive = big_archive
    url = f"sqlite:///{tmp_path / 'chatkit.db'}" if store_kind == "sqlite" else request.getfixturevalue("postgres_url")
    asyncio.run(_seed_someone_else(url))
    before = asyncio.run(stored_state(url))
    journal = tmp_path / "m.db"
    imported = subprocess.run(
        [sys.executable, "-m", "threadshim.cli", "migrate", "--to", "chatkit", "--store", url, "--journal",
         str(journal), "--archive", str(archive), "--allow-lossy"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    command = [sys.executable, "-m", "threadshim.cli", "migrate", "--undo", "--store", url, "--journal",
               str(journal), "--archive", str(archive)]  # fmt: skip
    already = states(journal, "undone")  # each run is killed after it has undone a thread more than the last had
    kills, undone = kill_three_times(command, lambda: states(journal, "undone"), between=(0.2, 1.2),
                                     begun=lambda: states(journal, "undone") > already)  # fmt: skip
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 2 and 0 < max(undone) < len(ids), f"the kills did not land mid-run ({kills}, {undone})"
    assert asyncio.run(stored_state(url)) == before
    with Journal(journal, read_only=True) as opened:
        assert {e.state for e in opened.entries()} == {"undone"}


async def _seed_someone_else(url: str) -> None:
    """A thread of another user's, with one item, written before the import."""
    store = open_store(url)
    context = {"user_id": "someone-else"}
    await store.save_thread(thread("thr_not_imported"), context)
    await store.add_thread_item("thr_not_imported", user_item("msg_theirs", "thr_not_imported"), context)
    await store.close()
