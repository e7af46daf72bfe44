from typing import Literal

InputImageDetail = Literal["auto", "high", "low", "original"]

INPUT_IMAGE_DETAIL_VALUES: set[InputImageDetail] = {
    "auto",
    "high",
    "low",
    "original",
}


def check_input_image_detail(value: str) -> InputImageDetail:
    if value in INPUT_IMAGE_DETAIL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INPUT_IMAGE_DETAIL_VALUES!r}")
