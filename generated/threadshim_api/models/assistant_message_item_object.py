from typing import Literal

AssistantMessageItemObject = Literal["chatkit.thread_item"]

ASSISTANT_MESSAGE_ITEM_OBJECT_VALUES: set[AssistantMessageItemObject] = {
    "chatkit.thread_item",
}


def check_assistant_message_item_object(value: str) -> AssistantMessageItemObject:
    if value in ASSISTANT_MESSAGE_ITEM_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ASSISTANT_MESSAGE_ITEM_OBJECT_VALUES!r}")
