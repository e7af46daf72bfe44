from typing import Literal

ConversationItemStatus = Literal["completed", "in_progress", "incomplete"]

CONVERSATION_ITEM_STATUS_VALUES: set[ConversationItemStatus] = {
    "completed",
    "in_progress",
    "incomplete",
}


def check_conversation_item_status(value: str) -> ConversationItemStatus:
    if value in CONVERSATION_ITEM_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONVERSATION_ITEM_STATUS_VALUES!r}")
