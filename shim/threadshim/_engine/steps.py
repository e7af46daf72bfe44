"""What an operation yields to its driver, and the types of operations.

An operation is a generator. It yields a :class:`Request` (answered with the ``httpx.Response``),
a :class:`Batch` of other operations (answered with one result or :class:`APIError` each, run
concurrently), a :class:`Local` piece of work on this machine (a file, a database: answered with
its result), or, in a stream, an :class:`Emit` carrying a value for the caller's iterator. A failed
request or piece of work is thrown into the operation, so it may handle the error or let it propagate.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any, Generic, TypeVar

import attrs

T = TypeVar("T")


@attrs.frozen
class Request:
    """One HTTP request, described; the driver builds it with the caller's httpx client."""

    method: str
    path: str
    params: Mapping[str, Any] | None = None
    json: Any = None
    headers: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def from_kwargs(cls, kwargs: Mapping[str, Any]) -> Request:
        """From the keyword arguments a generated operation module's ``_get_kwargs`` returns."""
        params = {key: value for key, value in (kwargs.get("params") or {}).items() if value is not None}
        return cls(
            kwargs["method"].upper(),
            kwargs["url"],
            params=params or None,
            json=kwargs.get("json"),
            headers=dict(kwargs.get("headers") or {}),
        )


@attrs.frozen
class Batch(Generic[T]):
    """Operations to run concurrently; answered with a list of results, an :class:`APIError` in place of a failure."""

    operations: list[Call[T]]


@attrs.frozen
class Local(Generic[T]):
    """Blocking work on this machine (a file, a database): run where it is by the sync driver, in a thread by the async.

    So an event loop never waits on a disk or a database, as httpx lets an auth flow do its own I/O.
    """

    work: Callable[[], T]


def local(work: Callable[[], T]) -> Call[T]:
    """An operation of one piece of local work, answered with its result."""
    result: T = yield Local(work)
    return result


@attrs.frozen
class Emit(Generic[T]):
    """A value for the caller of a stream."""

    value: T


Step = Request | Batch[Any] | Local[Any]
Call = Generator[Step, Any, T]
"""An operation with a result."""
Stream = Generator[Step | Emit[T], Any, None]
"""An operation whose values are iterated."""


class Cursor(Generic[T]):
    """Advances an operation one step at a time: the answer to the last step is sent in, or its error thrown in."""

    def __init__(self, operation: Generator[Any, Any, T]) -> None:
        self.operation = operation
        self.answer: Any = None
        self.error: BaseException | None = None
        self.result: T | None = None

    def advance(self) -> Step | Emit[Any] | None:
        """The next step, or None when the operation has ended (its value is then in ``result``)."""
        try:
            error, answer = self.error, self.answer
            step: Step | Emit[Any] = self.operation.throw(error) if error is not None else self.operation.send(answer)
        except StopIteration as stop:
            self.result = stop.value
            return None
        self.answer, self.error = None, None
        return step


def immediate(value: T) -> Call[T]:
    """An operation that needs no request and returns ``value``."""
    yield from ()
    return value
