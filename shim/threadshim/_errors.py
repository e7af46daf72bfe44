"""Every exception threadshim raises, in one hierarchy rooted at :class:`ThreadShimError`.

::

    ThreadShimError
    ├── ConfigurationError          (no API key, bad settings)
    ├── InvalidThreadId             (also a ValueError; raised before any request)
    ├── InvalidRequest              (also a ValueError; a value the API would refuse)
    ├── UnsupportedOperation        (the API has no such operation for that kind of thread)
    ├── FileProblem                 (an ids file, an export or an archive that cannot be used as it is)
    │   ├── IdsFileError            (also a ValueError: not UTF-8 text, or no ids)
    │   ├── NotAnExport             (also a ValueError: --archive pointed at something else)
    │   ├── ExportLocked            (another export or migration is writing the same file)
    │   └── JournalError            (also a ValueError: not a journal, a newer one, another target's)
    └── APIError                    (anything that went wrong talking to the API)
        ├── APIConnectionError
        │   └── APITimeoutError
        ├── UnexpectedResponse      (a body that is not what the API sends; keeps it)
        │   ├── ResponseTooLarge    (a body past max_response_bytes)
        │   └── PaginationError     (pages that never end, or a cursor that is not an id)
        └── APIStatusError          (a 4xx/5xx; status, type, code, param, request_id)
            ├── BadRequestError            400
            ├── AuthenticationError        401
            ├── PermissionDeniedError      403
            ├── NotFoundError              404
            ├── ConflictError              409
            ├── UnprocessableEntityError   422
            ├── RateLimitError             429
            └── InternalServerError        5xx
"""

from __future__ import annotations

import re
from typing import Any

_SECRET = re.compile(r"sk-[A-Za-z0-9_\-]{8,}")
_KEYS: set[str] = set()


def register_secret(key: str) -> None:
    """Remember a configured API key so that no error message or repr ever shows it."""
    if key:
        _KEYS.add(key)


def redact(text: str) -> str:
    """``text`` with every configured key, and anything shaped like ``sk-…``, replaced by ``sk-…REDACTED``."""
    for key in _KEYS:
        if key in text:
            text = text.replace(key, "sk-…REDACTED")
    return _SECRET.sub("sk-…REDACTED", text) if "sk-" in text else text


def redact_bytes(data: bytes) -> bytes:
    """``data`` with every configured key, and anything shaped like ``sk-…``, replaced."""
    if not any(key.encode("utf-8", "replace") in data for key in _KEYS) and b"sk-" not in data:
        return data
    return redact(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


class ThreadShimError(Exception):
    """Base class of every threadshim error."""


class ConfigurationError(ThreadShimError):
    """The client cannot be built as configured (for example, no API key)."""


class InvalidThreadId(ThreadShimError, ValueError):
    """A thread id that is malformed or of no known kind; nothing was sent."""

    def __init__(self, thread_id: object, reason: str) -> None:
        self.thread_id = thread_id
        self.reason = reason
        shown = (
            repr(thread_id) if not isinstance(thread_id, str) or len(thread_id) <= 80 else repr(thread_id[:80] + "…")
        )
        super().__init__(f"invalid thread id {shown}: {reason}")


class InvalidRequest(ThreadShimError, ValueError):
    """A value the API would refuse, caught before sending."""


class UnsupportedOperation(ThreadShimError):
    """The operation does not exist for this kind of thread."""


class FileProblem(ThreadShimError):
    """A file threadshim reads or writes cannot be used as it is; the message says what to do."""


class IdsFileError(FileProblem, ValueError):
    """An ids file that is not UTF-8 text, or holds no ids."""


class NotAnExport(FileProblem, ValueError):
    """A file given as an archive is not a ``threadshim export`` file."""


class ExportLocked(FileProblem):
    """Another export (or migration) is writing to the same file."""


class JournalError(FileProblem, ValueError):
    """A migration journal that cannot be used: missing, not a journal, of a newer schema, or of another target."""


class JournalWriteError(JournalError):
    """The journal could not be written (a full disk, a read-only file, a lock held too long): a failure, not a slip."""


class PathClash(FileProblem, ValueError):
    """An output path names an input (or another output, or a folder): writing there would lose a file."""


class ArchiveClaimed(FileProblem, ValueError):
    """The archive was already migrated to the same target with another journal: a second would duplicate it."""


class APIError(ThreadShimError):
    """Talking to the API failed; ``request_id`` is OpenAI's ``x-request-id`` when there was a response."""

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        self.message = redact(message)
        self.request_id = redact(request_id[:200]) if request_id else None
        super().__init__(self.message + (f" (request id {self.request_id})" if self.request_id else ""))


class APIConnectionError(APIError):
    """No response arrived: the connection failed or was dropped."""


class APIConnectError(APIConnectionError):
    """The connection could not be made (refused, no such host): nothing was sent."""


class TargetUnusable(APIError):
    """A migration's first call found its target unreachable, not the API, or refusing the key: nothing was sent."""


class APITimeoutError(APIConnectionError):
    """No response arrived in time."""


class UnexpectedResponse(APIError):
    """The API answered with something it does not send (not JSON, not an object); ``body`` keeps it."""

    def __init__(self, message: str, *, status_code: int, body: bytes, request_id: str | None = None) -> None:
        self.status_code = status_code
        self.body = redact_bytes(body)
        super().__init__(message, request_id=request_id)


class ResponseTooLarge(UnexpectedResponse):
    """The body grew past ``max_response_bytes`` (``body`` keeps its first KiB)."""


class PaginationError(UnexpectedResponse):
    """The server's pagination is broken: a page repeats, claims more but is empty, or names a cursor that is no id."""


class APIStatusError(APIError):
    """The API answered 4xx or 5xx; OpenAI's error fields are kept, as is the parsed ``body``.

    ``retry_after`` is the wait in seconds the server asked for (``retry-after-ms``/``Retry-After``), if any.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        type: str | None = None,
        code: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        self.status_code = status_code
        self.retry_after = retry_after
        self.type = type
        self.code = code
        self.param = param
        self.body = body
        super().__init__(f"{status_code} {message}", request_id=request_id)


class BadRequestError(APIStatusError):
    """400: the request was malformed or broke a limit."""


class AuthenticationError(APIStatusError):
    """401: no key, or a key the API does not accept."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such thread, message or route."""


class ConflictError(APIStatusError):
    """409: the object is busy or changed under the request."""


class UnprocessableEntityError(APIStatusError):
    """422: well-formed but not acceptable."""


class RateLimitError(APIStatusError):
    """429: slow down (retried automatically, honouring Retry-After)."""


class InternalServerError(APIStatusError):
    """5xx: the server failed (retried automatically)."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The exception class for an HTTP error status."""
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)
