"""A write that fails on the only or last piece is a failure (exit 1, one line), never a success line; and one
thread's unexpected error fails that thread while the run goes on; and a configured key of any shape is never shown.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim import AsyncThreadShim, AuthenticationError, JournalWriteError, ThreadShim
from threadshim._writer import GroupWriter
from threadshim.cli import main
from threadshim.migrate import Journal, migrate
from threadshim.testing import Emulator, EmulatorServer, seed_named

from ..migrate.conftest import archive_of


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    emulator = Emulator()
    ids = seed_named(emulator, "legacy:3x2")["legacy_thread_ids"]
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.chdir(tmp_path)
    with EmulatorServer(emulator) as server:
        yield emulator, ids, server.base_url


def _full_when(monkeypatch: pytest.MonkeyPatch, holds: str) -> None:
    real = GroupWriter._commit

    def commit(self: GroupWriter, text: str) -> None:
        if holds in text:
            raise OSError(28, "No space left on device")
        real(self, text)

    monkeypatch.setattr(GroupWriter, "_commit", commit)


@pytest.mark.parametrize("which", ["only", "last"])
def test_an_export_whose_only_or_last_group_fails_exits_1_without_a_success_line(
    served: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    _, ids, base = served
    chosen = ids[:1] if which == "only" else ids
    Path("ids.txt").write_text("\n".join(chosen) + "\n")
    _full_when(monkeypatch, chosen[-1])
    code = main(["export", "--ids", "ids.txt", "--out", "o.jsonl", "--base-url", base, "--concurrency", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and "exported" not in out
    assert err.strip().splitlines()[-1].startswith("threadshim: error: No space left on device")
    assert chosen[-1] not in Path("o.jsonl").read_text()


def test_a_journal_that_cannot_take_the_last_write_exits_1_in_one_line(
    served: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    emulator, ids, base = served
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    real = Journal.finish

    def finish(self: Journal, legacy_id: str, state: str, error: str | None = None) -> None:
        if legacy_id == ids[-1] and state == "done":
            raise JournalWriteError(f"cannot write the migration journal {self.path}: database or disk is full")
        real(self, legacy_id, state, error)

    monkeypatch.setattr(Journal, "finish", finish)
    code = main(
        ["migrate", "--to", "conversations", "--archive", str(archive), "--journal", "m.db", "--base-url", base]
    )
    out, err = capsys.readouterr()
    assert code == 1 and "migrated" not in out
    assert (
        err.splitlines()[-1] == "threadshim: error: cannot write the migration journal m.db: database or disk is full"
    )


def test_a_report_that_cannot_be_written_exits_1_in_one_line(
    served: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    emulator, ids, base = served
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    real = Path.write_text

    def write_text(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.name.endswith(".report.json"):
            raise OSError(28, "No space left on device", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    code = main(
        ["migrate", "--to", "conversations", "--archive", str(archive), "--journal", "m.db", "--base-url", base]
    )
    out, err = capsys.readouterr()
    assert code == 1 and "migrated" not in out
    assert err.splitlines()[-1].startswith("threadshim: error: No space left on device: m.db.report.json; fix that")


def test_an_unexpected_error_in_one_thread_fails_it_and_the_run_goes_on(
    served: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from threadshim.targets.conversations import target

    emulator, ids, base = served
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    real = target.plan_conversation  # type: ignore[attr-defined]

    def plan(thread: dict[str, Any], messages: list[dict[str, Any]]) -> Any:
        if thread["id"] == ids[1]:
            raise AttributeError("'NoneType' object has no attribute 'to_dict'")
        return real(thread, messages)

    monkeypatch.setattr(target, "plan_conversation", plan)
    why = "unexpected AttributeError: 'NoneType' object has no attribute 'to_dict'"
    summary = asyncio.run(
        migrate(journal="lib.db", archive=archive, base_url=base, api_key="sk-test", progress=io.StringIO())
    )
    assert summary.migrated == 2 and summary.failed == [(ids[1], why)]
    code = main(
        [
            "migrate",
            "--to",
            "conversations",
            "--archive",
            str(archive),
            "--journal",
            "cli.db",
            "--new-journal",
            "--base-url",
            base,
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1 and "migrated 2" in out and "failed 1" in out, err
    assert f"threadshim: {ids[1]} failed: {why}" in err


class _Echo(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A server that echoes the Authorization header back in a 401 body and in a header."""

    def _answer(self, request: httpx.Request) -> httpx.Response:
        sent = request.headers.get("authorization", "")
        body = {"error": {"message": f"Incorrect API key provided: {sent}", "type": "invalid_request_error"}}
        return httpx.Response(401, json=body, headers={"x-request-id": f"req {sent}"})

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request)


@pytest.mark.parametrize(
    "key", ["gw-4f9d0c2e7b1a", "Bearer-ish:abc/DEF+123=", "1234567890abcdef", "proxy_key.with.dots", "sk-proj-x"]
)
def test_a_configured_key_of_any_shape_is_never_shown_in_an_error(key: str) -> None:
    client = httpx.Client(transport=_Echo())
    with (
        ThreadShim(api_key=key, http_client=client, max_retries=0) as shim,
        pytest.raises(AuthenticationError) as sync_error,
    ):
        shim.retrieve("thread_a")

    async def run() -> AuthenticationError:
        client = httpx.AsyncClient(transport=_Echo())
        async with AsyncThreadShim(api_key=key, http_client=client, max_retries=0) as shim:
            with pytest.raises(AuthenticationError) as caught:
                await shim.retrieve("thread_a")
            return caught.value

    for error in (sync_error.value, asyncio.run(run())):
        shown = [str(error), repr(error), error.message, str(error.body), str(error.request_id)]
        assert all(key not in text for text in shown), shown
        assert "Incorrect API key provided" in str(error)
