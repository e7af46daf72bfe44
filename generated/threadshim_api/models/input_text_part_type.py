from typing import Literal

InputTextPartType = Literal["input_text"]

INPUT_TEXT_PART_TYPE_VALUES: set[InputTextPartType] = {
    "input_text",
}


def check_input_text_part_type(value: str) -> InputTextPartType:
    if value in INPUT_TEXT_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_TEXT_PART_TYPE_VALUES!r}")
