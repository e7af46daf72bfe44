from typing import Literal

FileSearchCallItemStatus = Literal["completed", "failed", "in_progress", "incomplete", "searching"]

FILE_SEARCH_CALL_ITEM_STATUS_VALUES: set[FileSearchCallItemStatus] = {
    "completed",
    "failed",
    "in_progress",
    "incomplete",
    "searching",
}


def check_file_search_call_item_status(value: str) -> FileSearchCallItemStatus:
    if value in FILE_SEARCH_CALL_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_SEARCH_CALL_ITEM_STATUS_VALUES!r}")
