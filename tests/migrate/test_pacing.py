"""The pacer: spacing at the announced rate, pausing on 429s, never trusting a hostile header into a hang."""

from __future__ import annotations

import httpx
from threadshim._pacing import MAX_GAP, Pacer


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def _limits(rpm: str, **extra: str) -> httpx.Headers:
    return httpx.Headers({"x-ratelimit-limit-requests": rpm, **extra})


async def test_requests_are_spaced_at_the_share_of_the_announced_rate() -> None:
    clock = _Clock()
    pacer = Pacer(headroom=0.5, clock=clock, sleep=clock.sleep)
    await pacer.before()
    pacer.after(200, _limits("600"))  # 10 a second; at half of it, one every 0.2 s
    for _ in range(3):
        await pacer.before()
    assert clock.slept == [0.2, 0.2] and pacer.requests == 4


async def test_a_429_pauses_for_the_wait_asked_and_slows_the_pace() -> None:
    clock = _Clock()
    pacer = Pacer(headroom=1.0, clock=clock, sleep=clock.sleep)
    await pacer.before()
    pacer.after(429, _limits("600", **{"retry-after-ms": "1500"}))
    assert pacer.rate_limited == 1 and pacer.share == 0.85
    await pacer.before()
    assert clock.slept == [1.5]


async def test_absurd_limits_do_not_stall_the_run() -> None:
    clock = _Clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    await pacer.before()
    pacer.after(200, _limits("0.000001"))
    assert pacer.rate is None  # ignored: below one a minute
    pacer.after(200, _limits("1"))
    await pacer.before()
    await pacer.before()
    assert max(clock.slept) <= MAX_GAP
