"""The objects the README's examples name, so each example runs as written against ``serve --seed readme``.

``thread_abc123`` (a legacy thread of user ``user_456``, two messages), ``cthr_abc123`` (a ChatKit
thread of the same user) and ``conv_abc123`` (a conversation with two items), beside the demo set.
"""

from __future__ import annotations

from typing import Any

from ._world import World

README_IDS = {"legacy": "thread_abc123", "chatkit": "cthr_abc123", "conversation": "conv_abc123", "user": "user_456"}


def _message(role: str, text: str) -> dict[str, Any]:
    return {
        "role": role,
        "content": [{"type": "text", "text": {"value": text, "annotations": []}}],
        "attachments": [],
        "assistant_id": "asst_readme000000000000001" if role == "assistant" else None,
        "run_id": "run_readme0000000000000001" if role == "assistant" else None,
        "status": "completed",
        "metadata": {},
    }


def seed_readme_objects(emulator: World) -> dict[str, Any]:
    """Add the README's three threads; return their ids."""
    legacy = emulator.add_thread(
        {"id": README_IDS["legacy"], "metadata": {"user": "user_456", "title": "Refund"}, "tool_resources": {}}
    )
    emulator.add_message(legacy["id"], _message("user", "Where is my refund for order 1042?"))
    emulator.add_message(legacy["id"], _message("assistant", "It was sent on Monday; allow three days."))
    chatkit = emulator.add_chatkit_thread("user_456", title="Refund follow-up", id=README_IDS["chatkit"])
    emulator.add_chatkit_item(
        chatkit["id"],
        {"type": "chatkit.user_message", "content": [{"type": "input_text", "text": "Has it arrived?"}]},
    )
    now = emulator.ids.now()
    conversation = {"id": README_IDS["conversation"], "object": "conversation", "created_at": now, "metadata": {}}
    emulator.store.put("conversation", conversation)
    for number, (role, kind, text) in enumerate(
        [("user", "input_text", "Is my refund sent?"), ("assistant", "output_text", "Yes, on Monday.")]
    ):
        item = {
            "id": f"msg_readme{number:022d}",
            "type": "message",
            "status": "completed",
            "role": role,
            "content": [{"type": kind, "text": text, **({"annotations": []} if kind == "output_text" else {})}],
        }
        emulator.store.put("conversation_item", item, parent=README_IDS["conversation"], created=now)
    return {
        "legacy_thread_ids": [legacy["id"]],
        "chatkit_thread_ids": [chatkit["id"]],
        "conversation_ids": [conversation["id"]],
    }
