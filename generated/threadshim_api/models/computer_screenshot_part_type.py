from typing import Literal

ComputerScreenshotPartType = Literal["computer_screenshot"]

COMPUTER_SCREENSHOT_PART_TYPE_VALUES: set[ComputerScreenshotPartType] = {
    "computer_screenshot",
}


def check_computer_screenshot_part_type(value: str) -> ComputerScreenshotPartType:
    if value in COMPUTER_SCREENSHOT_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMPUTER_SCREENSHOT_PART_TYPE_VALUES!r}")
