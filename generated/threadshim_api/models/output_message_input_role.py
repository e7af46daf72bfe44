from typing import Literal

OutputMessageInputRole = Literal["assistant"]

OUTPUT_MESSAGE_INPUT_ROLE_VALUES: set[OutputMessageInputRole] = {
    "assistant",
}


def check_output_message_input_role(value: str) -> OutputMessageInputRole:
    if value in OUTPUT_MESSAGE_INPUT_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OUTPUT_MESSAGE_INPUT_ROLE_VALUES!r}")
