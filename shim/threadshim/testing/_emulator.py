"""The emulator: routes HTTP requests to the operations, with auth, beta-header checks and faults."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from . import _operations as ops
from ._faults import Failure, FaultPlan, Faults
from ._ids import IdSource
from ._rules import Refusal
from ._store import Store

Api = Literal["chatkit", "assistants"]
BETA: dict[Api, str] = {"chatkit": "chatkit_beta=v1", "assistants": "assistants=v2"}


@attrs.frozen
class Route:
    """One API operation: its method, path pattern, which API it belongs to, and whether it writes."""

    method: str
    pattern: re.Pattern[str]
    api: Api
    operation: ops.Operation
    writes: bool = False


def _route(method: str, path: str, api: Api, operation: ops.Operation, writes: bool = False) -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(f"^/v1{regex}$"), api, operation, writes)


_ROUTES = [
    _route("GET", "/chatkit/threads", "chatkit", ops.list_chatkit_threads),
    _route("GET", "/chatkit/threads/{thread_id}", "chatkit", ops.retrieve_chatkit_thread),
    _route("DELETE", "/chatkit/threads/{thread_id}", "chatkit", ops.delete_chatkit_thread, writes=True),
    _route("GET", "/chatkit/threads/{thread_id}/items", "chatkit", ops.list_chatkit_thread_items),
    _route("POST", "/threads", "assistants", ops.create_thread, writes=True),
    _route("GET", "/threads/{thread_id}", "assistants", ops.retrieve_thread),
    _route("POST", "/threads/{thread_id}", "assistants", ops.modify_thread, writes=True),
    _route("DELETE", "/threads/{thread_id}", "assistants", ops.delete_thread, writes=True),
    _route("GET", "/threads/{thread_id}/messages", "assistants", ops.list_messages),
    _route("POST", "/threads/{thread_id}/messages", "assistants", ops.create_message, writes=True),
    _route("GET", "/threads/{thread_id}/messages/{message_id}", "assistants", ops.retrieve_message),
    _route("POST", "/threads/{thread_id}/messages/{message_id}", "assistants", ops.modify_message, writes=True),
    _route("DELETE", "/threads/{thread_id}/messages/{message_id}", "assistants", ops.delete_message, writes=True),
]
_FAILURE_TEXT = {
    400: ("invalid_request_error", "The request was refused by a scripted emulator failure.", None),
    401: ("invalid_request_error", "Incorrect API key provided.", "invalid_api_key"),
    403: ("invalid_request_error", "You have insufficient permissions for this operation.", None),
    404: ("invalid_request_error", "The requested resource was not found.", None),
    408: ("server_error", "The request timed out.", None),
    409: ("invalid_request_error", "The request conflicts with another request on the same object.", "conflict"),
    429: ("requests", "Rate limit reached for requests. Please try again shortly.", "rate_limit_exceeded"),
    500: ("server_error", "The server had an error while processing your request. Sorry about that!", None),
    502: ("server_error", "Bad gateway.", None),
    503: ("server_error", "The engine is currently overloaded, please try again later.", None),
}


@attrs.frozen
class Reply:
    """What the emulator answers: status, headers and body, after ``delay`` seconds, or a dropped connection."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    drop: bool = False


def _envelope(message: str, type_: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


class Emulator:
    """A local, stateful stand-in for OpenAI's ChatKit and Assistants thread APIs.

    Serve it over HTTP with :func:`threadshim.testing.serve` (``threadshim serve``), or in-process
    through :meth:`transport`. ``deterministic`` fixes the clock and the id sequence so that two
    runs produce the same objects; ``database`` names a SQLite file to keep state in.
    ``api_keys`` limits which bearer tokens are accepted (any non-empty token when None);
    ``read_only_keys`` are accepted but refused with 403 on anything that writes.
    """

    def __init__(
        self,
        *,
        database: str = ":memory:",
        deterministic: bool = False,
        seed: int = 0,
        faults: Faults | None = None,
        api_keys: set[str] | None = None,
        read_only_keys: frozenset[str] = frozenset(),
    ) -> None:
        self.store = Store(database)
        self.ids = IdSource(deterministic=deterministic, seed=seed)
        self.faults = FaultPlan(faults or Faults())
        self.api_keys = api_keys
        self.read_only_keys = read_only_keys

    # ------------------------------------------------------------------ serving

    def handle(
        self, method: str, path: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> Reply:
        """Answer one HTTP request. ``headers`` must be case-insensitive (lower-case keys will do)."""
        if path.startswith("/_emulator/"):
            return self._control(method, path, body)
        delay = self.faults.faults.latency
        failure = self.faults.draw() if path.startswith("/v1/") else None
        if failure is not None:
            return self._failure(failure, delay)
        try:
            payload = self._serve(method, path, query, headers, body)
        except Refusal as refusal:
            return self._json(
                refusal.status, _envelope(refusal.message, refusal.type, refusal.param, refusal.code), delay
            )
        return self._json(200, payload, delay)

    def _serve(
        self, method: str, path: str, query: Mapping[str, str], headers: Mapping[str, str], body: bytes
    ) -> dict[str, Any]:
        for route in _ROUTES:
            match = route.pattern.match(path)
            if match and route.method == method.upper():
                break
        else:
            raise Refusal(404, f"Invalid URL ({method.upper()} {path})")
        api = route.api
        self._authorize(headers.get("authorization", ""), route.writes)
        beta = [part.strip() for part in headers.get("openai-beta", "").split(",")]
        if BETA[api] not in beta:
            name = "ChatKit" if api == "chatkit" else "Assistants"
            raise Refusal(
                400,
                f"You must provide the 'OpenAI-Beta' header to access the {name} API. "
                f"Please try again by setting the header 'OpenAI-Beta: {BETA[api]}'.",
                param=None,
                code="missing_beta_header",
            )
        parsed: Any = None
        if body.strip():
            try:
                parsed = json.loads(body)
            except ValueError:
                raise Refusal(
                    400,
                    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
                    "HTTP library correctly. The OpenAI API expects a JSON payload.)",
                ) from None
        return route.operation(self.store, self.ids, ops.Call(match.groupdict(), query, parsed))

    def _authorize(self, authorization: str, writes: bool) -> None:
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise Refusal(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header "
                "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            )
        if self.api_keys is not None and token not in self.api_keys | self.read_only_keys:
            raise Refusal(401, "Incorrect API key provided.", code="invalid_api_key")
        if writes and token in self.read_only_keys:
            raise Refusal(
                403,
                "You have insufficient permissions for this operation. Missing scopes: api.threads.write.",
            )

    def _json(
        self, status: int, payload: dict[str, Any], delay: float, extra: tuple[tuple[str, str], ...] = ()
    ) -> Reply:
        headers = (("content-type", "application/json"), ("x-request-id", self.ids.request_id()), *extra)
        return Reply(status, json.dumps(payload).encode(), headers, delay)

    def _failure(self, failure: Failure, delay: float) -> Reply:
        if failure.status == 0:
            return Reply(0, b"", delay=delay, drop=True)
        type_, message, code = _FAILURE_TEXT.get(failure.status, ("server_error", "Emulated failure.", None))
        extra: list[tuple[str, str]] = []
        if failure.retry_after is not None:
            extra.append(("retry-after", str(failure.retry_after)))
        if failure.retry_after_ms is not None:
            extra.append(("retry-after-ms", str(failure.retry_after_ms)))
        if failure.should_retry is not None:
            extra.append(("x-should-retry", "true" if failure.should_retry else "false"))
        return self._json(failure.status, _envelope(failure.message or message, type_, None, code), delay, tuple(extra))

    # ------------------------------------------------------------------ control (not part of OpenAI's API)

    def _control(self, method: str, path: str, body: bytes) -> Reply:
        from ._seed import seed_named

        try:
            data = json.loads(body) if body.strip() else {}
            if method.upper() != "POST" or not isinstance(data, dict):
                raise Refusal(404, f"Invalid URL ({method.upper()} {path})")
            if path == "/_emulator/chatkit/threads":
                return self._json(200, self.add_chatkit_thread(**data), 0.0)
            match = re.fullmatch(r"/_emulator/chatkit/threads/([^/]+)/items", path)
            if match:
                return self._json(200, self.add_chatkit_item(match.group(1), data), 0.0)
            if path == "/_emulator/threads":
                return self._json(200, self.add_thread(data), 0.0)
            match = re.fullmatch(r"/_emulator/threads/([^/]+)/messages", path)
            if match:
                return self._json(200, self.add_message(match.group(1), data), 0.0)
            if path == "/_emulator/seed":
                return self._json(200, seed_named(self, str(data.get("name", "demo"))), 0.0)
            raise Refusal(404, f"Invalid URL ({method.upper()} {path})")
        except (TypeError, ValueError, KeyError) as exc:
            return self._json(400, _envelope(f"Bad emulator request: {exc}", "invalid_request_error"), 0.0)
        except Refusal as refusal:
            return self._json(
                refusal.status, _envelope(refusal.message, refusal.type, refusal.param, refusal.code), 0.0
            )

    # ------------------------------------------------------------------ seeding from Python

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
            raise ValueError("a ChatKit thread needs a non-empty user")
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
            raise Refusal(404, f"No thread found with id '{thread_id}'.")
        if not isinstance(item.get("type"), str):
            raise ValueError("a ChatKit item needs a string 'type'")
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
        """Store a legacy message exactly as given; id, created_at and thread_id are filled in if missing."""
        if self.store.get("thread", thread_id) is None:
            raise Refusal(404, f"No thread found with id '{thread_id}'.")
        message = {
            "id": raw.get("id") or self.ids.message_id(),
            "object": "thread.message",
            "thread_id": thread_id,
            **raw,
        }
        message.setdefault("created_at", self.ids.now())
        self.store.put("message", message, parent=thread_id)
        return message

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        retry_after: int | None = None,
        retry_after_ms: int | None = None,
        should_retry: bool | None = None,
    ) -> None:
        """Make the next ``times`` API requests answer ``status`` (0: drop the connection)."""
        self.faults.fail_next(Failure(status, retry_after, retry_after_ms, should_retry), times)

    def transport(self) -> Any:
        """Return an httpx transport (sync and async) that serves this emulator in-process."""
        from ._transport import EmulatorTransport

        return EmulatorTransport(self)

    def close(self) -> None:
        """Release the database."""
        self.store.close()
