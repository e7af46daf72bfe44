"""Refuse, before sending, values the API would refuse (the limits themselves are in ``_limits``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._errors import InvalidRequest
from ._limits import (
    MAX_CODE_INTERPRETER_FILES,
    MAX_METADATA_KEY,
    MAX_METADATA_KEYS,
    MAX_METADATA_VALUE,
    MAX_PAGE_SIZE,
    MAX_USER,
    MAX_VECTOR_STORES,
)
from ._models import ToolResources, ToolResourcesLike


def check_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    """At most 16 string pairs, keys ≤ 64 and values ≤ 512 characters."""
    if not isinstance(metadata, Mapping):
        raise InvalidRequest(f"metadata must be a mapping of strings, not {type(metadata).__name__}")
    if len(metadata) > MAX_METADATA_KEYS:
        raise InvalidRequest(f"metadata has {len(metadata)} keys; the API allows at most {MAX_METADATA_KEYS}")
    for key, value in metadata.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise InvalidRequest(f"metadata keys and values must be strings; {key!r} maps to {type(value).__name__}")
        if len(key) > MAX_METADATA_KEY:
            raise InvalidRequest(f"metadata key {key[:20]!r}… is {len(key)} characters; at most {MAX_METADATA_KEY}")
        if len(value) > MAX_METADATA_VALUE:
            raise InvalidRequest(f"metadata value for {key!r} is {len(value)} characters; at most {MAX_METADATA_VALUE}")
    return dict(metadata)


def check_tool_resources(resources: ToolResourcesLike) -> dict[str, Any]:
    """At most 20 code-interpreter files and 1 vector store."""
    body = resources.to_api() if isinstance(resources, ToolResources) else dict(resources)
    code = body.get("code_interpreter")
    search = body.get("file_search")
    files = code.get("file_ids", []) if isinstance(code, dict) else []
    stores = search.get("vector_store_ids", []) if isinstance(search, dict) else []
    if len(files) > MAX_CODE_INTERPRETER_FILES:
        raise InvalidRequest(
            f"{len(files)} code-interpreter files; the API allows at most {MAX_CODE_INTERPRETER_FILES}"
        )
    if len(stores) > MAX_VECTOR_STORES:
        raise InvalidRequest(f"{len(stores)} vector stores; the API allows at most {MAX_VECTOR_STORES}")
    return body


def check_order(order: object) -> str:
    """``asc`` or ``desc``."""
    if order not in ("asc", "desc"):
        raise InvalidRequest(f"order must be 'asc' or 'desc', not {order!r}")
    return str(order)


def check_user(user: object) -> None:
    """A user filter: None, or a string of 1 to 512 characters."""
    if user is not None and (not isinstance(user, str) or not 1 <= len(user) <= MAX_USER):
        raise InvalidRequest(f"user must be a string of 1 to {MAX_USER} characters")


def check_limit(limit: object) -> int:
    """A page size: a whole number from 1 to 100."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidRequest(f"limit must be a whole number from 1 to {MAX_PAGE_SIZE}, not {limit!r}")
    return limit


def check_whole(name: str, value: object, low: int) -> int:
    """A count given by a caller: a whole number (not a bool) of at least ``low``."""
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise InvalidRequest(f"{name} must be a whole number of at least {low}, not {value!r}")
    return value


def check_name(name: str, value: object) -> str:
    """A key or a name given by a caller: a string that is not blank."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequest(f"{name} must name something, not {value!r}")
    return value
