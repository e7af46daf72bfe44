from typing import Literal

OutputTextPartType = Literal["output_text"]

OUTPUT_TEXT_PART_TYPE_VALUES: set[OutputTextPartType] = {
    "output_text",
}


def check_output_text_part_type(value: str) -> OutputTextPartType:
    if value in OUTPUT_TEXT_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OUTPUT_TEXT_PART_TYPE_VALUES!r}")
