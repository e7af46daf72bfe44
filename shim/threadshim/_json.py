"""Parsing JSON threadshim did not write itself, with one nesting limit that holds the same on every Python.

CPython's ``json`` refuses deep nesting on some versions (3.11: ``RecursionError``) and parses it
on others (3.12+), after which any recursive walk (``copy.deepcopy``, ``repr``, a model's
``to_dict``) may fail far from the input. threadshim therefore refuses, before parsing, any value
nested deeper than :data:`MAX_JSON_DEPTH` arrays and objects: responses, archive lines and their
index, journal columns, reports and the emulator's request bodies all go through :func:`loads`.
The depth is counted outside strings; the check costs one ``count`` per bracket kind when the text
holds fewer brackets than the limit, which is most bodies and archive lines.

Parsing and writing go through orjson (several times faster) wherever it gives the same values as
``json`` and the standard library where it would not (see :func:`loads` and :func:`text`).
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

import orjson

MAX_JSON_DEPTH = 100
"""The deepest nesting of arrays and objects threadshim parses (the API's own objects nest under 15)."""

STORED_DEPTH = MAX_JSON_DEPTH + 4
"""The limit for files threadshim writes around API values (export lines, journal columns): a value
accepted at :data:`MAX_JSON_DEPTH` stays readable inside the few levels such a file adds."""

_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


class TooDeep(ValueError):
    """A JSON text nested deeper than :data:`MAX_JSON_DEPTH` (a ``ValueError``, as malformed JSON is)."""


def depth(text: bytes | str, limit: int = MAX_JSON_DEPTH) -> int:
    """How deeply arrays and objects nest in ``text`` (brackets inside strings do not count).

    When ``text`` holds no more than ``limit`` opening brackets in all, that count is returned
    instead: an upper bound, and enough to know the text is within the limit.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    opening = data.count(b"[") + data.count(b"{")  # two passes at memory speed: most texts stop here
    if opening <= limit:
        return opening
    # without escapes, every quote opens or closes a string; keep only quotes and brackets, drop
    # the empty strings (most of them, once their text is gone), then whatever strings are left
    structure = _ESCAPE.sub(b"", data).translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    brackets = b"".join(structure.split(b'"')[0::2]) if b'"' in structure else structure
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads(text: bytes | bytearray | str, limit: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that first refuses nesting deeper than ``limit`` with :class:`TooDeep`."""
    data = bytes(text) if isinstance(text, bytearray) else text
    if depth(data, limit) > limit:
        raise TooDeep(f"JSON nested deeper than {limit} arrays and objects")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # NaN, integers past 64 bits, lone surrogates, or not JSON: json decides, and says
        return json.loads(data)


def text(value: Any, *, sort_keys: bool = False) -> str:
    """``value`` as compact JSON with non-ASCII characters as they are: what ``json.dumps`` writes, in value.

    orjson writes it, except where it would write a different value or cannot: it writes ``null``
    for NaN and the infinities, so a value holding one is written by ``json`` (which writes them
    as ``json.loads`` reads them), and it refuses integers past 64 bits and lone surrogates. One
    value always gives one text; numbers may be spelled differently from ``json``'s (``1e-7``, not
    ``1e-07``), as any JSON reader accepts.
    """
    try:
        data = orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else 0)
    except (TypeError, orjson.JSONEncodeError):
        data = None
    if data is None or (b"null" in data and _not_finite(value)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
    return data.decode()


def _not_finite(value: Any) -> bool:
    """Whether ``value`` holds NaN or an infinity at any depth."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_not_finite(v) for v in value.values() if isinstance(v, (float, dict, list, tuple)))
    if isinstance(value, (list, tuple)):
        return any(_not_finite(v) for v in value if isinstance(v, (float, dict, list, tuple)))
    return False


def plain_text(value: Any) -> str:
    """:func:`text` for a value that holds no floats (threadshim's own unified views): orjson's, whatever it holds."""
    try:
        return orjson.dumps(value).decode()
    except (TypeError, orjson.JSONEncodeError):  # integers past 64 bits, lone surrogates
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
