"""What the emulator refuses: the limits and types the spec sets on requests.

Each check raises :class:`Refusal`, which the emulator answers as a 4xx in OpenAI's error envelope.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

import attrs

from .._limits import (
    MAX_CODE_INTERPRETER_FILES,
    MAX_METADATA_KEY,
    MAX_METADATA_KEYS,
    MAX_METADATA_VALUE,
    MAX_VECTOR_STORES,
)


@attrs.frozen
class Refusal(Exception):
    """A request the API would refuse, with the envelope fields it would send."""

    status: int
    message: str
    type: str = "invalid_request_error"
    param: str | None = None
    code: str | None = None


def refuse(message: str, *, param: str | None = None, code: str | None = None) -> NoReturn:
    """Raise a 400 ``invalid_request_error``."""
    raise Refusal(400, message, param=param, code=code)


_NAMES: dict[type, str] = {dict: "object", list: "array", str: "string", int: "integer", bool: "boolean"}


def _type_name(value: object) -> str:
    return "null" if value is None else _NAMES.get(type(value), type(value).__name__)


def expect(value: object, kind: type | tuple[type, ...], param: str) -> Any:
    """Return ``value`` if it is of ``kind`` (a bool is never an integer), else refuse naming ``param``."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds):
        return value
    wanted = " or ".join(_NAMES[k] for k in kinds)
    refuse(
        f"Invalid type for '{param}': expected {wanted}, but got {_type_name(value)}.",
        param=param,
        code="invalid_type",
    )


def known_fields(body: Mapping[str, Any], allowed: set[str], where: str = "") -> None:
    """Refuse fields the schema does not have (``additionalProperties: false``)."""
    for name in body:
        if name not in allowed:
            refuse(
                f"Unrecognized request argument supplied: {where}{name}",
                param=f"{where}{name}",
                code="unknown_parameter",
            )


def metadata(value: object, param: str = "metadata") -> dict[str, str] | None:
    """Check a metadata map against the 16-key, 64-char key and 512-char value limits."""
    if value is None:
        return None
    pairs = expect(value, dict, param)
    if len(pairs) > MAX_METADATA_KEYS:
        refuse(
            f"Invalid '{param}': too many properties. Expected at most {MAX_METADATA_KEYS}, got {len(pairs)}.",
            param=param,
        )
    for key, item in pairs.items():
        if len(key) > MAX_METADATA_KEY:
            refuse(f"Invalid '{param}': key '{key[:20]}…' is longer than {MAX_METADATA_KEY} characters.", param=param)
        expect(item, str, f"{param}.{key}")
        if len(item) > MAX_METADATA_VALUE:
            refuse(
                f"Invalid '{param}.{key}': string too long. Expected at most {MAX_METADATA_VALUE} characters.",
                param=f"{param}.{key}",
            )
    return dict(pairs)


def _strings(value: object, param: str, most: int) -> list[str]:
    items = expect(value, list, param)
    if len(items) > most:
        refuse(
            f"Invalid '{param}': array too long. Expected at most {most} items, got {len(items)}.",
            param=param,
            code="array_above_max_length",
        )
    for index, item in enumerate(items):
        expect(item, str, f"{param}[{index}]")
    return list(items)


def tool_resources(value: object, *, creating: bool = False) -> dict[str, Any] | None:
    """Check tool resources: at most 20 code-interpreter files and one vector store."""
    if value is None:
        return None
    resources = expect(value, dict, "tool_resources")
    known_fields(resources, {"code_interpreter", "file_search"}, "tool_resources.")
    checked: dict[str, Any] = {}
    if "code_interpreter" in resources:
        code = expect(resources["code_interpreter"], dict, "tool_resources.code_interpreter")
        known_fields(code, {"file_ids"}, "tool_resources.code_interpreter.")
        checked["code_interpreter"] = {
            "file_ids": _strings(
                code.get("file_ids", []), "tool_resources.code_interpreter.file_ids", MAX_CODE_INTERPRETER_FILES
            )
        }
    if "file_search" in resources:
        search = expect(resources["file_search"], dict, "tool_resources.file_search")
        allowed = {"vector_store_ids", "vector_stores"} if creating else {"vector_store_ids"}
        known_fields(search, allowed, "tool_resources.file_search.")
        if "vector_store_ids" in search and "vector_stores" in search:
            refuse(
                "Only one of 'vector_store_ids' or 'vector_stores' may be given.", param="tool_resources.file_search"
            )
        ids = _strings(
            search.get("vector_store_ids", []), "tool_resources.file_search.vector_store_ids", MAX_VECTOR_STORES
        )
        if "vector_stores" in search:
            stores = expect(search["vector_stores"], list, "tool_resources.file_search.vector_stores")
            if len(stores) > MAX_VECTOR_STORES:
                refuse(
                    "Invalid 'tool_resources.file_search.vector_stores': at most 1 vector store.",
                    param="tool_resources.file_search.vector_stores",
                    code="array_above_max_length",
                )
            ids = [f"vs_emulated_{index}" for index, _ in enumerate(stores)]
        checked["file_search"] = {"vector_store_ids": ids}
    return checked


def integer_query(raw: str | None, param: str, low: int, high: int, default: int) -> int:
    """Parse an integer query parameter within [low, high]."""
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        refuse(f"Invalid '{param}': expected an integer, got '{raw}'.", param=param, code="invalid_type")
    if not low <= value <= high:
        refuse(
            f"Invalid '{param}': {value} is out of range; expected {low} to {high}.",
            param=param,
            code="integer_out_of_range",
        )
    return value


def order_query(raw: str | None) -> str:
    """Parse ``order``: asc or desc, desc by default."""
    if raw is None:
        return "desc"
    if raw not in ("asc", "desc"):
        refuse(f"Invalid 'order': expected 'asc' or 'desc', got '{raw}'.", param="order", code="invalid_value")
    return raw
