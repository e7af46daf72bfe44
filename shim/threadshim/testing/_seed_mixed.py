"""A data set of legacy threads as assistants left them: text, image files and URLs, attachments, citations.

``seed_legacy_mixed`` makes threads of varied length whose messages cover every content kind a
migration must carry (and one it cannot: a chart image in an assistant reply), with citation
markers at their true indexes. Drawn from a seeded generator, so a run can be repeated.
"""

from __future__ import annotations

import random
from typing import Any

from ._world import World


def _text(value: str, annotations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": "text", "text": {"value": value, "annotations": annotations or []}}


def _cited_reply(number: int) -> dict[str, Any]:
    marker = f"【4:{number % 3}†source】"
    link = f"sandbox:/mnt/data/report_{number}.csv"
    value = f"The policy allows refunds within 30 days{marker}. The table is at [report]({link})."
    start = value.index(marker)
    at = value.index(link)
    return _text(
        value,
        [
            {
                "type": "file_citation",
                "text": marker,
                "file_citation": {"file_id": f"file-policy{number:016d}"},
                "start_index": start,
                "end_index": start + len(marker),
            },
            {
                "type": "file_path",
                "text": link,
                "file_path": {"file_id": f"file-report{number:016d}"},
                "start_index": at,
                "end_index": at + len(link),
            },
        ],
    )


def _user_content(draw: random.Random, number: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A user turn's content and attachments, of one of four kinds."""
    text = _text(f"Question {number}: what does the refund policy say?")
    kind = draw.randrange(4)
    if kind == 1:
        return [
            text,
            {"type": "image_file", "image_file": {"file_id": f"file-photo{number:016d}", "detail": "low"}},
        ], []
    if kind == 2:
        url = f"https://example.com/receipts/{number}.png"
        return [text, {"type": "image_url", "image_url": {"url": url, "detail": "high"}}], []
    if kind == 3:
        files = [
            {"file_id": f"file-invoice{number:015d}", "tools": [{"type": "file_search"}]},
            {"file_id": f"file-orders{number:016d}", "tools": [{"type": "code_interpreter"}]},
        ]
        return [text], files
    return [text], []


def _assistant_content(draw: random.Random, number: int) -> list[dict[str, Any]]:
    kind = draw.randrange(8)
    if kind < 3:
        return [_cited_reply(number)]
    if kind == 3:
        return [{"type": "refusal", "refusal": "I can't help with that request."}]
    if kind == 4:  # a code-interpreter chart: an assistant turn in Conversations cannot hold an image
        return [
            _text("Here is the chart."),
            {"type": "image_file", "image_file": {"file_id": f"file-chart{number:016d}"}},
        ]
    return [_text(f"Answer {number}: refunds take five business days.")]


def seed_legacy_mixed(
    emulator: World, threads: int, *, least: int = 1, most: int = 60, seed: int = 0
) -> dict[str, Any]:
    """Load ``threads`` legacy threads of ``least`` to ``most`` messages of every content kind; return their ids."""
    draw = random.Random(seed)
    ids = []
    for number in range(threads):
        resources = {"file_search": {"vector_store_ids": [f"vs_{number:024d}"]}} if number % 3 == 0 else {}
        metadata = {"user": f"user_{number % 50}", "title": f"Thread {number}"}
        thread = emulator.add_thread({"metadata": metadata, "tool_resources": resources})
        for position in range(draw.randint(least, most)):
            serial = number * 100 + position
            if position % 2 == 0:
                content, attachments = _user_content(draw, serial)
                fields: dict[str, Any] = {"assistant_id": None, "run_id": None}
            else:
                content, attachments = _assistant_content(draw, serial), []
                fields = {"assistant_id": "asst_mixed00000000000000001", "run_id": f"run_{serial:024d}"}
            message = {
                "role": "user" if position % 2 == 0 else "assistant",
                "content": content,
                "attachments": attachments,
                "metadata": {"source": "web"} if position == 0 else {},
                "status": "completed",
                **fields,
            }
            emulator.add_message(thread["id"], message)
        ids.append(thread["id"])
    return {"legacy_thread_ids": ids, "chatkit_thread_ids": []}
