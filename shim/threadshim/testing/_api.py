"""OpenAI's API as the emulator serves it: the routes, bearer auth and the ``OpenAI-Beta`` checks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from .._json import loads
from . import _conversations as conv
from . import _operations as ops
from . import _responses as responses
from ._reply import Events
from ._rules import Refusal
from ._world import World

Api = Literal["chatkit", "assistants", "conversations", "responses"]
BETA: dict[Api, str | None] = {
    "chatkit": "chatkit_beta=v1",
    "assistants": "assistants=v2",
    "conversations": None,
    "responses": None,
}


@attrs.frozen
class Route:
    """One API operation: its method, path pattern, which API it belongs to, and whether it writes."""

    method: str
    pattern: re.Pattern[str]
    api: Api
    operation: ops.Operation
    writes: bool = False
    query: frozenset[str] = frozenset()
    body_required: bool = False


_PAGE = frozenset({"limit", "order", "after", "before"})
_INCLUDE = frozenset({"include", "include[]"})


def _route(
    method: str,
    path: str,
    api: Api,
    operation: ops.Operation,
    writes: bool = False,
    query: frozenset[str] = frozenset(),
    body_required: bool = False,
) -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(f"^/v1{regex}$"), api, operation, writes, query, body_required)


ROUTES = [
    _route("GET", "/chatkit/threads", "chatkit", ops.list_chatkit_threads, query=_PAGE | {"user"}),
    _route("GET", "/chatkit/threads/{thread_id}", "chatkit", ops.retrieve_chatkit_thread),
    _route("DELETE", "/chatkit/threads/{thread_id}", "chatkit", ops.delete_chatkit_thread, writes=True),
    _route("GET", "/chatkit/threads/{thread_id}/items", "chatkit", ops.list_chatkit_thread_items, query=_PAGE),
    _route("POST", "/threads", "assistants", ops.create_thread, writes=True),
    _route("GET", "/threads/{thread_id}", "assistants", ops.retrieve_thread),
    _route("POST", "/threads/{thread_id}", "assistants", ops.modify_thread, writes=True, body_required=True),
    _route("DELETE", "/threads/{thread_id}", "assistants", ops.delete_thread, writes=True),
    _route("GET", "/threads/{thread_id}/messages", "assistants", ops.list_messages, query=_PAGE | {"run_id"}),
    _route("POST", "/threads/{thread_id}/messages", "assistants", ops.create_message, writes=True, body_required=True),
    _route("GET", "/threads/{thread_id}/messages/{message_id}", "assistants", ops.retrieve_message),
    _route(
        "POST", "/threads/{thread_id}/messages/{message_id}", "assistants", ops.modify_message, True, body_required=True
    ),
    _route("POST", "/conversations", "conversations", conv.create_conversation, writes=True),
    _route("GET", "/conversations/{conversation_id}", "conversations", conv.retrieve_conversation),
    _route(
        "POST", "/conversations/{conversation_id}", "conversations", conv.update_conversation, True, body_required=True
    ),
    _route("DELETE", "/conversations/{conversation_id}", "conversations", conv.delete_conversation, writes=True),
    _route(
        "GET",
        "/conversations/{conversation_id}/items",
        "conversations",
        conv.list_conversation_items,
        query=frozenset({"limit", "order", "after"}) | _INCLUDE,
    ),
    _route(
        "POST",
        "/conversations/{conversation_id}/items",
        "conversations",
        conv.create_conversation_items,
        writes=True,
        query=_INCLUDE,
        body_required=True,
    ),
    _route(
        "GET",
        "/conversations/{conversation_id}/items/{item_id}",
        "conversations",
        conv.retrieve_conversation_item,
        query=_INCLUDE,
    ),
    _route(
        "DELETE",
        "/conversations/{conversation_id}/items/{item_id}",
        "conversations",
        conv.delete_conversation_item,
        writes=True,
    ),
    _route("DELETE", "/threads/{thread_id}/messages/{message_id}", "assistants", ops.delete_message, writes=True),
    _route("POST", "/responses", "responses", responses.create_response, writes=True, body_required=True),
    _route("GET", "/responses/{response_id}", "responses", responses.retrieve_response, query=_INCLUDE),
    _route("DELETE", "/responses/{response_id}", "responses", responses.delete_response, writes=True),
    _route(
        "GET",
        "/responses/{response_id}/input_items",
        "responses",
        responses.list_input_items,
        query=frozenset({"limit", "order", "after"}) | _INCLUDE,
    ),
]


@attrs.frozen
class Keys:
    """Which bearer tokens are accepted (any non-empty one when ``accepted`` is None), and which may only read."""

    accepted: set[str] | None = None
    read_only: frozenset[str] = frozenset()

    def authorize(self, authorization: str, writes: bool) -> None:
        """Refuse a missing, unknown or read-only key as the API does (401, 401, 403)."""
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise Refusal(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header "
                "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            )
        if self.accepted is not None and token not in self.accepted | self.read_only:
            raise Refusal(401, "Incorrect API key provided.", code="invalid_api_key")
        if writes and token in self.read_only:
            raise Refusal(
                403,
                "You have insufficient permissions for this operation. Missing scopes: api.threads.write.",
            )


def _check_beta(api: Api, header: str) -> None:
    wanted = BETA[api]
    if wanted is not None and wanted not in [part.strip() for part in header.split(",")]:
        name = "ChatKit" if api == "chatkit" else "Assistants"
        raise Refusal(
            400,
            f"You must provide the 'OpenAI-Beta' header to access the {name} API. "
            f"Please try again by setting the header 'OpenAI-Beta: {wanted}'.",
            code="missing_beta_header",
        )


def _json_body(body: bytes) -> Any:
    if not body.strip(b" \t\r\n"):  # JSON's own whitespace: a vertical tab or form feed is a body, and bad JSON
        return ops.NO_BODY
    try:
        return loads(body)
    except ValueError:
        raise Refusal(
            400,
            "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
            "HTTP library correctly. The OpenAI API expects a JSON payload.)",
        ) from None


def serve_api(
    world: World,
    keys: Keys,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> dict[str, Any] | Events:
    """Answer one API request with the JSON body of a 200 (or the events of a stream), or raise :class:`Refusal`."""
    for route in ROUTES:
        match = route.pattern.match(path)
        if match and route.method == method.upper():
            break
    else:
        raise Refusal(404, f"Invalid URL ({method.upper()} {path})")
    keys.authorize(headers.get("authorization", ""), route.writes)
    _check_beta(route.api, headers.get("openai-beta", ""))
    for name in query:
        if name not in route.query:
            raise Refusal(400, f"Unrecognized request argument supplied: {name}", param=name, code="unknown_parameter")
    parsed = _json_body(body)
    if parsed is ops.NO_BODY and route.body_required:
        raise Refusal(400, "Missing required parameter: the request body.", code="missing_required_parameter")
    call = ops.Call(match.groupdict(), query, parsed)
    answer: dict[str, Any] | Events = route.operation(world.store, world.ids, call)
    return answer
