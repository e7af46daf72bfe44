"""Turn what the server sent into a JSON object or a typed error: the one place responses are judged."""

from __future__ import annotations

import json
from typing import Any

import httpx

from .._errors import APIConnectionError, APITimeoutError, UnexpectedResponse, status_error_class


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    """Map an httpx transport failure to threadshim's error (no request headers, so no key, in it)."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out: {type(exc).__name__}")
    return APIConnectionError(f"connection failed: {type(exc).__name__}: {exc}")


def _parse(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


def check(response: httpx.Response) -> httpx.Response:
    """Return a successful response; raise the typed error for a 4xx or 5xx."""
    if response.status_code < 400:
        return response
    body = _parse(response.content)
    error = body.get("error") if isinstance(body, dict) else None
    fields = error if isinstance(error, dict) else {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value if isinstance(value, str) else None

    raise status_error_class(response.status_code)(
        text("message") or response.reason_phrase or "error",
        status_code=response.status_code,
        type=text("type"),
        code=text("code"),
        param=text("param"),
        request_id=response.headers.get("x-request-id"),
        body=body if body is not None else response.content,
    )


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The response body as a JSON object, or :class:`UnexpectedResponse` carrying the raw bytes."""
    body = _parse(response.content)
    if not isinstance(body, dict):
        raise UnexpectedResponse(
            "the API answered with something other than a JSON object",
            status_code=response.status_code,
            body=response.content,
            request_id=response.headers.get("x-request-id"),
        )
    return body
