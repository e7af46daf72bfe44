from typing import Literal

ChatKitThreadItemListObject = Literal["list"]

CHAT_KIT_THREAD_ITEM_LIST_OBJECT_VALUES: set[ChatKitThreadItemListObject] = {
    "list",
}


def check_chat_kit_thread_item_list_object(value: str) -> ChatKitThreadItemListObject:
    if value in CHAT_KIT_THREAD_ITEM_LIST_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHAT_KIT_THREAD_ITEM_LIST_OBJECT_VALUES!r}")
