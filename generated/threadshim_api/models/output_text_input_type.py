from typing import Literal

OutputTextInputType = Literal["output_text"]

OUTPUT_TEXT_INPUT_TYPE_VALUES: set[OutputTextInputType] = {
    "output_text",
}


def check_output_text_input_type(value: str) -> OutputTextInputType:
    if value in OUTPUT_TEXT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OUTPUT_TEXT_INPUT_TYPE_VALUES!r}")
