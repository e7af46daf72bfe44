"""The emulator's state (objects, ids, clock) and the Python calls that seed it as the real services would."""

from __future__ import annotations

from typing import Any

from ._ids import IdSource
from ._store import Store


class SeedError(ValueError):
    """A seeding call that cannot be done as asked (no such thread, or a malformed object); ``status`` as over HTTP."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _text_blocks(content: Any) -> Any:
    """The API's create shape (a string, or ``{"type": "text", "text": "…"}`` blocks) as stored messages hold it."""
    if isinstance(content, str):
        return [{"type": "text", "text": {"value": content, "annotations": []}}]
    if isinstance(content, list):
        return [
            {"type": "text", "text": {"value": block["text"], "annotations": []}}
            if isinstance(block, dict) and block.get("type") == "text" and isinstance(block.get("text"), str)
            else block
            for block in content
        ]
    return content


class World:
    """Objects in a :class:`Store`, ids and a clock from an :class:`IdSource`, and the seeding calls."""

    def __init__(self, *, database: str = ":memory:", deterministic: bool = False, seed: int = 0) -> None:
        self.store = Store(database)
        self.ids = IdSource(deterministic=deterministic, seed=seed)

    def add_chatkit_thread(
        self,
        user: str,
        title: str | None = None,
        status: dict[str, Any] | None = None,
        created_at: int | None = None,
        id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Create a ChatKit thread, as a ChatKit session would; return it as the API shows it."""
        if not isinstance(user, str) or not user:
            raise SeedError("a ChatKit thread needs a non-empty user")
        thread = {
            "id": id or self.ids.chatkit_thread_id(),
            "object": "chatkit.thread",
            "created_at": created_at if created_at is not None else self.ids.now(),
            "title": title,
            "status": status or {"type": "active"},
            "user": user,
            **(extra or {}),
        }
        self.store.put("chatkit_thread", thread, owner=user)
        return thread

    def add_chatkit_item(self, thread_id: str, item: dict[str, Any]) -> dict[str, Any]:
        """Append an item (any ``type``) to a ChatKit thread; id, object, created_at and thread_id are filled in."""
        if self.store.get("chatkit_thread", thread_id) is None:
            raise SeedError(f"No thread found with id '{thread_id}'.", 404)
        if not isinstance(item.get("type"), str):
            raise SeedError("a ChatKit item needs a string 'type'")
        full = {
            "id": item.get("id") or self.ids.chatkit_item_id(),
            "object": "chatkit.thread_item",
            "created_at": item.get("created_at") or self.ids.now(),
            "thread_id": thread_id,
            **{k: v for k, v in item.items() if k not in ("id", "created_at")},
        }
        self.store.put("chatkit_item", full, parent=thread_id)
        return full

    def add_thread(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Store a legacy thread exactly as given (any era's shape); id and created_at are filled in if missing."""
        thread = {"id": raw.get("id") or self.ids.thread_id(), "object": "thread", **raw}
        thread.setdefault("created_at", self.ids.now())
        self.store.put("thread", thread)
        return thread

    def add_message(self, thread_id: str, raw: dict[str, Any]) -> dict[str, Any]:
        """Store a legacy message as given; id, created_at and thread_id are filled in if missing.

        ``content`` may be in the API's create shape (a string, or text blocks holding a string); it is
        stored as the API would return it. Any other shape is kept exactly as given.
        """
        if self.store.get("thread", thread_id) is None:
            raise SeedError(f"No thread found with id '{thread_id}'.", 404)
        message = {
            "id": raw.get("id") or self.ids.message_id(),
            "object": "thread.message",
            "thread_id": thread_id,
            **raw,
        }
        if "content" in raw:
            message["content"] = _text_blocks(raw["content"])
        message.setdefault("created_at", self.ids.now())
        self.store.put("message", message, parent=thread_id)
        return message

    def thread_ids(self) -> dict[str, list[str]]:
        """The id of every thread stored, oldest first: ``legacy_thread_ids`` and ``chatkit_thread_ids``."""
        return {
            "legacy_thread_ids": self.store.ids("thread"),
            "chatkit_thread_ids": self.store.ids("chatkit_thread"),
        }

    def close(self) -> None:
        """Release the database."""
        self.store.close()
