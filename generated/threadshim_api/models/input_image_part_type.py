from typing import Literal

InputImagePartType = Literal["input_image"]

INPUT_IMAGE_PART_TYPE_VALUES: set[InputImagePartType] = {
    "input_image",
}


def check_input_image_part_type(value: str) -> InputImagePartType:
    if value in INPUT_IMAGE_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_IMAGE_PART_TYPE_VALUES!r}")
