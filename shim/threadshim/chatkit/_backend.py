"""What a store needs from its database: reads, and writes that commit all together or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import attrs

from ._errors import StoreNotFound
from ._schema import Dialect

Row = tuple[Any, ...]


@attrs.frozen
class Statement:
    """One statement of a write: run once with ``params``, or (``many``) once per row of ``params``.

    With ``expect`` set, the statement must change exactly that many rows, or the whole write is
    rolled back and :class:`StoreNotFound` raised with ``missing`` as its message.
    """

    sql: str
    params: Sequence[Any] = ()
    many: bool = False
    expect: int | None = None
    missing: str = "not found"

    def check(self, changed: int) -> None:
        """Raise when the statement changed other than the expected number of rows."""
        if self.expect is not None and changed != self.expect:
            raise StoreNotFound(self.missing)


class Backend(Protocol):
    """A database behind a pool of connections; every method runs without blocking the event loop."""

    dialect: Dialect
    name: str

    async def prepare(self) -> None:
        """Connect, and create or upgrade the schema, once (every other method does it first)."""
        ...

    async def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        """The rows one query returns."""
        ...

    async def write(self, statements: Sequence[Statement]) -> None:
        """Run ``statements`` in one transaction: all of them commit, or (on any error) none."""
        ...

    async def close(self) -> None:
        """Close every connection."""
        ...
