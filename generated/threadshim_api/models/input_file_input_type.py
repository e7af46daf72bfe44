from typing import Literal

InputFileInputType = Literal["input_file"]

INPUT_FILE_INPUT_TYPE_VALUES: set[InputFileInputType] = {
    "input_file",
}


def check_input_file_input_type(value: str) -> InputFileInputType:
    if value in INPUT_FILE_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_FILE_INPUT_TYPE_VALUES!r}")
