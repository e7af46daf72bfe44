from typing import Literal

MessageIncompleteReason = Literal["content_filter", "max_tokens", "run_cancelled", "run_expired", "run_failed"]

MESSAGE_INCOMPLETE_REASON_VALUES: set[MessageIncompleteReason] = {
    "content_filter",
    "max_tokens",
    "run_cancelled",
    "run_expired",
    "run_failed",
}


def check_message_incomplete_reason(value: str) -> MessageIncompleteReason:
    if value in MESSAGE_INCOMPLETE_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_INCOMPLETE_REASON_VALUES!r}")
