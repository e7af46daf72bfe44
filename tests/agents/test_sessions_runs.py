"""A migrated session in use: an agent run continues it and sees the legacy history (the Agents SDK against the
served emulator's Responses API), and a migration killed with SIGKILL three times, then run again, leaves every
session holding each legacy message exactly once, in order, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

from agents import Agent, RunConfig, Runner, SQLiteSession
from agents.models.openai_responses import OpenAIResponsesModel
from openai import AsyncOpenAI
from threadshim.archive import Archive
from threadshim.migrate import migrate
from threadshim.targets.agents.plan import plan_session
from threadshim.testing import Emulator, EmulatorServer, seed_legacy_mixed

from ..kills import kill_three_times
from ..migrate.conftest import archive_of, states
from .sessions import read_sessions, texts

QUIET = RunConfig(tracing_disabled=True)  # traces would go to OpenAI


def test_an_agent_run_continues_a_migrated_session_and_sees_the_legacy_history(tmp_path: Path) -> None:
    emulator = Emulator()
    thread = emulator.add_thread({"metadata": {}})
    emulator.add_message(thread["id"], {"role": "user", "content": "Where is order 42?"})
    emulator.add_message(thread["id"], {"role": "assistant", "content": "It shipped on Monday."})
    archive = archive_of(emulator, [thread["id"]], tmp_path / "legacy.jsonl")
    sessions = tmp_path / "agents.db"
    summary = asyncio.run(migrate(journal=tmp_path / "m.db", archive=archive, to="agents",
                                  sessions=f"sqlite:///{sessions}", progress=io.StringIO()))  # fmt: skip
    assert summary.ok
    emulator.script_responses("Yes: it arrives on Thursday.")

    async def turn(base_url: str) -> tuple[str, list[str]]:
        client = AsyncOpenAI(api_key="sk-test", base_url=base_url, max_retries=0)
        agent = Agent(name="support", instructions="Help with orders.",
                      model=OpenAIResponsesModel(model="gpt-4.1", openai_client=client))  # fmt: skip
        session = SQLiteSession(thread["id"], sessions)
        result = await Runner.run(agent, "Will it arrive this week?", session=session, run_config=QUIET)
        response_id = result.raw_responses[-1].response_id or ""
        seen = [item async for item in client.responses.input_items.list(response_id, order="asc")]
        sent = [getattr(part, "text", "") for item in seen for part in getattr(item, "content", [])[:1]]
        await client.close()
        return str(result.final_output), sent

    with EmulatorServer(emulator) as server:
        reply, sent = asyncio.run(turn(server.base_url))
    assert reply == "Yes: it arrives on Thursday."
    assert sent == ["Where is order 42?", "It shipped on Monday.", "Will it arrive this week?"]
    after = asyncio.run(SQLiteSession(thread["id"], sessions).get_items())
    assert texts(after) == [*sent, "Yes: it arrives on Thursday."]


def test_kill_9_three_times_then_a_rerun_leaves_each_message_exactly_once_in_order(
    sessions_url: str, tmp_path: Path
) -> None:
    emulator = Emulator()
    count = 1500 if sessions_url.startswith("sqlite") else 600  # a few seconds' work on each
    ids: list[str] = seed_legacy_mixed(emulator, count, least=1, most=30, seed=17)["legacy_thread_ids"]
    archive = archive_of(emulator, ids, tmp_path / "legacy.jsonl")
    journal = tmp_path / "m.db"
    command = [sys.executable, "-m", "threadshim.cli", "migrate", "--to", "agents", "--sessions", sessions_url,
               "--journal", str(journal), "--archive", str(archive), "--allow-lossy"]  # fmt: skip
    between = (0.2, 1.5) if sessions_url.startswith("sqlite") else (0.5, 2.0)
    kills, progress = kill_three_times(command, lambda: states(journal, "done"), between=between, begun=journal)
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr
    assert kills >= 2 and progress and 0 < max(progress) < len(ids), (
        f"the kills did not land mid-run ({kills}, {progress})"
    )
    legacy = Archive(archive)
    planned: dict[str, Any] = {i: plan_session(*legacy.raw(i)).items for i in ids}
    held = asyncio.run(read_sessions(sessions_url, ids))
    assert held == {i: list(items) for i, items in planned.items()}
