from typing import Literal

ChatKitThreadListObject = Literal["list"]

CHAT_KIT_THREAD_LIST_OBJECT_VALUES: set[ChatKitThreadListObject] = {
    "list",
}


def check_chat_kit_thread_list_object(value: str) -> ChatKitThreadListObject:
    if value in CHAT_KIT_THREAD_LIST_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHAT_KIT_THREAD_LIST_OBJECT_VALUES!r}")
