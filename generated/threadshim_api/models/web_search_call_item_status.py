from typing import Literal

WebSearchCallItemStatus = Literal["completed", "failed", "in_progress", "searching"]

WEB_SEARCH_CALL_ITEM_STATUS_VALUES: set[WebSearchCallItemStatus] = {
    "completed",
    "failed",
    "in_progress",
    "searching",
}


def check_web_search_call_item_status(value: str) -> WebSearchCallItemStatus:
    if value in WEB_SEARCH_CALL_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEB_SEARCH_CALL_ITEM_STATUS_VALUES!r}")
