from typing import Literal

TextInputContentType = Literal["text"]

TEXT_INPUT_CONTENT_TYPE_VALUES: set[TextInputContentType] = {
    "text",
}


def check_text_input_content_type(value: str) -> TextInputContentType:
    if value in TEXT_INPUT_CONTENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TEXT_INPUT_CONTENT_TYPE_VALUES!r}")
