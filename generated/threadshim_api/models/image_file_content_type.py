from typing import Literal

ImageFileContentType = Literal["image_file"]

IMAGE_FILE_CONTENT_TYPE_VALUES: set[ImageFileContentType] = {
    "image_file",
}


def check_image_file_content_type(value: str) -> ImageFileContentType:
    if value in IMAGE_FILE_CONTENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_FILE_CONTENT_TYPE_VALUES!r}")
