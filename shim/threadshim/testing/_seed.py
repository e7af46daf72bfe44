"""Data sets to start the emulator with: ``demo`` (every shape the APIs send) and ``legacy:NxM`` (bulk)."""

from __future__ import annotations

import re
from typing import Any

from ._seed_mixed import seed_legacy_mixed
from ._seed_readme import seed_readme_objects
from ._world import World


def _text(value: str, annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": "text", "text": {"value": value, "annotations": annotations or []}}


def _v2_message(role: str, content: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {
        "assistant_id": "asst_demo0000000000000001" if role == "assistant" else None,
        "run_id": "run_demo00000000000000001" if role == "assistant" else None,
        "status": "completed",
        "incomplete_details": None,
        "completed_at": None,
        "incomplete_at": None,
        "role": role,
        "content": content,
        "attachments": [],
        "metadata": {},
        **fields,
    }


def _seed_chatkit(emulator: World) -> list[str]:
    escalation = emulator.add_chatkit_thread(user="user_456", title="Customer escalation")
    emulator.add_chatkit_item(
        escalation["id"],
        {
            "type": "chatkit.user_message",
            "content": [
                {"type": "input_text", "text": "I need help debugging an onboarding issue."},
                {"type": "quoted_text", "text": "Error: workflow version 3 not found"},
            ],
            "attachments": [
                {
                    "type": "image",
                    "id": "cfile_screenshot01",
                    "name": "screenshot.png",
                    "mime_type": "image/png",
                    "preview_url": "https://files.example.com/previews/screenshot.png",
                },
                {
                    "type": "file",
                    "id": "cfile_log0000001",
                    "name": "onboarding.log",
                    "mime_type": "text/plain",
                    "preview_url": None,
                },
            ],
            "inference_options": {"tool_choice": {"id": "lookup_workflow"}, "model": "gpt-4.1"},
        },
    )
    emulator.add_chatkit_item(
        escalation["id"],
        {
            "type": "chatkit.client_tool_call",
            "status": "completed",
            "call_id": "call_lookup_0001",
            "name": "lookup_workflow",
            "arguments": '{"version": 3}',
            "output": '{"found": false}',
        },
    )
    emulator.add_chatkit_item(
        escalation["id"],
        {
            "type": "chatkit.task",
            "task_type": "thought",
            "heading": "Checking deployed workflow versions",
            "summary": "Version 3 was never published; version 2 is live.",
        },
    )
    emulator.add_chatkit_item(
        escalation["id"],
        {
            "type": "chatkit.assistant_message",
            "content": [
                {
                    "type": "output_text",
                    "text": "Version 3 was never published. See the release notes and the runbook.",
                    "annotations": [
                        {"type": "url", "source": {"type": "url", "url": "https://example.com/release-notes"}},
                        {"type": "file", "source": {"type": "file", "filename": "runbook.pdf"}},
                    ],
                }
            ],
        },
    )
    emulator.add_chatkit_item(
        escalation["id"],
        {
            "type": "chatkit.task_group",
            "tasks": [
                {"type": "custom", "heading": "Publish version 3", "summary": None},
                {"type": "thought", "heading": None, "summary": "Re-run onboarding after publishing."},
            ],
        },
    )
    emulator.add_chatkit_item(
        escalation["id"],
        {"type": "chatkit.widget", "widget": '{"type":"Card","children":[{"type":"Text","value":"Ticket #4411"}]}'},
    )
    feedback = emulator.add_chatkit_thread(user="user_456", title=None)
    emulator.add_chatkit_item(
        feedback["id"],
        {
            "type": "chatkit.user_message",
            "content": [{"type": "input_text", "text": "The new dashboard is great."}],
            "attachments": [],
            "inference_options": None,
        },
    )
    locked = emulator.add_chatkit_thread(
        user="user_789", title="Billing dispute", status={"type": "locked", "reason": "Escalated to a human agent"}
    )
    emulator.add_chatkit_item(
        locked["id"],
        {
            "type": "chatkit.client_tool_call",
            "status": "in_progress",
            "call_id": "call_refund_0002",
            "name": "issue_refund",
            "arguments": '{"amount": 40}',
            "output": None,
        },
    )
    closed = emulator.add_chatkit_thread(
        user="user_789", title="Password reset", status={"type": "closed", "reason": None}
    )
    emulator.add_chatkit_item(
        closed["id"],
        {"type": "chatkit.assistant_message", "content": [{"type": "output_text", "text": "Done.", "annotations": []}]},
    )
    quiet = emulator.add_chatkit_thread(
        user="user_123", title="Demo feedback", status={"type": "locked", "reason": None}
    )
    return [t["id"] for t in (escalation, feedback, locked, closed, quiet)]


def _seed_legacy(emulator: World) -> list[str]:
    support = emulator.add_thread(
        {
            "metadata": {"user": "user_456", "title": "Refund for order 1182"},
            "tool_resources": {
                "code_interpreter": {"file_ids": ["file-orders2024csv00000001"]},
                "file_search": {"vector_store_ids": ["vs_policies000000000000001"]},
            },
        }
    )
    emulator.add_message(support["id"], _v2_message("user", [_text("Can I get a refund for order 1182?")]))
    emulator.add_message(
        support["id"],
        _v2_message(
            "assistant",
            [
                _text(
                    "Yes: the policy allows refunds within 30 days【4:0†policy.pdf】. Your invoice is attached.",
                    [
                        {
                            "type": "file_citation",
                            "text": "【4:0†policy.pdf】",
                            "file_citation": {"file_id": "file-policy00000000000000001"},
                            "start_index": 44,
                            "end_index": 61,
                        },
                        {
                            "type": "file_path",
                            "text": "sandbox:/mnt/data/invoice.pdf",
                            "file_path": {"file_id": "file-invoice0000000000000001"},
                            "start_index": 63,
                            "end_index": 92,
                        },
                    ],
                ),
                {"type": "image_file", "image_file": {"file_id": "file-chart000000000000000001", "detail": "auto"}},
            ],
            attachments=[
                {"file_id": "file-orders2024csv00000001", "tools": [{"type": "code_interpreter"}]},
                {"file_id": "file-policy00000000000000001", "tools": [{"type": "file_search"}]},
            ],
            metadata={"reviewed": "true"},
        ),
    )
    emulator.add_message(
        support["id"],
        _v2_message(
            "user", [{"type": "image_url", "image_url": {"url": "https://example.com/receipt.png", "detail": "low"}}]
        ),
    )
    emulator.add_message(
        support["id"], _v2_message("assistant", [{"type": "refusal", "refusal": "I can't view that image."}])
    )
    bare = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    emulator.add_message(
        bare["id"],
        _v2_message(
            "assistant",
            [_text("Thinking about")],
            status="incomplete",
            incomplete_details={"reason": "max_tokens"},
            incomplete_at=1712345700,
        ),
    )
    nulls = emulator.add_thread({"metadata": None, "tool_resources": None})
    emulator.add_message(nulls["id"], _v2_message("user", [_text("Hello?")], attachments=None, metadata=None))
    # The v1-era shape: no tool_resources key; messages carry file_ids instead of attachments.
    v1 = emulator.add_thread({"metadata": {"user": "user_789", "title": "Quarterly report"}})
    for role, text in (
        ("user", "Summarise the attached report."),
        ("assistant", "Revenue grew 12% quarter on quarter."),
    ):
        emulator.add_message(
            v1["id"],
            {
                "assistant_id": "asst_v1era00000000000000001" if role == "assistant" else None,
                "run_id": None,
                "role": role,
                "content": [_text(text)],
                "file_ids": ["file-report000000000000000001"] if role == "user" else [],
                "metadata": {},
            },
        )
    return [t["id"] for t in (support, bare, nulls, v1)]


def seed_demo(emulator: World) -> dict[str, Any]:
    """Load the demo data set; return ``{"legacy_thread_ids": [...], "chatkit_thread_ids": [...]}``.

    Legacy: a v2 thread with tool resources and four messages (citations, a file path, an image
    file, an image URL, a refusal, attachments), an incomplete reply, null metadata, and a v1-era
    thread (no tool_resources, ``file_ids`` on messages). ChatKit: five threads of three users with
    every status and every item kind.
    """
    legacy = _seed_legacy(emulator)
    chatkit = _seed_chatkit(emulator)
    return {"legacy_thread_ids": legacy, "chatkit_thread_ids": chatkit}


def seed_legacy_bulk(emulator: World, threads: int, messages: int) -> dict[str, Any]:
    """Load ``threads`` legacy threads with ``messages`` messages each; return their ids."""
    ids = []
    for number in range(threads):
        thread = emulator.add_thread(
            {"metadata": {"user": f"user_{number % 50}", "title": f"Thread {number}"}, "tool_resources": {}}
        )
        for position in range(messages):
            role = "user" if position % 2 == 0 else "assistant"
            emulator.add_message(thread["id"], _v2_message(role, [_text(f"Message {position} of thread {number}.")]))
        ids.append(thread["id"])
    return {"legacy_thread_ids": ids, "chatkit_thread_ids": []}


def seed_named(emulator: World, name: str) -> dict[str, Any]:
    """Load a data set by name: ``demo``, ``readme`` (demo and the README's ids), ``legacy:NxM``, ``legacy-mixed:N``,
    ``archive:PATH``.

    ``legacy:NxM`` is N threads of M messages; ``legacy-mixed:N`` N threads of 1 to 60 messages;
    ``archive:PATH`` every thread and message of a threadshim export, as saved.
    """
    if name.startswith("archive:"):
        from ._seed_archive import seed_archive

        return seed_archive(emulator, name.removeprefix("archive:"))
    if name == "demo":
        return seed_demo(emulator)
    if name == "readme":  # the demo set and the ids the README's examples name
        facts = seed_demo(emulator)
        extra = seed_readme_objects(emulator)
        return {key: facts.get(key, []) + value for key, value in extra.items()}
    bulk = re.fullmatch(r"legacy:(\d+)x(\d+)", name)
    if bulk:
        return seed_legacy_bulk(emulator, int(bulk.group(1)), int(bulk.group(2)))
    mixed = re.fullmatch(r"legacy-mixed:(\d+)", name)
    if mixed:
        return seed_legacy_mixed(emulator, int(mixed.group(1)))
    raise ValueError(
        f"unknown seed {name!r}: expected 'demo', 'readme', 'legacy:NxM' (for example legacy:2000x5) "
        "or 'legacy-mixed:N' or 'archive:PATH'"
    )
