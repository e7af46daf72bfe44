from typing import Literal

ImageUrlContentInputType = Literal["image_url"]

IMAGE_URL_CONTENT_INPUT_TYPE_VALUES: set[ImageUrlContentInputType] = {
    "image_url",
}


def check_image_url_content_input_type(value: str) -> ImageUrlContentInputType:
    if value in IMAGE_URL_CONTENT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_URL_CONTENT_INPUT_TYPE_VALUES!r}")
