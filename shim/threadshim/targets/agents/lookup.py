"""Which sessions already hold items, asked for many threads in one query (so a new session is not read back).

When the run's session ids are known in order (``--session-id thread``: the legacy ids), the
first thread of each run of :data:`AHEAD` asks for all of them; otherwise the threads that ask
while a query runs go together in the next one. A session no query found items in gets the
thread's items without reading it back; one that holds some (a run killed after its write,
someone's own session) is read back and compared.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

AHEAD = 256
"""How many of the run's next sessions one query asks about, when their ids are known in order."""

Ask = Callable[[Sequence[str]], Awaitable[set[str] | None]]


class Lookup:
    """Answers "does this session hold items?" (None: cannot tell; read it back) with one query per group."""

    def __init__(self, ask: Ask) -> None:
        self._ask = ask
        self._waiting: dict[str, list[asyncio.Future[bool | None]]] = {}
        self._running: asyncio.Task[None] | None = None
        self._order: list[str] = []
        self._position: dict[str, int] = {}
        self._ahead: dict[int, asyncio.Future[set[str] | None]] = {}

    def expect(self, session_ids: list[str]) -> None:
        """The run's sessions, in the order the threads will ask: each query asks about the next :data:`AHEAD`."""
        self._order = session_ids
        self._position = {session_id: n for n, session_id in enumerate(session_ids)}

    async def holds(self, session_id: str) -> bool | None:
        """Whether ``session_id`` holds any item now (None when the sessions cannot say)."""
        position = self._position.get(session_id)
        if position is not None:
            found = await asyncio.shield(self._chunk(position // AHEAD))
            return None if found is None else session_id in found
        answer: asyncio.Future[bool | None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(session_id, []).append(answer)
        if self._running is None:
            self._running = asyncio.ensure_future(self._drain())
        return await answer

    def _chunk(self, number: int) -> asyncio.Future[set[str] | None]:
        if number not in self._ahead:
            self._ahead[number] = asyncio.ensure_future(self._ask(self._order[number * AHEAD : (number + 1) * AHEAD]))
            self._ahead.pop(number - 2, None)  # two behind: every thread of it has asked
        return self._ahead[number]

    async def _drain(self) -> None:
        try:
            while self._waiting:
                await asyncio.sleep(0)  # the threads asking in this turn of the loop join the query
                group, self._waiting = self._waiting, {}
                try:
                    found = await self._ask(list(group))
                except Exception as exc:  # the database refused: each thread that asked fails with it
                    for answers in group.values():
                        for answer in answers:
                            if not answer.done():
                                answer.set_exception(exc)
                    continue
                for session_id, answers in group.items():
                    for answer in answers:
                        if not answer.done():
                            answer.set_result(None if found is None else session_id in found)
        finally:
            self._running = None
