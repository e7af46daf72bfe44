"""What the emulator refuses: the limits and types the spec sets on requests.

Each check raises :class:`Refusal`, which the emulator answers as a 4xx in OpenAI's error envelope.
"""

from __future__ import annotations

import re
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


_NAMES: dict[type, str] = {
    dict: "object",
    list: "array",
    str: "string",
    int: "integer",
    bool: "boolean",
    float: "number",
    type(None): "null",
}


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


def one_of(value: object, allowed: tuple[str, ...], param: str) -> str:
    """Return ``value`` if it is one of ``allowed``, else refuse naming ``param``."""
    if not isinstance(value, str) or value not in allowed:
        wanted = ", ".join(repr(a) for a in allowed)
        refuse(
            f"Invalid value for '{param}': expected one of {wanted}, got {value!r}.", param=param, code="invalid_value"
        )
    return value


_P = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
URL_PATTERN = (
    rf"^(?:https?://(?:(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{{2}})*@)?"
    rf"(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{{2}})+(?::[0-9]*)?"
    rf"(?:/{_P}*)*(?:\?(?:{_P}|[/?])*)?(?:#(?:{_P}|[/?])*)?"
    rf"|data:(?:{_P}|[/?])*,(?:{_P}|[/?])*)$"
)
"""An http(s) URL with a host, or a data URL, in RFC 3986 characters: the ``pattern`` of ``ImageUrlInput.url``."""
_URL = re.compile(URL_PATTERN)


def is_url(value: str) -> bool:
    """Whether ``value`` matches :data:`URL_PATTERN`."""
    return _URL.fullmatch(value) is not None


def _chunking(value: object, param: str) -> None:
    strategy = expect(value, dict, param)
    kind = one_of(strategy.get("type"), ("auto", "static"), f"{param}.type")
    if kind == "auto":
        known_fields(strategy, {"type"}, f"{param}.")
        return
    known_fields(strategy, {"type", "static"}, f"{param}.")
    static = expect(strategy.get("static"), dict, f"{param}.static")
    known_fields(static, {"max_chunk_size_tokens", "chunk_overlap_tokens"}, f"{param}.static.")
    size = integer(static.get("max_chunk_size_tokens"), f"{param}.static.max_chunk_size_tokens", 100, 4096)
    integer(static.get("chunk_overlap_tokens"), f"{param}.static.chunk_overlap_tokens", 0, size // 2)


def _vector_stores(value: object, param: str) -> int:
    stores = expect(value, list, param)
    if len(stores) > MAX_VECTOR_STORES:
        refuse(f"Invalid '{param}': at most 1 vector store.", param=param, code="array_above_max_length")
    for index, raw in enumerate(stores):
        at = f"{param}[{index}]"
        store = expect(raw, dict, at)
        known_fields(store, {"file_ids", "chunking_strategy", "metadata"}, f"{at}.")
        for position, file_id in enumerate(expect(store.get("file_ids", []), list, f"{at}.file_ids")):
            expect(file_id, str, f"{at}.file_ids[{position}]")
        if "chunking_strategy" in store:
            _chunking(store["chunking_strategy"], f"{at}.chunking_strategy")
        metadata(store.get("metadata"), f"{at}.metadata")
    return len(stores)


def tool_resources(value: object, *, creating: bool = False) -> dict[str, Any] | None:
    """Check tool resources: at most 20 code-interpreter files and one vector store (new or existing)."""
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
        where = "tool_resources.file_search"
        search = expect(resources["file_search"], dict, where)
        known_fields(search, {"vector_store_ids", "vector_stores"} if creating else {"vector_store_ids"}, f"{where}.")
        if creating and len(search) != 1:
            refuse(f"Invalid '{where}': give exactly one of 'vector_store_ids' or 'vector_stores'.", param=where)
        ids = _strings(search.get("vector_store_ids", []), f"{where}.vector_store_ids", MAX_VECTOR_STORES)
        if "vector_stores" in search:
            ids = [
                f"vs_emulated_{index}"
                for index in range(_vector_stores(search["vector_stores"], f"{where}.vector_stores"))
            ]
        checked["file_search"] = {"vector_store_ids": ids}
    return checked


def integer(value: object, param: str, low: int, high: int) -> int:
    """Return ``value`` if it is an integer within [low, high], else refuse naming ``param``."""
    if isinstance(value, float) and value.is_integer():  # JSON Schema: 100.0 is an integer
        value = int(value)
    number: int = expect(value, int, param)
    if not low <= number <= high:
        refuse(
            f"Invalid '{param}': {number} is out of range; expected {low} to {high}.",
            param=param,
            code="integer_out_of_range",
        )
    return number


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
