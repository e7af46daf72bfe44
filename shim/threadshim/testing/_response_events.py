"""The server-sent events of a streamed response, as the Responses API sends them for text and function calls."""

from __future__ import annotations

import copy
from typing import Any


def _in_progress(item: dict[str, Any]) -> dict[str, Any]:
    started = {**item, "status": "in_progress"}
    if item["type"] == "message":
        started["content"] = []
    elif item["type"] == "function_call":
        started["arguments"] = ""
    return started


def _item_events(index: int, item: dict[str, Any]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [
        {"type": "response.output_item.added", "output_index": index, "item": _in_progress(item)}
    ]
    where = {"item_id": item["id"], "output_index": index}
    if item["type"] == "message":
        for number, part in enumerate(item["content"]):
            at = {**where, "content_index": number}
            events.append({"type": "response.content_part.added", **at, "part": {**part, "text": ""}})
            events.append({"type": "response.output_text.delta", **at, "delta": part["text"], "logprobs": []})
            events.append({"type": "response.output_text.done", **at, "text": part["text"], "logprobs": []})
            events.append({"type": "response.content_part.done", **at, "part": part})
    elif item["type"] == "function_call":
        events.append({"type": "response.function_call_arguments.delta", **where, "delta": item["arguments"]})
        done = {"type": "response.function_call_arguments.done", **where, "arguments": item["arguments"]}
        events.append({**done, "name": item["name"]})
    events.append({"type": "response.output_item.done", "output_index": index, "item": item})
    return events


def stream_events(response: dict[str, Any]) -> list[dict[str, Any]]:
    """Every event of ``response`` streamed: created, in progress, each output item whole, completed."""
    started = {**copy.deepcopy(response), "status": "in_progress", "output": [], "completed_at": None, "usage": None}
    events = [{"type": "response.created", "response": started}, {"type": "response.in_progress", "response": started}]
    for index, item in enumerate(response["output"]):
        events.extend(_item_events(index, item))
    events.append({"type": "response.completed", "response": response})
    return [{**event, "sequence_number": number} for number, event in enumerate(events)]
