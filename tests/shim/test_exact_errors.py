"""Error values users read and match on, exactly: refused ids, redacted keys, request ids, kept bodies."""

from __future__ import annotations

from typing import Any

import pytest
import threadshim._errors as errors
from threadshim import APIError, InvalidThreadId, ThreadShim, UnexpectedResponse

UNKNOWN = (
    "unknown prefix; expected 'thread_…' (Assistants), 'cthr_…' (ChatKit), 'conv_…' (Conversations) "
    "or 'thr_…' (a ChatKit store)"
)


@pytest.mark.parametrize(
    ("thread_id", "reason"),
    [
        (42, "expected a string, got int"),
        (None, "expected a string, got NoneType"),
        ("", "it is empty"),
        ("thread_" + "a" * 506, "it is 513 characters long; ids are at most 512"),
        ("thread_a\x7f", "it contains control characters"),
        ("thread_a\x00", "it contains control characters"),
        ("thread_a?b", "it contains '?', which no thread id has"),
        ("thread_a b", "after 'thread_' only letters, digits, '_' and '-' may follow"),
        ("thr_a.b", "after 'thr_' only letters, digits, '_' and '-' may follow"),
        ("asst_1", UNKNOWN),
    ],
)
def test_a_refused_id_says_exactly_what_is_wrong_and_keeps_the_id(thread_id: Any, reason: str) -> None:
    client = ThreadShim(api_key="sk-test")
    with pytest.raises(InvalidThreadId) as caught:
        client.retrieve(thread_id)
    shown = repr(thread_id) if not isinstance(thread_id, str) or len(thread_id) <= 80 else repr(thread_id[:80] + "…")
    assert str(caught.value) == f"invalid thread id {shown}: {reason}"
    assert caught.value.thread_id == thread_id and caught.value.reason == reason


def test_a_long_id_is_shown_cut_at_80_characters() -> None:
    exactly = "thread_" + "b" * 73
    assert str(InvalidThreadId(exactly, "x")) == f"invalid thread id {exactly!r}: x"
    longer = exactly + "c"
    assert str(InvalidThreadId(longer, "x")) == f"invalid thread id {exactly + '…'!r}: x"


def test_the_del_character_is_a_control_character_but_others_above_it_are_not() -> None:
    client = ThreadShim(api_key="sk-test")
    with pytest.raises(InvalidThreadId, match="after 'thread_' only letters"):
        client.retrieve("thread_a\x80")  # not a control character: refused for the letters rule instead


@pytest.fixture
def only_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """One configured key that does not look like ``sk-…`` (a gateway's, say), and no other."""
    key = "gw-key-0123456789abcdef"
    monkeypatch.setattr(errors, "_KEYS", {key})
    return key


def test_a_configured_key_of_any_shape_is_replaced_in_text(only_key: str) -> None:
    assert errors.redact(f"failed with {only_key} twice: {only_key}") == "failed with sk-…REDACTED twice: sk-…REDACTED"
    assert errors.redact("Bearer sk-abcdefgh12345 refused") == "Bearer sk-…REDACTED refused"
    assert errors.redact("nothing secret here") == "nothing secret here"


def test_a_configured_key_is_replaced_in_bytes_that_are_not_utf8(only_key: str) -> None:
    data = b"\xff\xfe " + only_key.encode("utf-8", "surrogateescape") + b" \xff"
    assert errors.redact_bytes(data) == b"\xff\xfe sk-\xe2\x80\xa6REDACTED \xff"
    assert errors.redact_bytes(b"\xff plain \xfe") == b"\xff plain \xfe"
    assert errors.redact_bytes(b"\xff key sk-abcdefgh12345") == b"\xff key sk-\xe2\x80\xa6REDACTED"


def test_an_api_error_keeps_200_characters_of_a_request_id_and_says_none_when_there_is_none() -> None:
    assert str(APIError("it broke")) == "it broke"
    long_id = "req_" + "x" * 296
    error = APIError("it broke", request_id=long_id)
    assert error.request_id == long_id[:200] and str(error) == f"it broke (request id {long_id[:200]})"


def test_an_unexpected_response_keeps_its_status_body_and_request_id() -> None:
    error = UnexpectedResponse("not JSON", status_code=502, body=b"<html>", request_id="req_1")
    assert (error.status_code, error.body, error.request_id) == (502, b"<html>", "req_1")
    assert str(error) == "not JSON (request id req_1)"
