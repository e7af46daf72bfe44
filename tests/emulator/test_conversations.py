"""The emulated Conversations API: state, limits as 400s with param, exact paging, refusals, and rate limits."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from threadshim.testing import Emulator
from threadshim.testing._ratelimit import RateLimiter

AUTH = {"Authorization": "Bearer sk-test"}


@pytest.fixture
def api() -> httpx.Client:
    return httpx.Client(
        base_url="https://api.openai.com/v1", transport=Emulator(deterministic=True).transport(), headers=AUTH
    )


def _message(text: str, role: str = "user") -> dict[str, Any]:
    return {"type": "message", "role": role, "content": text}


def _error(response: httpx.Response, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    return error


@pytest.mark.parametrize(
    ("body", "param", "code"),
    [
        ({"items": [_message("x")] * 21}, "items", "array_above_max_length"),
        ({"metadata": {f"k{n}": "v" for n in range(17)}}, "metadata", None),
        ({"metadata": {"k" * 65: "v"}}, "metadata", None),
        ({"metadata": {"k": "v" * 513}}, "metadata.k", None),
        ({"items": [{"type": "message", "role": "robot", "content": "x"}]}, "items[0].role", "invalid_value"),
        (
            {"items": [{"type": "message", "role": "user", "content": [{"type": "output_text", "text": "x"}]}]},
            "items[0].content[0].type",
            "invalid_value",
        ),
        ({"colour": "red"}, "colour", "unknown_parameter"),
    ],
)
def test_create_refuses_what_the_api_refuses(
    api: httpx.Client, body: dict[str, Any], param: str, code: str | None
) -> None:
    error = _error(api.post("/conversations", json=body))
    assert error["param"] == param and (code is None or error["code"] == code)


def test_an_assistant_message_with_input_text_is_refused_as_the_api_does(api: httpx.Client) -> None:
    conversation = api.post("/conversations", json={}).json()["id"]
    items = [{"type": "message", "role": "assistant", "content": [{"type": "input_text", "text": "Hello"}]}]
    error = _error(api.post(f"/conversations/{conversation}/items", json={"items": items}))
    assert error["code"] == "invalid_value" and error["param"] == "items[0].content[0].type"
    assert "Supported values are: 'output_text' and 'refusal'." in error["message"]
    reply = api.post(f"/conversations/{conversation}/items", json={"items": [_message("Hello", "assistant")]}).json()
    assert reply["data"][0]["content"] == [{"type": "output_text", "text": "Hello", "annotations": [], "logprobs": []}]


def test_adding_items_takes_1_to_20(api: httpx.Client) -> None:
    conversation = api.post("/conversations", json={}).json()["id"]
    assert _error(api.post(f"/conversations/{conversation}/items", json={"items": []}))["param"] == "items"
    assert (
        _error(api.post(f"/conversations/{conversation}/items", json={"items": [_message("x")] * 21}))["param"]
        == "items"
    )
    assert _error(api.post(f"/conversations/{conversation}/items", json={}))["param"] == "items"
    added = api.post(f"/conversations/{conversation}/items", json={"items": [_message(str(n)) for n in range(20)]})
    assert added.status_code == 200 and len(added.json()["data"]) == 20


def test_paging_is_exact_in_both_orders(api: httpx.Client) -> None:
    conversation = api.post("/conversations", json={"items": [_message(str(n)) for n in range(5)]}).json()["id"]
    for order, expected in (("asc", ["0", "1", "2", "3", "4"]), ("desc", ["4", "3", "2", "1", "0"])):
        texts: list[str] = []
        after = None
        pages = 0
        while True:
            query: dict[str, str | int] = {"limit": 2, "order": order, **({"after": after} if after else {})}
            page = api.get(f"/conversations/{conversation}/items", params=query).json()
            texts.extend(item["content"][0]["text"] for item in page["data"])
            pages += 1
            if not page["has_more"]:
                break
            after = page["last_id"]
        assert texts == expected and pages == 3
    default = api.get(f"/conversations/{conversation}/items").json()
    assert [i["content"][0]["text"] for i in default["data"]] == ["4", "3", "2", "1", "0"]  # desc by default
    for limit in (0, 101):
        assert _error(api.get(f"/conversations/{conversation}/items", params={"limit": limit}))["param"] == "limit"


def test_deleting_a_conversation_makes_it_and_its_items_unreachable(api: httpx.Client) -> None:
    conversation = api.post("/conversations", json={"items": [_message("x")]}).json()["id"]
    item = api.get(f"/conversations/{conversation}/items").json()["data"][0]["id"]
    assert api.delete(f"/conversations/{conversation}").json() == {
        "id": conversation,
        "object": "conversation.deleted",
        "deleted": True,
    }
    for path in ("", "/items", f"/items/{item}"):
        _error(api.get(f"/conversations/{conversation}{path}"), 404)


def test_an_item_of_a_kind_not_modelled_is_kept_as_sent(api: httpx.Client) -> None:
    odd = {"type": "mcp_call", "id": "mcp_1", "server_label": "s", "arguments": "{}", "name": "n", "nested": {"a": [1]}}
    conversation = api.post("/conversations", json={"items": [odd]}).json()["id"]
    stored = api.get(f"/conversations/{conversation}/items/mcp_1").json()
    assert stored == odd


def test_ids_have_the_real_shapes(api: httpx.Client) -> None:
    conversation = api.post(
        "/conversations",
        json={"items": [_message("x"), {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"}]},
    ).json()
    assert conversation["id"].startswith("conv_") and len(conversation["id"]) == 53
    items = api.get(f"/conversations/{conversation['id']}/items", params={"order": "asc"}).json()["data"]
    assert items[0]["id"].startswith("msg_") and items[1]["id"].startswith("fc_")


def test_rate_limits_send_openais_headers_and_429_past_the_limit() -> None:
    emulator = Emulator(rpm=60)
    emulator.limiter = RateLimiter(60, clock=lambda: 1000.0)  # time stands still: no token comes back
    api = httpx.Client(base_url="https://api.openai.com/v1", transport=emulator.transport(), headers=AUTH)
    answers = [api.post("/conversations", json={}) for _ in range(61)]
    assert [a.status_code for a in answers[:60]] == [200] * 60
    first, last = answers[0], answers[60]
    assert (
        first.headers["x-ratelimit-limit-requests"] == "60" and first.headers["x-ratelimit-remaining-requests"] == "59"
    )
    assert first.headers["x-ratelimit-reset-requests"].endswith(("ms", "s"))
    assert last.status_code == 429 and _error(last, 429)["code"] == "rate_limit_exceeded"
    assert last.headers["retry-after-ms"] == "1000" and last.headers["retry-after"] == "1"
    other = httpx.Client(
        base_url="https://api.openai.com/v1",
        transport=emulator.transport(),
        headers={"Authorization": "Bearer sk-other"},
    )
    assert other.post("/conversations", json={}).status_code == 200  # each key has its own bucket
