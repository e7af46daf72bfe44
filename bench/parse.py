"""Benchmark: the same page of JSON turned into objects by threadshim, the openai SDK and openapi-python-client.

Run with ``make bench`` (or ``python bench/parse.py``). Prints milliseconds per page and ratios;
json.loads of the same bytes is the floor every other way pays too.
"""

from __future__ import annotations

import json
import timeit
from collections.abc import Callable
from typing import Any

import httpx
from openai.pagination import SyncConversationCursorPage, SyncCursorPage
from openai.types.beta.chatkit import ChatKitThread
from openai.types.beta.threads import Message
from threadshim._engine.responses import Received, json_object
from threadshim._mapping import item_from_message, thread_from_chatkit
from threadshim.testing import Emulator, seed_demo
from threadshim_api.models import ChatKitThreadList, MessageList


def _pages() -> tuple[bytes, bytes]:
    emulator = Emulator(deterministic=True)
    seed_demo(emulator)
    demo = emulator.store.page("chatkit_thread", limit=100).data + emulator.store.page("message", limit=100).data
    threads = [t for t in demo if t["object"] == "chatkit.thread"]
    messages = [m for m in demo if m["object"] == "thread.message" and "status" in m]
    chatkit = [dict(threads[n % len(threads)], id=f"cthr_{n:032x}") for n in range(100)]
    legacy = [dict(messages[n % len(messages)], id=f"msg_{n:024d}") for n in range(100)]

    def envelope(data: list[dict[str, Any]]) -> bytes:
        page = {"object": "list", "data": data, "first_id": data[0]["id"], "last_id": data[-1]["id"], "has_more": False}
        return json.dumps(page).encode()

    return envelope(chatkit), envelope(legacy)


def _sdk(page_type: Any, model: Any, body: bytes) -> Callable[[], Any]:
    """How the SDK builds a page from a response body: json.loads, then its (non-validating) construct_type."""
    from openai._models import construct_type

    return lambda: construct_type(type_=page_type[model], value=json.loads(body))


def measure(function: Callable[[], Any], number: int = 200) -> float:
    """Best of five runs, in milliseconds per call."""
    return min(timeit.repeat(function, number=number, repeat=5)) / number * 1000


def main() -> None:
    """Print the figures for a 100-thread ChatKit page and a 100-message legacy page."""
    chatkit, legacy = _pages()
    rows = []
    for name, body, unified, generated, page_type, model in (
        (
            "ChatKit, 100 threads",
            chatkit,
            thread_from_chatkit,
            ChatKitThreadList,
            SyncConversationCursorPage,
            ChatKitThread,
        ),
        ("legacy, 100 messages", legacy, item_from_message, MessageList, SyncCursorPage, Message),
    ):
        response = Received(200, httpx.Headers({"content-type": "application/json"}), body)
        floor = measure(lambda body=body: json.loads(body))  # type: ignore[misc]
        ours = measure(lambda r=response, u=unified: [u(raw) for raw in json_object(r, require_id=False)["data"]])  # type: ignore[misc]
        generated_ms = measure(lambda body=body, generated=generated: generated.from_dict(json.loads(body)))  # type: ignore[misc]
        try:
            sdk = measure(_sdk(page_type, model, body))
        except Exception as exc:
            print(f"openai SDK could not be measured: {exc}")
            sdk = float("nan")
        rows.append((name, floor, ours, generated_ms, sdk))
    print(
        f"{'page':<22}{'json.loads':>12}{'threadshim':>12}{'generated':>12}{'openai SDK':>12}{'ours/SDK':>10}{'ours/json':>10}"
    )
    for name, floor, ours, generated_ms, sdk in rows:
        print(
            f"{name:<22}{floor:>10.3f}ms{ours:>10.3f}ms{generated_ms:>10.3f}ms{sdk:>10.3f}ms{ours / sdk:>10.2f}{ours / floor:>10.1f}"
        )


if __name__ == "__main__":
    main()
