from typing import Literal

ImageFileContentInputType = Literal["image_file"]

IMAGE_FILE_CONTENT_INPUT_TYPE_VALUES: set[ImageFileContentInputType] = {
    "image_file",
}


def check_image_file_content_input_type(value: str) -> ImageFileContentInputType:
    if value in IMAGE_FILE_CONTENT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_FILE_CONTENT_INPUT_TYPE_VALUES!r}")
