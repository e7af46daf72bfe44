"""How the CLI shows threads and items: a table for people, one JSON object a line with ``--json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .._exportformat import item_json, thread_json
from .._models import UnifiedItem, UnifiedThread


def _row(value: UnifiedThread | UnifiedItem) -> dict[str, Any]:
    return thread_json(value) if isinstance(value, UnifiedThread) else item_json(value)


def show(values: Sequence[UnifiedThread] | Sequence[UnifiedItem], title: str, *, as_json: bool = False) -> None:
    """Print threads or items as a table, or as JSON lines that keep ``raw``."""
    if as_json:
        for value in values:
            print(json.dumps({**_row(value), "raw": value.raw}, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    if values and isinstance(values[0], UnifiedItem):
        columns = ["id", "kind", "role", "created_at", "text"]
    else:
        columns = ["id", "source", "created_at", "title", "status", "user"]
    for column in columns:
        table.add_column(column, overflow="fold")
    for value in values:
        row = _row(value)
        row["status"] = row.get("status", {}).get("type") if isinstance(row.get("status"), dict) else None
        table.add_row(*["" if row.get(c) is None else str(row[c])[:120] for c in columns])
    Console().print(table)
