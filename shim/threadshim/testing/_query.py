"""A request's query string as the emulator reads it: every value of a repeated name kept, in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping


class Query(Mapping[str, str]):
    """Each name's values in order; ``query[name]`` is the last one (what a plain dict keeps), :meth:`all` every one."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._pairs = list(pairs)
        self._last = dict(self._pairs)

    @classmethod
    def of(cls, query: Mapping[str, str] | Iterable[tuple[str, str]]) -> Query:
        """A query from name-value pairs, or from a mapping (one value a name)."""
        if isinstance(query, Query):
            return query
        return cls(query.items() if isinstance(query, Mapping) else query)

    def all(self, name: str) -> list[str]:
        """Every value given for ``name``, in order (``include=a&include=b``: both)."""
        return [value for key, value in self._pairs if key == name]

    def __getitem__(self, name: str) -> str:
        return self._last[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._last)

    def __len__(self) -> int:
        return len(self._last)
