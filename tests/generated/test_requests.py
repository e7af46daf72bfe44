"""Each generated operation sends the right method, path, query, body and OpenAI-Beta header."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from threadshim_api import AuthenticatedClient
from threadshim_api.api.assistants import (
    create_message,
    create_thread,
    delete_message,
    delete_thread,
    list_messages,
    modify_message,
    modify_thread,
    retrieve_message,
    retrieve_thread,
)
from threadshim_api.api.chatkit import (
    delete_chatkit_thread,
    list_chatkit_thread_items,
    list_chatkit_threads,
    retrieve_chatkit_thread,
)
from threadshim_api.models import (
    ChatKitThread,
    ChatKitThreadItemList,
    ChatKitThreadList,
    CreateMessageRequest,
    CreateThreadRequest,
    DeletedChatKitThread,
    DeletedMessage,
    DeletedThread,
    ErrorResponse,
    Message,
    MessageList,
    ModifyMessageRequest,
    ModifyThreadRequest,
    Thread,
)

CHATKIT = "chatkit_beta=v1"
ASSISTANTS = "assistants=v2"

THREAD = {"id": "thread_abc", "object": "thread", "created_at": 1, "metadata": {}, "tool_resources": {}}
MESSAGE = {
    "id": "msg_abc",
    "object": "thread.message",
    "created_at": 1,
    "thread_id": "thread_abc",
    "status": "completed",
    "incomplete_details": None,
    "completed_at": None,
    "incomplete_at": None,
    "role": "user",
    "content": [{"type": "text", "text": {"value": "hi", "annotations": []}}],
    "assistant_id": None,
    "run_id": None,
    "attachments": [],
    "metadata": {},
}
CTHREAD = {
    "id": "cthr_abc",
    "object": "chatkit.thread",
    "created_at": 1,
    "title": None,
    "status": {"type": "active"},
    "user": "u",
}


def _page(data: list[dict[str, Any]]) -> dict[str, Any]:
    return {"object": "list", "data": data, "first_id": None, "last_id": None, "has_more": False}


# (call, expected method, path, query, body, beta header, answer, parsed type)
CASES: list[tuple[str, Callable[..., Any], str, str, dict[str, str], Any, str, Any, type]] = [
    (
        "list_chatkit_threads",
        lambda c, m: m(client=c, limit=5, order="asc", after="cthr_a", user="user_1"),
        "GET",
        "/v1/chatkit/threads",
        {"limit": "5", "order": "asc", "after": "cthr_a", "user": "user_1"},
        None,
        CHATKIT,
        _page([CTHREAD]),
        ChatKitThreadList,
    ),
    (
        "retrieve_chatkit_thread",
        lambda c, m: m("cthr_abc", client=c),
        "GET",
        "/v1/chatkit/threads/cthr_abc",
        {},
        None,
        CHATKIT,
        CTHREAD,
        ChatKitThread,
    ),
    (
        "delete_chatkit_thread",
        lambda c, m: m("cthr_abc", client=c),
        "DELETE",
        "/v1/chatkit/threads/cthr_abc",
        {},
        None,
        CHATKIT,
        {"id": "cthr_abc", "object": "chatkit.thread.deleted", "deleted": True},
        DeletedChatKitThread,
    ),
    (
        "list_chatkit_thread_items",
        lambda c, m: m("cthr_abc", client=c, limit=2, order="desc", before="cthi_b"),
        "GET",
        "/v1/chatkit/threads/cthr_abc/items",
        {"limit": "2", "order": "desc", "before": "cthi_b"},
        None,
        CHATKIT,
        _page([]),
        ChatKitThreadItemList,
    ),
    (
        "create_thread",
        lambda c, m: m(
            client=c,
            body=CreateThreadRequest.from_dict(
                {"messages": [{"role": "user", "content": "hello"}], "metadata": {"user": "u"}}
            ),
        ),
        "POST",
        "/v1/threads",
        {},
        {"messages": [{"role": "user", "content": "hello"}], "metadata": {"user": "u"}},
        ASSISTANTS,
        THREAD,
        Thread,
    ),
    (
        "retrieve_thread",
        lambda c, m: m("thread_abc", client=c),
        "GET",
        "/v1/threads/thread_abc",
        {},
        None,
        ASSISTANTS,
        THREAD,
        Thread,
    ),
    (
        "modify_thread",
        lambda c, m: m(
            "thread_abc",
            client=c,
            body=ModifyThreadRequest.from_dict(
                {"metadata": {"k": "v"}, "tool_resources": {"code_interpreter": {"file_ids": ["file_1"]}}}
            ),
        ),
        "POST",
        "/v1/threads/thread_abc",
        {},
        {"metadata": {"k": "v"}, "tool_resources": {"code_interpreter": {"file_ids": ["file_1"]}}},
        ASSISTANTS,
        THREAD,
        Thread,
    ),
    (
        "delete_thread",
        lambda c, m: m("thread_abc", client=c),
        "DELETE",
        "/v1/threads/thread_abc",
        {},
        None,
        ASSISTANTS,
        {"id": "thread_abc", "object": "thread.deleted", "deleted": True},
        DeletedThread,
    ),
    (
        "list_messages",
        lambda c, m: m("thread_abc", client=c, limit=100, order="asc", after="msg_a", run_id="run_1"),
        "GET",
        "/v1/threads/thread_abc/messages",
        {"limit": "100", "order": "asc", "after": "msg_a", "run_id": "run_1"},
        None,
        ASSISTANTS,
        _page([MESSAGE]),
        MessageList,
    ),
    (
        "create_message",
        lambda c, m: m(
            "thread_abc",
            client=c,
            body=CreateMessageRequest.from_dict(
                {"role": "user", "content": [{"type": "text", "text": "hi"}], "attachments": None}
            ),
        ),
        "POST",
        "/v1/threads/thread_abc/messages",
        {},
        {"role": "user", "content": [{"type": "text", "text": "hi"}], "attachments": None},
        ASSISTANTS,
        MESSAGE,
        Message,
    ),
    (
        "retrieve_message",
        lambda c, m: m("thread_abc", "msg_abc", client=c),
        "GET",
        "/v1/threads/thread_abc/messages/msg_abc",
        {},
        None,
        ASSISTANTS,
        MESSAGE,
        Message,
    ),
    (
        "modify_message",
        lambda c, m: m("thread_abc", "msg_abc", client=c, body=ModifyMessageRequest.from_dict({"metadata": {}})),
        "POST",
        "/v1/threads/thread_abc/messages/msg_abc",
        {},
        {"metadata": {}},
        ASSISTANTS,
        MESSAGE,
        Message,
    ),
    (
        "delete_message",
        lambda c, m: m("thread_abc", "msg_abc", client=c),
        "DELETE",
        "/v1/threads/thread_abc/messages/msg_abc",
        {},
        None,
        ASSISTANTS,
        {"id": "msg_abc", "object": "thread.message.deleted", "deleted": True},
        DeletedMessage,
    ),
]
MODULES = {
    module.__name__.rsplit(".", 1)[1]: module
    for module in (
        list_chatkit_threads,
        retrieve_chatkit_thread,
        delete_chatkit_thread,
        list_chatkit_thread_items,
        create_thread,
        retrieve_thread,
        modify_thread,
        delete_thread,
        list_messages,
        create_message,
        retrieve_message,
        modify_message,
        delete_message,
    )
}
ERROR = {"error": {"message": "No thread found.", "type": "invalid_request_error", "param": None, "code": None}}


def _client(answer: Any, status: int, seen: list[httpx.Request]) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=answer)

    return AuthenticatedClient(
        base_url="https://api.openai.com/v1", token="sk-test", httpx_args={"transport": httpx.MockTransport(handler)}
    )


def test_every_operation_is_covered() -> None:
    assert {case[0] for case in CASES} == set(MODULES) and len(MODULES) == 13


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_sync_call_sends_the_documented_request(case: tuple[Any, ...]) -> None:
    name, call, method, path, query, body, beta, answer, parsed_type = case
    seen: list[httpx.Request] = []
    response = call(_client(answer, 200, seen), MODULES[name].sync_detailed)
    (request,) = seen
    assert request.method == method
    assert request.url.path == path
    if name == "list_messages" or query:
        assert dict(request.url.params) == query
    else:
        assert dict(request.url.params) == {}
    assert request.headers["OpenAI-Beta"] == beta
    assert request.headers["Authorization"] == "Bearer sk-test"
    if body is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == body
    assert isinstance(response.parsed, parsed_type)
    assert response.parsed.to_dict() == answer


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
async def test_async_call_parses_the_error_envelope(case: tuple[Any, ...]) -> None:
    name, call, method, path, *_ = case
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json=ERROR)

    client = AuthenticatedClient(
        base_url="https://api.openai.com/v1", token="sk-test", httpx_args={"transport": httpx.MockTransport(handler)}
    )
    response = await call(client, MODULES[name].asyncio_detailed)
    assert (seen[0].method, seen[0].url.path) == (method, path)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.error.message == "No thread found."


def test_list_messages_sends_the_published_default_limit() -> None:
    seen: list[httpx.Request] = []
    list_messages.sync_detailed("thread_abc", client=_client(_page([]), 200, seen))
    assert seen[0].url.params["limit"] == "20"


def test_the_beta_header_can_be_overridden() -> None:
    seen: list[httpx.Request] = []
    retrieve_chatkit_thread.sync_detailed("cthr_abc", client=_client(CTHREAD, 200, seen), open_ai_beta="chatkit_beta=v2")
    assert seen[0].headers["OpenAI-Beta"] == "chatkit_beta=v2"
