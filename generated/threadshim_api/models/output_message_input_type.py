from typing import Literal

OutputMessageInputType = Literal["message"]

OUTPUT_MESSAGE_INPUT_TYPE_VALUES: set[OutputMessageInputType] = {
    "message",
}


def check_output_message_input_type(value: str) -> OutputMessageInputType:
    if value in OUTPUT_MESSAGE_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OUTPUT_MESSAGE_INPUT_TYPE_VALUES!r}")
