from typing import Literal

ImageUrlContentType = Literal["image_url"]

IMAGE_URL_CONTENT_TYPE_VALUES: set[ImageUrlContentType] = {
    "image_url",
}


def check_image_url_content_type(value: str) -> ImageUrlContentType:
    if value in IMAGE_URL_CONTENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_URL_CONTENT_TYPE_VALUES!r}")
