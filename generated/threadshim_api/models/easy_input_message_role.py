from typing import Literal

EasyInputMessageRole = Literal["assistant", "developer", "system", "user"]

EASY_INPUT_MESSAGE_ROLE_VALUES: set[EasyInputMessageRole] = {
    "assistant",
    "developer",
    "system",
    "user",
}


def check_easy_input_message_role(value: str) -> EasyInputMessageRole:
    if value in EASY_INPUT_MESSAGE_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EASY_INPUT_MESSAGE_ROLE_VALUES!r}")
