"""threadshim: one interface over legacy Assistants threads and ChatKit threads.

``ThreadShim`` and ``AsyncThreadShim`` retrieve, list, page through, update and delete both kinds
of thread and return one unified shape that keeps the raw JSON.
"""

from ._client import AsyncThreadShim, ThreadShim
from ._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidRequest,
    InvalidThreadId,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLarge,
    ThreadShimError,
    UnexpectedResponse,
    UnprocessableEntityError,
    UnsupportedOperation,
)
from ._models import Annotation, Attachment, ContentBlock, ThreadStatus, ToolResources, UnifiedItem, UnifiedThread
from ._retry import RetryPolicy, RetryTransport
from ._version import __version__

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "Annotation",
    "AsyncThreadShim",
    "Attachment",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ContentBlock",
    "InternalServerError",
    "InvalidRequest",
    "InvalidThreadId",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLarge",
    "RetryPolicy",
    "RetryTransport",
    "ThreadShim",
    "ThreadShimError",
    "ThreadStatus",
    "ToolResources",
    "UnexpectedResponse",
    "UnifiedItem",
    "UnifiedThread",
    "UnprocessableEntityError",
    "UnsupportedOperation",
    "__version__",
]
