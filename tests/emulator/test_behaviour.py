"""The emulator behaves like the real API: auth, beta header, validation, pagination, ids, faults, state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from threadshim.testing import Emulator, Faults, seed_demo, seed_named

CHATKIT = {"OpenAI-Beta": "chatkit_beta=v1", "Authorization": "Bearer sk-test"}
ASSISTANTS = {"OpenAI-Beta": "assistants=v2", "Authorization": "Bearer sk-test"}


def http(emulator: Emulator) -> httpx.Client:
    return httpx.Client(base_url="https://api.openai.com/v1", transport=emulator.transport())


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(deterministic=True)


def error(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()["error"]
    assert set(body) == {"message", "type", "param", "code"}
    return body


def test_requests_without_a_bearer_key_get_401(emulator: Emulator) -> None:
    response = http(emulator).get("/chatkit/threads", headers={"OpenAI-Beta": "chatkit_beta=v1"})
    assert response.status_code == 401
    assert "API key" in error(response)["message"]
    assert response.headers["x-request-id"].startswith("req_")


def test_only_configured_keys_are_accepted() -> None:
    emulator = Emulator(api_keys={"sk-good"})
    bad = http(emulator).get("/chatkit/threads", headers={**CHATKIT, "Authorization": "Bearer sk-bad"})
    good = http(emulator).get("/chatkit/threads", headers={**CHATKIT, "Authorization": "Bearer sk-good"})
    assert (bad.status_code, error(bad)["code"], good.status_code) == (401, "invalid_api_key", 200)


def test_read_only_keys_may_read_but_not_write() -> None:
    emulator = Emulator(read_only_keys=frozenset({"sk-ro"}))
    thread = emulator.add_thread({"metadata": {}, "tool_resources": {}})
    headers = {**ASSISTANTS, "Authorization": "Bearer sk-ro"}
    assert http(emulator).get(f"/threads/{thread['id']}", headers=headers).status_code == 200
    assert http(emulator).delete(f"/threads/{thread['id']}", headers=headers).status_code == 403


@pytest.mark.parametrize(
    ("path", "beta"), [("/chatkit/threads", "assistants=v2"), ("/threads/thread_x", "chatkit_beta=v1")]
)
def test_the_wrong_beta_header_is_refused(emulator: Emulator, path: str, beta: str) -> None:
    response = http(emulator).get(path, headers={"Authorization": "Bearer sk-test", "OpenAI-Beta": beta})
    assert response.status_code == 400
    assert "OpenAI-Beta" in error(response)["message"]


def test_unknown_ids_and_routes_are_404(emulator: Emulator) -> None:
    client = http(emulator)
    assert client.get("/chatkit/threads/cthr_nope", headers=CHATKIT).status_code == 404
    assert client.get("/threads/thread_nope/messages", headers=ASSISTANTS).status_code == 404
    response = client.get("/nothing/here", headers=ASSISTANTS)
    assert response.status_code == 404 and "Invalid URL" in error(response)["message"]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"metadata": {f"k{n}": "v" for n in range(17)}}, "metadata"),
        ({"metadata": {"k" * 65: "v"}}, "metadata"),
        ({"metadata": {"k": "v" * 513}}, "metadata.k"),
        ({"metadata": {"k": 5}}, "metadata.k"),
        ({"metadata": "nope"}, "metadata"),
        (
            {"tool_resources": {"code_interpreter": {"file_ids": [f"f{n}" for n in range(21)]}}},
            "tool_resources.code_interpreter.file_ids",
        ),
        (
            {"tool_resources": {"file_search": {"vector_store_ids": ["a", "b"]}}},
            "tool_resources.file_search.vector_store_ids",
        ),
        ({"messages": [{"role": "robot", "content": "x"}]}, "messages[0].role"),
        ({"messages": "hello"}, "messages"),
        ({"surprise": True}, "surprise"),
    ],
)
def test_what_the_spec_forbids_is_400(emulator: Emulator, body: dict[str, Any], param: str) -> None:
    response = http(emulator).post("/threads", headers=ASSISTANTS, json=body)
    assert response.status_code == 400
    assert error(response)["param"] == param


def test_limits_at_the_edge_are_accepted(emulator: Emulator) -> None:
    body = {
        "metadata": {f"{n:064d}": "v" * 512 for n in range(16)},
        "tool_resources": {
            "code_interpreter": {"file_ids": [f"f{n}" for n in range(20)]},
            "file_search": {"vector_store_ids": ["vs"]},
        },
    }
    response = http(emulator).post("/threads", headers=ASSISTANTS, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["metadata"] == body["metadata"]


def test_malformed_json_is_400(emulator: Emulator) -> None:
    response = http(emulator).post(
        "/threads", headers={**ASSISTANTS, "Content-Type": "application/json"}, content=b"{nope"
    )
    assert response.status_code == 400 and "parse the JSON" in error(response)["message"]


@pytest.mark.parametrize("query", ["limit=101", "limit=-1", "limit=ten", "order=sideways", "user="])
def test_bad_list_queries_are_400(emulator: Emulator, query: str) -> None:
    assert http(emulator).get(f"/chatkit/threads?{query}", headers=CHATKIT).status_code == 400


def test_limit_zero_returns_an_empty_page_that_says_more_exist(emulator: Emulator) -> None:
    emulator.add_chatkit_thread(user="u")
    page = http(emulator).get("/chatkit/threads?limit=0", headers=CHATKIT).json()
    assert page == {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": True}


def test_ids_have_the_real_shapes(emulator: Emulator) -> None:
    client = http(emulator)
    thread = client.post("/threads", headers=ASSISTANTS, json={"messages": [{"role": "user", "content": "hi"}]}).json()
    message = client.get(f"/threads/{thread['id']}/messages", headers=ASSISTANTS).json()["data"][0]
    cthread = emulator.add_chatkit_thread(user="u")
    item = emulator.add_chatkit_item(cthread["id"], {"type": "chatkit.widget", "widget": "{}"})
    assert thread["id"].startswith("thread_") and len(thread["id"]) == 31
    assert message["id"].startswith("msg_") and len(message["id"]) == 28
    assert cthread["id"].startswith("cthr_") and item["id"].startswith("cthi_")


def test_deleting_a_chatkit_thread_deletes_its_items(emulator: Emulator) -> None:
    thread = emulator.add_chatkit_thread(user="u")
    emulator.add_chatkit_item(thread["id"], {"type": "chatkit.widget", "widget": "{}"})
    assert http(emulator).delete(f"/chatkit/threads/{thread['id']}", headers=CHATKIT).json()["deleted"] is True
    assert emulator.store.count("chatkit_item") == 0


def test_deterministic_mode_repeats_itself() -> None:
    first, second = Emulator(deterministic=True), Emulator(deterministic=True)
    assert seed_demo(first) == seed_demo(second)
    responses = [http(e).post("/threads", headers=ASSISTANTS, json={}) for e in (first, second)]
    assert responses[0].json() == responses[1].json()
    assert responses[0].headers["x-request-id"] == responses[1].headers["x-request-id"]


def test_state_can_live_in_a_sqlite_file(tmp_path: Path) -> None:
    database = str(tmp_path / "emulator.sqlite")
    first = Emulator(database=database)
    thread = http(first).post("/threads", headers=ASSISTANTS, json={"metadata": {"a": "b"}}).json()
    first.close()
    again = http(Emulator(database=database)).get(f"/threads/{thread['id']}", headers=ASSISTANTS)
    assert again.json() == thread


def test_scripted_failures_come_first_with_their_headers(emulator: Emulator) -> None:
    emulator.fail_next(429, retry_after=3, retry_after_ms=2500, should_retry=True)
    emulator.fail_next(409)
    client = http(emulator)
    first = client.get("/chatkit/threads", headers=CHATKIT)
    second = client.get("/chatkit/threads", headers=CHATKIT)
    third = client.get("/chatkit/threads", headers=CHATKIT)
    assert (first.status_code, second.status_code, third.status_code) == (429, 409, 200)
    assert first.headers["retry-after"] == "3" and first.headers["retry-after-ms"] == "2500"
    assert first.headers["x-should-retry"] == "true"


def test_a_dropped_connection_raises_in_the_client(emulator: Emulator) -> None:
    emulator.fail_next(0)
    with pytest.raises(httpx.RemoteProtocolError):
        http(emulator).get("/chatkit/threads", headers=CHATKIT)


def test_random_faults_follow_their_rates() -> None:
    emulator = Emulator(faults=Faults(rate_429=0.2, rate_503=0.1, retry_after=2, seed=7))
    statuses = [http(emulator).get("/chatkit/threads", headers=CHATKIT) for _ in range(400)]
    counts = {code: sum(r.status_code == code for r in statuses) for code in (200, 429, 503)}
    assert 50 <= counts[429] <= 110 and 15 <= counts[503] <= 65 and counts[200] == 400 - counts[429] - counts[503]
    assert all(r.headers["retry-after"] == "2" for r in statuses if r.status_code != 200)


def test_latency_is_applied_per_request() -> None:
    reply = Emulator(faults=Faults(latency=0.05)).handle("GET", "/v1/chatkit/threads", {}, {}, b"")
    assert reply.delay == 0.05


def test_invalid_fault_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="more than 1"):
        Faults(rate_429=0.6, rate_500=0.6)
    with pytest.raises(ValueError, match="negative"):
        Faults(latency=-1)


def test_control_routes_seed_chatkit_threads_over_http(emulator: Emulator) -> None:
    client = http(emulator)
    thread = client.post("http://emulator/_emulator/chatkit/threads", json={"user": "u1", "title": "Hi"}).json()
    item = client.post(
        f"http://emulator/_emulator/chatkit/threads/{thread['id']}/items",
        json={"type": "chatkit.widget", "widget": "{}"},
    ).json()
    listed = client.get(f"/chatkit/threads/{thread['id']}/items", headers=CHATKIT).json()
    assert listed["data"] == [item]
    assert client.post("http://emulator/_emulator/chatkit/threads", json={"title": "no user"}).status_code == 400


def test_seed_names_are_checked(emulator: Emulator) -> None:
    assert len(seed_named(emulator, "legacy:3x2")["legacy_thread_ids"]) == 3
    assert emulator.store.count("message") == 6
    with pytest.raises(ValueError, match="unknown seed"):
        seed_named(emulator, "everything")
