"""The Agents SDK keeps going on a conversation `threadshim migrate` made, against the served emulator, unchanged."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

from agents import Agent, RunConfig, Runner, ToolOutputImage, function_tool, tool_namespace
from agents.memory import OpenAIConversationsSession
from agents.models.openai_responses import OpenAIResponsesModel
from openai import AsyncOpenAI
from threadshim.migrate import Journal, migrate
from threadshim.testing import Emulator, EmulatorServer

from ..migrate.conftest import archive_of

QUIET = RunConfig(tracing_disabled=True)  # traces would go to OpenAI


@function_tool
def order_status(order: int) -> str:
    """Where an order is."""
    return f"order {order} shipped on Monday"


@function_tool
def receipt(order: int) -> ToolOutputImage:
    """A picture of an order's receipt."""
    return ToolOutputImage(image_url=f"https://example.com/receipts/{order}.png")


@function_tool
def refund(order: int) -> str:
    """Refund an order."""
    return f"refund of {order} started"


def _migrated(emulator: Emulator, tmp_path: Path) -> str:
    """A legacy thread of two messages, exported, migrated; the conversation it became."""
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    emulator.add_message(thread["id"], {"role": "user", "content": "Where is order 42?", "metadata": {}})
    emulator.add_message(thread["id"], {"role": "assistant", "content": "Let me check.", "metadata": {}})
    archive = archive_of(emulator, [thread["id"]], tmp_path / "legacy.jsonl")
    options: dict[str, Any] = {"api_key": "sk-test", "base_url": "https://api.openai.com/v1"}
    summary = asyncio.run(
        migrate(
            journal=tmp_path / "m.db",
            archive=archive,
            transport=emulator.transport(),
            progress=io.StringIO(),
            **options,
        )
    )
    assert summary.ok
    with Journal(tmp_path / "m.db", read_only=True) as journal:
        conversation = journal.target_of(thread["id"])
    assert conversation is not None
    return conversation


def _history(items: list[Any]) -> list[tuple[str, str]]:
    shown = []
    for item in items:
        kind = item.get("type", "message")
        if kind == "message":
            content = item["content"]
            text = content if isinstance(content, str) else content[0].get("text", "")
            shown.append((f"{item['role']}", text))
        elif kind == "function_call":
            shown.append(("call", f"{item.get('namespace', '')}.{item['name']}"))
        else:
            output = item["output"]
            shown.append(("output", output if isinstance(output, str) else output[0]["type"]))
    return shown


def test_runner_turns_on_a_migrated_conversation_are_saved_once_each(tmp_path: Path) -> None:
    emulator = Emulator()
    conversation = _migrated(emulator, tmp_path)

    async def turns(base_url: str) -> list[tuple[str, str]]:
        client = AsyncOpenAI(api_key="sk-test", base_url=base_url, max_retries=0)
        model = OpenAIResponsesModel(model="gpt-4.1", openai_client=client)
        tools: list[Any] = [
            order_status,
            receipt,
            *tool_namespace(name="billing", description="Billing", tools=[refund]),
        ]
        agent = Agent(name="support", instructions="Help with orders.", tools=tools, model=model)
        session = OpenAIConversationsSession(conversation_id=conversation, openai_client=client)
        emulator.script_responses("Hello again.")
        plain = await Runner.run(agent, "Hi, it's me.", session=session, run_config=QUIET)
        emulator.script_responses(
            {"function_calls": [{"name": "order_status", "arguments": '{"order": 42}'}]}, "Shipped."
        )
        tool = await Runner.run(agent, "Status of 42?", session=session, run_config=QUIET)
        emulator.script_responses({"function_calls": [{"name": "receipt", "arguments": '{"order": 42}'}]}, "Attached.")
        image = await Runner.run(agent, "Receipt please.", session=session, run_config=QUIET)
        namespaced = {"function_calls": [{"name": "refund", "namespace": "billing", "arguments": '{"order": 42}'}]}
        emulator.script_responses(namespaced, "Refund started.")
        refunded = await Runner.run(agent, "Refund it.", session=session, run_config=QUIET)
        finals = [plain.final_output, tool.final_output, image.final_output, refunded.final_output]
        assert finals == ["Hello again.", "Shipped.", "Attached.", "Refund started."]
        history = _history(await session.get_items())
        await client.close()
        return history

    with EmulatorServer(emulator) as server:
        history = asyncio.run(turns(server.base_url))
    assert history == [
        ("user", "Where is order 42?"),  # the legacy thread, as migrated
        ("assistant", "Let me check."),
        ("user", "Hi, it's me."),
        ("assistant", "Hello again."),
        ("user", "Status of 42?"),
        ("call", ".order_status"),
        ("output", "order 42 shipped on Monday"),
        ("assistant", "Shipped."),
        ("user", "Receipt please."),
        ("call", ".receipt"),
        ("output", "input_image"),
        ("assistant", "Attached."),
        ("user", "Refund it."),
        ("call", "billing.refund"),
        ("output", "refund of 42 started"),
        ("assistant", "Refund started."),
    ]


def test_streamed_runner_turns_with_a_tool_are_saved_once_each(tmp_path: Path) -> None:
    emulator = Emulator()
    conversation = _migrated(emulator, tmp_path)

    async def turns(base_url: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
        client = AsyncOpenAI(api_key="sk-test", base_url=base_url, max_retries=0)
        model = OpenAIResponsesModel(model="gpt-4.1", openai_client=client)
        agent = Agent(name="support", instructions="Help.", tools=[order_status], model=model)
        session = OpenAIConversationsSession(conversation_id=conversation, openai_client=client)
        emulator.script_responses({"function_calls": [{"name": "order_status", "arguments": '{"order": 7}'}]}, "Done.")
        finals: list[str] = []
        kinds: list[str] = []
        for text in ("Status of 7?", "Thanks."):
            result = Runner.run_streamed(agent, text, session=session, run_config=QUIET)
            async for event in result.stream_events():
                if event.type == "run_item_stream_event":
                    kinds.append(event.item.type)
            finals.append(str(result.final_output))
        history = _history(await session.get_items())
        await client.close()
        return finals, kinds, history

    with EmulatorServer(emulator) as server:
        finals, kinds, history = asyncio.run(turns(server.base_url))
    # the second turn met an empty script: the emulator's plain default reply, documented as not a model
    assert finals[0] == "Done." and finals[1] and finals[1] != "Done."
    assert kinds[:3] == ["tool_call_item", "tool_call_output_item", "message_output_item"]
    assert history == [
        ("user", "Where is order 42?"),
        ("assistant", "Let me check."),
        ("user", "Status of 7?"),
        ("call", ".order_status"),
        ("output", "order 7 shipped on Monday"),
        ("assistant", "Done."),
        ("user", "Thanks."),
        ("assistant", finals[1]),
    ]
