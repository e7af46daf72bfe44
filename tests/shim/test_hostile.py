"""Whatever a server sends, a call returns parsed objects or raises a ThreadShimError — sync and async alike."""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import threadshim
from threadshim import (
    AsyncThreadShim,
    ConfigurationError,
    PaginationError,
    RateLimitError,
    ResponseTooLarge,
    RetryPolicy,
    ThreadShim,
    ThreadShimError,
    UnexpectedResponse,
)

KEY = "sk-hostile-test-key-0000000000000000"
THREAD = {"id": "thread_a", "object": "thread", "created_at": 1, "metadata": {}}
Handler = Callable[[httpx.Request], httpx.Response]


def _sync(handler: Handler, **options: Any) -> Callable[[Callable[[ThreadShim], Any]], Any]:
    options.setdefault("retry_policy", RetryPolicy(max_retries=2, initial_delay=0, max_delay=0))
    shim = ThreadShim(api_key=KEY, http_client=httpx.Client(transport=httpx.MockTransport(handler)), **options)
    return lambda call: call(shim)


def _async(handler: Handler, **options: Any) -> Callable[[Callable[[Any], Any]], Any]:
    options.setdefault("retry_policy", RetryPolicy(max_retries=2, initial_delay=0, max_delay=0))

    async def run(call: Callable[[Any], Any]) -> Any:
        client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncThreadShim(api_key=KEY, http_client=client, **options) as shim:
            result = call(shim)
            if hasattr(result, "__aiter__"):
                return [value async for value in result]
            return await result

    return lambda call: asyncio.run(run(call))


RUNNERS = [_sync, _async]


def _materialise(result: Any) -> Any:
    return list(result) if isinstance(result, Iterator) else result


def _run(runner: Any, handler: Handler, call: Callable[[Any], Any], **options: Any) -> Any:
    return runner(handler, **options)(lambda shim: _materialise(call(shim)))


def _answer(status: int = 200, body: bytes = b"", **headers: str) -> Handler:
    """Answer with a body that is streamed, as from a network, not read in advance."""
    return lambda request: httpx.Response(status, stream=httpx.ByteStream(body), headers=headers)


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip, gzip", "x-gzip"])
def test_a_body_not_encoded_as_its_header_says_is_an_unexpected_response(runner: Any, encoding: str) -> None:
    handler = _answer(200, json.dumps(THREAD).encode(), **{"content-encoding": encoding})
    with pytest.raises(UnexpectedResponse, match="content-encoding"):
        _run(runner, handler, lambda s: s.retrieve("thread_a"))


@pytest.mark.parametrize("runner", RUNNERS)
def test_bodies_that_are_encoded_are_decoded(runner: Any) -> None:
    plain = json.dumps(THREAD).encode()
    for encoding, body in (
        ("gzip", gzip.compress(plain)),
        ("gzip, gzip", gzip.compress(gzip.compress(plain))),
        ("deflate", zlib.compress(plain)),
        ("identity", plain),
    ):
        thread = _run(runner, _answer(200, body, **{"content-encoding": encoding}), lambda s: s.retrieve("thread_a"))
        assert thread.raw == THREAD, encoding


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, b"[" * 100_000),
        (200, b'{"id": "thread_a", "x": ' + b"[" * 1000 + b"]" * 1000 + b"}"),
        (500, b"[" * 100_000),
    ],
)
def test_deeply_nested_json_is_refused_not_a_recursion_error(runner: Any, status: int, body: bytes) -> None:
    with pytest.raises(UnexpectedResponse if status == 200 else threadshim.InternalServerError) as caught:
        _run(runner, _answer(status, body), lambda s: s.retrieve("thread_a"), max_retries=0, retry_policy=None)
    assert caught.value.body == body  # type: ignore[attr-defined]


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize(
    "retry_after",
    ["Wed, 21 Oct 99999 07:28:00 GMT", "Wed, 21 Oct 1 07:28:00 GMT", "nan", "inf", "-5", "soon", "1e400"],
)
def test_an_unusable_retry_after_falls_back_to_backoff(runner: Any, retry_after: str) -> None:
    answers = iter([httpx.Response(429, headers={"retry-after": retry_after}), httpx.Response(200, json=THREAD)])
    thread = _run(runner, lambda request: next(answers), lambda s: s.retrieve("thread_a"))
    assert thread.id == "thread_a"


def _pages(*pages: dict[str, Any]) -> Handler:
    """Answer list requests with these pages in turn (the last one for ever)."""
    sent: list[dict[str, Any]] = list(pages)

    def handler(request: httpx.Request) -> httpx.Response:
        page = sent.pop(0) if len(sent) > 1 else sent[0]
        return httpx.Response(200, content=json.dumps(page).encode())  # ASCII, lone surrogates escaped

    return handler


def _page(ids: list[str], last: Any = None, more: bool = True) -> dict[str, Any]:
    data = [{"id": i, "object": "thread.message", "created_at": 1, "role": "user", "content": []} for i in ids]
    return {"object": "list", "data": data, "first_id": ids[0] if ids else None, "last_id": last, "has_more": more}


BROKEN = {
    "same page for ever": [_page(["msg_a"], "msg_a")],
    "a cycle A, B, A": [_page(["msg_a"], "msg_a"), _page(["msg_b"], "msg_b"), _page(["msg_a"], "msg_a")],
    "empty but more": [_page([], None)],
    "a 100 KB cursor": [_page(["msg_a"], "msg_" + "a" * 100_000)],
    "a lone surrogate": [_page(["msg_a"], "msg_\ud800")],
    "no cursor at all": [_page(["msg_a"], None)],
}


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_pagination_that_would_never_end_is_a_pagination_error(runner: Any, case: str) -> None:
    with pytest.raises(PaginationError, match="pagination is broken"):
        _run(runner, _pages(*BROKEN[case]), lambda s: s.items("thread_a"))
    threads = [{**page, "data": [{**d, "object": "chatkit.thread"} for d in page["data"]]} for page in BROKEN[case]]
    with pytest.raises(PaginationError):
        _run(runner, _pages(*threads), lambda s: s.list())


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_cursor_that_echoes_the_one_sent_is_caught(runner: Any) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after", "msg_first")
        return httpx.Response(200, json=_page([after], after))

    with pytest.raises(PaginationError, match="came back"):
        _run(runner, echo, lambda s: s.items("thread_a"))


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_page_ending_exactly_at_the_limit_still_ends(runner: Any) -> None:
    items = _run(runner, _pages(_page(["msg_a"], "msg_a", more=False)), lambda s: s.items("thread_a"))
    assert [i.id for i in items] == ["msg_a"]


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize("status", [101, 301, 302, 304, 307])
def test_only_2xx_with_the_documented_object_is_success(runner: Any, status: int) -> None:
    handler = _answer(status, b'{"id": "thread_a", "deleted": true}')
    with pytest.raises(UnexpectedResponse):
        _run(runner, handler, lambda s: s.delete("thread_a"))


@pytest.mark.parametrize("runner", RUNNERS)
@pytest.mark.parametrize(
    "body",
    [
        b'{"error": {"message": "no", "type": "server_error", "param": null, "code": null}}',
        b'{"object": "thread", "created_at": 1}',
        b'{"id": 42}',
    ],
)
def test_a_2xx_body_that_is_not_the_object_is_an_unexpected_response(runner: Any, body: bytes) -> None:
    with pytest.raises(UnexpectedResponse) as caught:
        _run(runner, _answer(200, body), lambda s: s.retrieve("thread_a"))
    assert caught.value.body == body


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_gzip_bomb_stops_at_the_cap(runner: Any) -> None:
    bomb = gzip.compress(b'{"id": "thread_a", "pad": "' + b" " * (64 << 20) + b'"}', compresslevel=9)
    assert len(bomb) < 100_000
    with pytest.raises(ResponseTooLarge, match="larger than 33554432 bytes"):
        _run(runner, _answer(200, bomb, **{"content-encoding": "gzip"}), lambda s: s.retrieve("thread_a"))
    small = json.dumps({**THREAD, "pad": "x" * 2000}).encode()
    with pytest.raises(ResponseTooLarge, match="larger than 1000 bytes"):
        _run(runner, _answer(200, small), lambda s: s.retrieve("thread_a"), max_response_bytes=1000)


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_retry_after_past_the_cap_is_not_waited_for(runner: Any) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(429, headers={"retry-after": "3600"}, json={"error": {"message": "slow down"}})

    started = time.monotonic()
    with pytest.raises(RateLimitError) as caught:
        _run(runner, handler, lambda s: s.retrieve("thread_a"), retry_policy=RetryPolicy(max_retries=2))
    assert caught.value.retry_after == 3600 and len(requests) == 1 and time.monotonic() - started < 1


@pytest.mark.parametrize("runner", RUNNERS)
def test_retry_after_ms_wins_over_retry_after(runner: Any) -> None:
    answers = iter(
        [httpx.Response(429, headers={"retry-after-ms": "10", "retry-after": "3600"}), httpx.Response(200, json=THREAD)]
    )
    started = time.monotonic()
    thread = _run(runner, lambda r: next(answers), lambda s: s.retrieve("thread_a"), retry_policy=RetryPolicy())
    assert thread.id == "thread_a" and time.monotonic() - started < 1


@pytest.mark.parametrize("runner", RUNNERS)
def test_the_key_is_redacted_from_every_message(runner: Any) -> None:
    echo = json.dumps({"error": {"message": f"Incorrect API key provided: {KEY}.", "type": "invalid_request_error"}})
    handler = _answer(401, echo.encode(), **{"x-request-id": KEY})
    with pytest.raises(threadshim.AuthenticationError) as caught:
        _run(runner, handler, lambda s: s.retrieve("thread_a"))
    error = caught.value
    for text in (str(error), repr(error), error.message, str(error.request_id), json.dumps(error.body)):
        assert KEY not in text and "REDACTED" in text
    other = "sk-proj-" + "x" * 40  # a key shaped like one, not the configured one
    with pytest.raises(UnexpectedResponse) as unexpected:
        _run(runner, _answer(200, f"<html>{other}</html>".encode()), lambda s: s.retrieve("thread_a"))
    assert other.encode() not in unexpected.value.body and other not in str(unexpected.value)


@pytest.mark.parametrize("key", ["sk-abc\ndef", "sk-ключ-123", "sk-abc\x00", " sk-abc", "sk-abc\r"])
def test_a_key_that_cannot_be_sent_is_refused_without_showing_it(key: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        ThreadShim(api_key=key)
    assert key.strip() not in str(caught.value) and "not shown" in str(caught.value)


@pytest.mark.parametrize("runner", RUNNERS)
def test_every_status_returns_or_raises_a_threadshim_error(runner: Any) -> None:
    for status in range(100, 600, 7):
        handler = _answer(status, json.dumps(THREAD).encode())
        try:
            thread = _run(runner, handler, lambda s: s.retrieve("thread_a"), max_retries=0, retry_policy=None)
        except ThreadShimError:
            assert not 200 <= status < 300, status
        else:
            assert 200 <= status < 300 and thread.raw == THREAD


class Trickle:
    """A loopback server that sends headers at once, then one byte of body every 0.25 s."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            self.socket.settimeout(0.2)
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            threading.Thread(target=self._drip, args=(connection,), daemon=True).start()

    def _drip(self, connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n")
            for _ in range(100):
                if self.stop.wait(0.25):
                    return
                try:
                    connection.sendall(b" ")
                except OSError:
                    return

    def close(self) -> None:
        self.stop.set()
        self.socket.close()


@pytest.mark.parametrize("asynchronous", [False, True])
def test_the_timeout_bounds_the_whole_request_not_each_read(asynchronous: bool) -> None:
    server = Trickle()
    url = f"http://127.0.0.1:{server.port}/v1"
    try:
        started = time.monotonic()
        with pytest.raises(threadshim.APITimeoutError):
            if asynchronous:

                async def call() -> None:
                    async with AsyncThreadShim(api_key=KEY, base_url=url, timeout=1.0, max_retries=0) as shim:
                        await shim.retrieve("thread_a")

                asyncio.run(call())
            else:
                with ThreadShim(api_key=KEY, base_url=url, timeout=1.0, max_retries=0) as shim:
                    shim.retrieve("thread_a")
        assert time.monotonic() - started < 2.0
    finally:
        server.close()
