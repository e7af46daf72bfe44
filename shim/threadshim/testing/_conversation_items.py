"""The items a conversation takes, as the API reads them: every published request form, stored as the API keeps it.

A message in the easy form gets parts (``input_text`` for a user, ``output_text`` for an
assistant); an assistant message carrying ``input_text`` is refused as the real API refuses it;
an assistant output message may come without an id (the Agents SDK strips ids; one is minted);
a function call may carry ``namespace`` and ``caller``, its output ``name``, ``namespace``,
``caller`` and text, image and file parts; an item of a kind not modelled here is stored as sent.
"""

from __future__ import annotations

import re
from typing import Any

from .._limits import MAX_CONVERSATION_ITEMS as MAX_ITEMS
from ._ids import IdSource
from ._rules import expect, known_fields, one_of, refuse

_NAMESPACE = re.compile(r"[a-zA-Z0-9_-]{1,64}")
_PARTS = {
    "assistant": ("output_text", "refusal"),
    "user": ("input_text", "input_image", "input_file"),
    "system": ("input_text", "input_image", "input_file"),
    "developer": ("input_text", "input_image", "input_file"),
}
_STATUSES = ("in_progress", "completed", "incomplete")
_PREFIX = {"function_call": "fc_", "function_call_output": "fco_", "reasoning": "rs_"}


def _entries(part: dict[str, Any], name: str, at: str) -> None:
    for number, entry in enumerate(expect(part.get(name, []), list, f"{at}.{name}")):
        found = expect(entry, dict, f"{at}.{name}[{number}]")
        if name == "annotations":
            expect(found.get("type"), str, f"{at}.{name}[{number}].type")


def _optional_strings(part: dict[str, Any], at: str, *names: str) -> None:
    for name in names:
        if part.get(name) is not None:
            expect(part[name], str, f"{at}.{name}")


def _part(raw: object, role: str, at: str) -> dict[str, Any]:
    part = expect(raw, dict, at)
    kind = part.get("type")
    allowed = _PARTS[role]
    if kind not in allowed:
        wanted = " and ".join(f"'{a}'" for a in allowed) if len(allowed) == 2 else ", ".join(f"'{a}'" for a in allowed)
        refuse(f"Invalid value: {kind!r}. Supported values are: {wanted}.", param=f"{at}.type", code="invalid_value")
    if kind == "input_text":
        known_fields(part, {"type", "text"}, f"{at}.")
        expect(part.get("text"), str, f"{at}.text")
    elif kind == "output_text":
        known_fields(part, {"type", "text", "annotations", "logprobs"}, f"{at}.")
        expect(part.get("text"), str, f"{at}.text")
        _entries(part, "annotations", at)
        _entries(part, "logprobs", at)
        return {"annotations": [], "logprobs": [], **part}
    elif kind == "refusal":
        known_fields(part, {"type", "refusal"}, f"{at}.")
        expect(part.get("refusal"), str, f"{at}.refusal")
    elif kind == "input_image":
        known_fields(part, {"type", "detail", "file_id", "image_url"}, f"{at}.")
        _optional_strings(part, at, "file_id", "image_url")
        if part.get("file_id") is None and part.get("image_url") is None:
            refuse(f"Invalid '{at}': give a file_id or an image_url.", param=at)
        detail = one_of(part.get("detail", "auto"), ("low", "high", "auto", "original"), f"{at}.detail")
        return {"detail": detail, **part}
    else:
        known_fields(part, {"type", "file_id", "file_url", "file_data", "filename"}, f"{at}.")
        _optional_strings(part, at, "file_id")
        for name in ("file_url", "file_data", "filename"):
            if name in part:
                expect(part[name], str, f"{at}.{name}")
    return dict(part)


def _message_fields(raw: dict[str, Any], role: str, at: str) -> None:
    """The fields each published message form allows: the easy form, the full input form, an assistant's output."""
    listed = isinstance(raw.get("content"), list)
    allowed: set[str]
    required: tuple[str, ...]
    if role == "assistant" and listed:  # an output message; the API mints an id when none is sent (the Agents SDK)
        allowed, required = {"type", "id", "role", "status", "content", "phase"}, ("type",)
    elif role != "assistant" and "status" in raw:  # the full input form, as items read back carry it (with an id)
        allowed, required = {"type", "id", "role", "status", "content"}, ("status",)
        expect(raw.get("content"), list, f"{at}.content")
    else:  # the easy form
        allowed, required = {"type", "role", "content", "phase"}, ()
    known_fields(raw, allowed, f"{at}.")
    for name in required:
        if name not in raw:
            refuse(
                f"Missing required parameter: '{at}.{name}'.", param=f"{at}.{name}", code="missing_required_parameter"
            )
    if "id" in raw:
        expect(raw["id"], str, f"{at}.id")


def _message(raw: dict[str, Any], ids: IdSource, at: str) -> dict[str, Any]:
    role = one_of(raw.get("role"), ("user", "assistant", "system", "developer"), f"{at}.role")
    content = raw.get("content")
    if isinstance(content, str):
        kind = "output_text" if role == "assistant" else "input_text"
        parts = [_part({"type": kind, "text": content}, role, f"{at}.content")]
    else:  # the parts first: a wrong part type is the error the API gives for an assistant turn
        parts = [_part(p, role, f"{at}.content[{n}]") for n, p in enumerate(expect(content, list, f"{at}.content"))]
    _message_fields(raw, role, at)
    status = one_of(raw.get("status", "completed"), _STATUSES, f"{at}.status")
    message = {"id": raw.get("id") or ids.item_id("msg_"), "type": "message", "status": status, "role": role}
    message["content"] = parts
    if "phase" in raw:
        if raw["phase"] is not None:
            one_of(raw["phase"], ("commentary", "final_answer"), f"{at}.phase")
        message["phase"] = raw["phase"]
    return message


def _namespace(raw: dict[str, Any], at: str) -> None:
    value = raw.get("namespace")
    nullable = raw["type"] == "function_call_output"  # a call's namespace is a string when given
    given = "namespace" in raw and (value is not None or not nullable)
    if given and not (isinstance(value, str) and _NAMESPACE.fullmatch(value)):  # the published pattern
        refuse(f"Invalid '{at}.namespace': expected 1 to 64 of a-z, A-Z, 0-9, _ and -.", param=f"{at}.namespace")
    if raw.get("caller") is not None:
        caller = expect(raw["caller"], dict, f"{at}.caller")
        expect(caller.get("type"), str, f"{at}.caller.type")


def _output(value: object, at: str) -> str | list[dict[str, Any]]:
    """A function's output: a string, or text, image and file parts (image ``detail`` defaulted as the API does)."""
    if isinstance(value, str):
        return value
    parts = expect(value, list, at)
    return [_part(part, "user", f"{at}[{n}]") for n, part in enumerate(parts)]


def _function_item(raw: dict[str, Any], ids: IdSource, at: str) -> dict[str, Any]:
    kind = raw["type"]
    if kind == "function_call":
        fields: tuple[str, ...] = ("call_id", "name", "arguments")
        optional = {"namespace", "caller"}
    else:
        fields, optional = ("call_id",), {"output", "name", "namespace", "caller"}
    known_fields(raw, {"type", "id", "status", *fields, *optional}, f"{at}.")
    for name in fields:
        expect(raw.get(name), str, f"{at}.{name}")
    _namespace(raw, at)
    stored = dict(raw)
    if kind == "function_call_output":
        if "output" not in raw:
            refuse(
                f"Missing required parameter: '{at}.output'.", param=f"{at}.output", code="missing_required_parameter"
            )
        stored["output"] = _output(raw["output"], f"{at}.output")
        tool = raw.get("name")
        if tool is not None and not 1 <= len(expect(tool, str, f"{at}.name")) <= 128:
            refuse(f"Invalid '{at}.name': expected 1 to 128 characters.", param=f"{at}.name")
    if "id" in raw:
        expect(raw["id"], str, f"{at}.id")
    status = one_of(raw.get("status", "completed"), _STATUSES, f"{at}.status")
    return {**stored, "id": raw.get("id") or ids.item_id(_PREFIX[kind]), "status": status}


def _item(ids: IdSource, raw: object, at: str) -> dict[str, Any]:
    item = expect(raw, dict, at)
    kind = item.get("type", "message" if "role" in item else None)
    if kind == "message":
        return _message(item, ids, at)
    if kind in ("function_call", "function_call_output"):
        return _function_item(item, ids, at)
    if kind == "item_reference":
        refuse(f"Invalid '{at}.type': item references are not supported.", param=f"{at}.type", code="invalid_value")
    if kind is None:
        refuse(f"Missing required parameter: '{at}.type'.", param=f"{at}.type", code="missing_required_parameter")
    expect(kind, str, f"{at}.type")
    if "id" in item:
        expect(item["id"], str, f"{at}.id")
    return {**item, "id": item.get("id") or ids.item_id(_PREFIX.get(kind, "item_"))}


def items_of(ids: IdSource, value: object, param: str, *, least: int) -> list[dict[str, Any]]:
    raws = expect(value, list, param)
    if len(raws) > MAX_ITEMS:
        refuse(
            f"Invalid '{param}': array too long. Expected an array with maximum length {MAX_ITEMS}, "
            f"but got an array with length {len(raws)} instead.",
            param=param,
            code="array_above_max_length",
        )
    if len(raws) < least:
        refuse(f"Invalid '{param}': expected at least {least} item.", param=param, code="empty_array")
    return [_item(ids, raw, f"{param}[{n}]") for n, raw in enumerate(raws)]
