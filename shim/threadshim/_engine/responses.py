"""Judge what the server sent: a JSON object, or a typed error. The one place responses are checked.

Only a 2xx is success; a 1xx or 3xx is a response the API never sends. A 2xx body must be a JSON
object that is not OpenAI's error envelope (and, where the caller says so, carries an ``id``).
Any API key in what the server sent is redacted before it reaches an error.
"""

from __future__ import annotations

from typing import Any

import attrs
import httpx

from .._errors import (
    APIConnectError,
    APIConnectionError,
    APITimeoutError,
    UnexpectedResponse,
    redact_bytes,
    status_error_class,
)
from .._json import loads
from .._retry import retry_after


@attrs.frozen
class Received:
    """A response read whole (within the size cap): its status, headers and decoded body."""

    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def request_id(self) -> str | None:
        """OpenAI's ``x-request-id``."""
        value: str | None = self.headers.get("x-request-id")
        return value


def connection_error(exc: httpx.HTTPError) -> APIConnectionError:
    """Map an httpx failure with no usable response to threadshim's error (no request headers, so no key, in it)."""
    try:
        url = exc.request.url
        where = f" ({url.scheme}://{url.host}{f':{url.port}' if url.port else ''})"
    except RuntimeError:  # an error raised before any request was made
        where = ""
    if isinstance(exc, httpx.ConnectTimeout):  # no connection was made, so nothing was sent
        return APIConnectError(f"could not connect{where}: {type(exc).__name__}")
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out{where}: {type(exc).__name__}")
    if isinstance(exc, httpx.ConnectError):
        return APIConnectError(f"could not connect{where}: {exc}")
    return APIConnectionError(f"connection failed{where}: {type(exc).__name__}: {exc}")


def parse_json(content: bytes) -> Any:
    """The JSON value of a body, or None when it is not JSON (too deeply nested included)."""
    try:
        return loads(content)
    except (ValueError, RecursionError):
        return None


def check(response: Received) -> Received:
    """Return a 2xx response; raise the typed error for a 4xx or 5xx, UnexpectedResponse for anything else."""
    status = response.status_code
    if 200 <= status < 300:
        return response
    if status < 400:
        raise UnexpectedResponse(
            f"the server answered {status}, which the API never sends (a redirect or an interim answer)",
            status_code=status,
            body=response.content,
            request_id=response.request_id,
        )
    content = redact_bytes(response.content)
    body = parse_json(content)
    error = body.get("error") if isinstance(body, dict) else None
    fields = error if isinstance(error, dict) else {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value if isinstance(value, str) else None

    raise status_error_class(status)(
        text("message") or httpx.codes.get_reason_phrase(status) or "error",
        status_code=status,
        type=text("type"),
        code=text("code"),
        param=text("param"),
        request_id=response.request_id,
        body=body if body is not None else content,
        retry_after=retry_after(response.headers),
    )


def json_object(response: Received, *, require_id: bool = True) -> dict[str, Any]:
    """The body as a JSON object the API documents, else :class:`UnexpectedResponse` carrying the raw bytes."""
    body = parse_json(response.content)
    problem = None
    if not isinstance(body, dict):
        problem = "the API answered with something other than a JSON object"
    elif "error" in body and "id" not in body:
        problem = "the API answered 2xx with an error in the body"
    elif require_id and not isinstance(body.get("id"), str):
        problem = "the API answered with an object that has no id"
    if problem is not None or not isinstance(body, dict):
        raise UnexpectedResponse(
            problem or "", status_code=response.status_code, body=response.content, request_id=response.request_id
        )
    return body
