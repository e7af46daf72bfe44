from typing import Literal

InputTextInputType = Literal["input_text"]

INPUT_TEXT_INPUT_TYPE_VALUES: set[InputTextInputType] = {
    "input_text",
}


def check_input_text_input_type(value: str) -> InputTextInputType:
    if value in INPUT_TEXT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_TEXT_INPUT_TYPE_VALUES!r}")
