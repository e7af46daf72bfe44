"""Builders for ChatKit objects the contract tests store and compare."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from chatkit.types import (
    Annotation,
    AssistantMessageContent,
    AssistantMessageItem,
    FileAttachment,
    FileSource,
    ImageAttachment,
    InferenceOptions,
    ThreadMetadata,
    URLSource,
    UserMessageItem,
    UserMessageTextContent,
)

T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
ALICE = {"user_id": "alice"}
BOB = {"user_id": "bob"}


def thread(thread_id: str, seconds: int = 0, **fields: object) -> ThreadMetadata:
    """A thread created ``seconds`` after T0."""
    return ThreadMetadata(id=thread_id, created_at=T0 + timedelta(seconds=seconds), **fields)  # type: ignore[arg-type]


def user_item(item_id: str, thread_id: str, seconds: int = 0, text: str = "hi") -> UserMessageItem:
    """A user message created ``seconds`` after T0."""
    return UserMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=T0 + timedelta(seconds=seconds),
        content=[UserMessageTextContent(text=text)],
        inference_options=InferenceOptions(),
    )


def assistant_item(item_id: str, thread_id: str, seconds: int = 0) -> AssistantMessageItem:
    """An assistant message with a file citation and a URL source."""
    return AssistantMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=T0 + timedelta(seconds=seconds),
        content=[
            AssistantMessageContent(
                text="See the report.",
                annotations=[
                    Annotation(source=FileSource(title="report.pdf", filename="report.pdf"), index=15),
                    Annotation(source=URLSource(title="docs", url="https://example.com/a"), index=3),
                ],
            )
        ],
    )


def file_attachment(attachment_id: str, thread_id: str | None = None) -> FileAttachment:
    """A file attachment with integration metadata."""
    return FileAttachment(
        id=attachment_id, name="notes.txt", mime_type="text/plain", thread_id=thread_id, metadata={"file_id": "file-1"}
    )


def image_attachment(attachment_id: str, thread_id: str | None = None) -> ImageAttachment:
    """An image attachment with a preview URL."""
    return ImageAttachment(
        id=attachment_id,
        name="cat.png",
        mime_type="image/png",
        thread_id=thread_id,
        preview_url="https://example.com/cat.png",  # type: ignore[arg-type]
    )
