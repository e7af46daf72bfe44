from typing import Literal

ImageGenerationCallItemStatus = Literal["completed", "failed", "generating", "in_progress"]

IMAGE_GENERATION_CALL_ITEM_STATUS_VALUES: set[ImageGenerationCallItemStatus] = {
    "completed",
    "failed",
    "generating",
    "in_progress",
}


def check_image_generation_call_item_status(value: str) -> ImageGenerationCallItemStatus:
    if value in IMAGE_GENERATION_CALL_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_GENERATION_CALL_ITEM_STATUS_VALUES!r}")
