"""Read a response body within a size cap and a deadline, decoding gzip and deflate in bounded blocks.

httpx decodes a compressed chunk whole, so a small gzip bomb can grow to gigabytes before anyone
looks; here every decompression step yields at most ``_BLOCK`` bytes and the cap is checked as the
body grows. A body that is not encoded as its ``content-encoding`` says is an UnexpectedResponse.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator

import httpx

from .._errors import ResponseTooLarge, UnexpectedResponse

_BLOCK = 1 << 20


class _Inflater:
    """One content-encoding layer (gzip or deflate), decompressed in blocks of at most ``_BLOCK`` bytes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if name in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        self._raw_deflate = False
        self._started = False

    def _blocks(self, data: bytes) -> Iterator[bytes]:
        out = self._zlib.decompress(data, _BLOCK)
        while True:
            if out:
                yield out
            if not self._zlib.unconsumed_tail:
                return
            out = self._zlib.decompress(self._zlib.unconsumed_tail, _BLOCK)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decompressed blocks of ``data``."""
        if not self._started and self.name == "deflate":
            self._started = True
            try:
                first = list(self._blocks(data))
            except zlib.error:  # servers send raw deflate as often as zlib-wrapped deflate
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                first = list(self._blocks(data))
            yield from first
            return
        self._started = True
        yield from self._blocks(data)

    def finish(self) -> Iterator[bytes]:
        """What is left once the input has ended."""
        rest = self._zlib.flush()
        if rest:
            yield rest


def _layers(encoding: str) -> list[_Inflater] | None:
    """The decoders to apply in order (the last encoding applied comes off first); None for an unknown one."""
    names = [part.strip().lower() for part in encoding.split(",") if part.strip()]
    names = [name for name in names if name != "identity"]
    if any(name not in ("gzip", "x-gzip", "deflate") for name in names):
        return None
    return [_Inflater(name) for name in reversed(names)]


class BodyReader:
    """Collects a body chunk by chunk, raising once it passes ``cap`` bytes or the ``deadline`` (monotonic)."""

    def __init__(self, *, encoding: str, cap: int, deadline: float, status_code: int) -> None:
        layers = _layers(encoding)
        self.decodes = layers is not None
        self._layers = layers or []
        self._cap, self._deadline, self._status = cap, deadline, status_code
        self._body = bytearray()

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            yield data
            return
        for block in self._layers[index].feed(data):
            yield from self._through(index + 1, block)

    def _keep(self, block: bytes) -> None:
        self._body += block
        if len(self._body) > self._cap:
            raise ResponseTooLarge(
                f"the response body is larger than {self._cap} bytes; raise max_response_bytes if that is expected",
                status_code=self._status,
                body=bytes(self._body[:1024]),
            )

    def add(self, chunk: bytes) -> None:
        """Take the next chunk as it came off the wire (still encoded when ``decodes`` is true)."""
        if time.monotonic() > self._deadline:  # a transport error, so it is retried like any other timeout
            raise httpx.ReadTimeout("the response took longer than the timeout to arrive")
        try:
            for block in self._through(0, chunk):
                self._keep(block)
        except zlib.error:
            raise self._undecodable() from None

    def finish(self) -> bytes:
        """The whole decoded body."""
        try:
            for index, layer in enumerate(self._layers):
                for block in layer.finish():
                    for decoded in self._through(index + 1, block):
                        self._keep(decoded)
        except zlib.error:
            raise self._undecodable() from None
        return bytes(self._body)

    def _undecodable(self) -> UnexpectedResponse:
        return UnexpectedResponse(
            "the response body is not encoded as its content-encoding header says",
            status_code=self._status,
            body=b"",
        )
