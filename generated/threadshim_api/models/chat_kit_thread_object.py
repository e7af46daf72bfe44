from typing import Literal

ChatKitThreadObject = Literal["chatkit.thread"]

CHAT_KIT_THREAD_OBJECT_VALUES: set[ChatKitThreadObject] = {
    "chatkit.thread",
}


def check_chat_kit_thread_object(value: str) -> ChatKitThreadObject:
    if value in CHAT_KIT_THREAD_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHAT_KIT_THREAD_OBJECT_VALUES!r}")
