"""The retry policy's exact numbers: what it waits, when it hands back, what it drops, and to whom it sends."""

from __future__ import annotations

import asyncio
import email.utils
import time
from typing import Any

import httpx
import pytest
import threadshim._retry as retry
from threadshim import RetryPolicy, RetryTransport


class Answer:
    """A response as the policy sees it, with plain-dict headers (any Mapping will do)."""

    def __init__(self, status_code: int, **headers: str) -> None:
        self.status_code = status_code
        self.headers = {name.replace("_", "-"): value for name, value in headers.items()}


def test_no_wait_is_the_usual_policy_with_every_wait_at_zero() -> None:
    assert RetryPolicy.no_wait(5) == RetryPolicy(
        max_retries=5, initial_delay=0.0, max_delay=0.0, honour_retry_after=False
    )
    assert RetryPolicy.no_wait().max_retries == 2
    assert RetryPolicy.no_wait().delay(3, Answer(429, retry_after="30")) == 0.0


def test_headers_are_read_by_their_lowercase_names_from_any_mapping() -> None:
    assert retry.retry_after({"retry-after-ms": "1500"}) == 1.5
    assert retry.retry_after({"retry-after": "7"}) == 7.0
    assert retry.retry_after({"retry-after-ms": "0", "retry-after": "5"}) == 0.0  # zero means now, not "absent"
    assert retry.retry_after({"retry-after-ms": "0.5"}) == 0.0005
    assert retry.retry_after({"retry-after": "0.25"}) == 0.25
    assert RetryPolicy().should_retry(Answer(200, x_should_retry="true")) is True
    assert RetryPolicy().should_retry(Answer(500, x_should_retry="FALSE")) is False
    assert RetryPolicy().should_retry(Answer(500, x_should_retry="maybe")) is True


def test_an_http_date_counts_from_now_and_one_in_the_past_means_at_once() -> None:
    soon = email.utils.formatdate(time.time() + 30, usegmt=True)
    waited = retry.retry_after({"retry-after": soon})
    assert waited is not None and 27 <= waited <= 31
    past = email.utils.formatdate(time.time() - 300, usegmt=True)
    assert retry.retry_after({"retry-after": past}) == 0.0
    assert retry.retry_after({"retry-after": soon}, now=time.time() + 30) == pytest.approx(0.0, abs=1.5)


def test_a_wait_of_exactly_the_most_the_policy_honours_is_honoured() -> None:
    policy = RetryPolicy(max_retry_after=60.0)
    assert policy.delay(0, Answer(429, retry_after="60")) == 60.0
    assert policy.wait_before_retry(0, Answer(429, retry_after="60")) == 60.0
    assert policy.wait_before_retry(0, Answer(429, retry_after="61")) is None


def _statuses(*codes: int) -> Any:
    answers = iter(codes)
    return lambda: httpx.Response(next(answers))


def test_each_retried_answer_is_dropped_and_the_waits_are_the_policys(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    dropped: list[int] = []
    policy = RetryPolicy(max_retries=3, initial_delay=0.2, max_delay=0.2)
    result = retry.send_with_retries(_statuses(500, 503, 200), policy, discard=lambda r: dropped.append(r.status_code))
    assert result.status_code == 200 and dropped == [500, 503]
    assert len(slept) == 2 and all(0.15 <= s <= 0.2 for s in slept)
    slept.clear()
    retry.send_with_retries(_statuses(500, 200), RetryPolicy.no_wait(), discard=lambda r: None)
    assert slept == [0.0]


async def test_the_async_loop_drops_each_retried_answer_too() -> None:
    dropped: list[int] = []
    answers = iter([502, 429, 201])

    async def send() -> httpx.Response:
        return httpx.Response(next(answers))

    async def discard(response: httpx.Response) -> None:
        dropped.append(response.status_code)

    result = await retry.send_with_retries_async(send, RetryPolicy.no_wait(3), discard)
    assert result.status_code == 201 and dropped == [502, 429]


class Both(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport for both kinds of client that counts what it is sent."""

    def __init__(self, status: int) -> None:
        self.status, self.sync_calls, self.async_calls = status, 0, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sync_calls += 1
        return httpx.Response(self.status, text=str(request.url))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.async_calls += 1
        return httpx.Response(self.status, text=str(request.url))


async def test_one_transport_for_both_clients_serves_both_with_the_given_policy() -> None:
    inner = Both(500)
    wrapped = RetryTransport(inner, policy=RetryPolicy.no_wait(1))
    with httpx.Client(transport=wrapped) as client:
        answer = client.get("http://api.test/sync")
        assert (answer.status_code, answer.text) == (500, "http://api.test/sync")
    async with httpx.AsyncClient(transport=wrapped) as client:
        answer = await client.get("http://api.test/async")
        assert (answer.status_code, answer.text) == (500, "http://api.test/async")
    assert (inner.sync_calls, inner.async_calls) == (2, 2)  # the policy given (one retry), not the default (two)


class SyncOnly(httpx.BaseTransport):
    """A transport for sync clients only."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(204)


async def test_a_sync_only_transport_is_not_used_for_async_clients() -> None:
    wrapped = RetryTransport(SyncOnly())
    await wrapped.aclose()  # its async side is a transport of its own, which closes
    wrapped.close()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_retries": -1}, "max_retries must be a whole number, 0 or more"),
        ({"max_retries": "2"}, "max_retries must be a whole number, 0 or more"),
        ({"initial_delay": -0.1}, "delays must not be negative"),
        ({"max_delay": -1.0}, "delays must not be negative"),
        ({"max_retry_after": -5.0}, "delays must not be negative"),
    ],
)
def test_a_policy_that_makes_no_sense_is_refused_with_what_to_fix(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        RetryPolicy(**options)
    assert str(caught.value) == message


def test_a_400_the_server_marks_retryable_is_retried_and_a_plain_400_is_not() -> None:
    assert RetryPolicy.no_wait().wait_before_retry(0, Answer(400, x_should_retry="true")) == 0.0
    assert RetryPolicy.no_wait().wait_before_retry(0, Answer(400)) is None
    assert RetryPolicy.no_wait().wait_before_retry(0, Answer(399, x_should_retry="true")) is None


async def test_the_async_loop_waits_what_the_policy_says(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    real_sleep = asyncio.sleep

    async def record(seconds: float) -> None:
        slept.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", record)
    answers = iter([500, 200, 500, 200])

    async def send() -> httpx.Response:
        return httpx.Response(next(answers))

    async def drop(response: httpx.Response) -> None:
        return None

    await retry.send_with_retries_async(send, RetryPolicy(initial_delay=0.2, max_delay=0.2), drop)
    await retry.send_with_retries_async(send, RetryPolicy.no_wait(), drop)
    assert len(slept) == 2 and 0.15 <= slept[0] <= 0.2 and slept[1] == 0.0
