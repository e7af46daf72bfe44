"""How the CLI shows threads and items: a table for people, one JSON object a line with ``--json``.

In a table, ids never wrap and long text ends in an ellipsis; an item with no text (an image, a
tool call, a widget) shows a short description in brackets instead of a blank.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

from .._models import UnifiedItem, UnifiedThread


def summary(item: UnifiedItem) -> str:
    """The item's text, or a short description of what it holds."""
    if item.text:
        return item.text
    parts: list[str] = []
    for block in item.content:
        if block.type in ("image_file", "image_url", "input_image"):
            parts.append(f"[image {block.file_id or block.url or ''}]".replace(" ]", "]"))
        elif block.type not in ("text", "input_text", "output_text"):
            parts.append(f"[{block.type}]")
    name = item.raw.get("name")
    if item.kind == "client_tool_call":
        parts.append(f"[tool call {name}]" if isinstance(name, str) else "[tool call]")
    elif item.kind == "widget":
        parts.append("[widget]")
    elif not parts:
        kind = item.raw.get("type")
        parts.append(f"[{kind if isinstance(kind, str) else item.kind}]")
    parts.extend(f"[attachment {a.name or a.id}]" for a in item.attachments)
    return " ".join(parts)


def _when(value: str | None) -> str:
    return value[:16].replace("T", " ") if value else ""


def _cells(value: UnifiedThread | UnifiedItem) -> list[str]:
    row = value.to_dict(raw=False)
    if isinstance(value, UnifiedItem):
        return [value.id, _when(row["created_at"]), value.kind.removesuffix("_message"), summary(value)]
    status = value.status.type + (f" ({value.status.reason})" if value.status.reason else "")
    return [value.id, _when(row["created_at"]), value.title or "", status, value.user or ""]


def _fit(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def show(values: Sequence[UnifiedThread] | Sequence[UnifiedItem], title: str, *, as_json: bool = False) -> None:
    """Print threads or items as a table, or as JSON lines that carry every field and ``raw``.

    The table fits the terminal: ids, times and kinds are printed whole; the free text (the item's
    text, or a thread's title, status and user) shares what is left and ends in "…" when cut.
    """
    if as_json:
        for value in values:
            print(value.to_json())
        return
    items = bool(values) and isinstance(values[0], UnifiedItem)
    header = ["id", "created (UTC)", "kind", "text"] if items else ["id", "created (UTC)", "title", "status", "user"]
    rows = [header, *(_cells(value) for value in values)]
    fixed = 3 if items else 2
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    room = shutil.get_terminal_size((100, 24)).columns - sum(widths[:fixed]) - 2 * (len(header) - 1)
    flexible = len(header) - fixed
    share = max(room // flexible, 10)
    widths[fixed:] = [min(w, share) for w in widths[fixed:]]
    print(title)
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(widths[i]) if i < fixed else _fit(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())
        if number == 0:
            print("  ".join("-" * w for w in widths))
    if not values:
        print("(none)")
