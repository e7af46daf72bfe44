from typing import Literal

InputFilePartType = Literal["input_file"]

INPUT_FILE_PART_TYPE_VALUES: set[InputFilePartType] = {
    "input_file",
}


def check_input_file_part_type(value: str) -> InputFilePartType:
    if value in INPUT_FILE_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_FILE_PART_TYPE_VALUES!r}")
