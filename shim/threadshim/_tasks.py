"""Workers side by side on one event loop, as the move's engine and the export run them: all finish, or none."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


async def side_by_side(worker: Callable[[], Awaitable[None]], count: int) -> None:
    """Run ``count`` copies of ``worker`` until all return; if one fails (or this is cancelled), stop the others.

    The others are cancelled and waited for before the first failure is raised, so nothing they
    hold (a file, a journal, a store connection) is used after the caller moves on.
    """
    tasks = [asyncio.ensure_future(worker()) for _ in range(count)]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
