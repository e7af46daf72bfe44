from typing import Literal

DeletedChatKitThreadObject = Literal["chatkit.thread.deleted"]

DELETED_CHAT_KIT_THREAD_OBJECT_VALUES: set[DeletedChatKitThreadObject] = {
    "chatkit.thread.deleted",
}


def check_deleted_chat_kit_thread_object(value: str) -> DeletedChatKitThreadObject:
    if value in DELETED_CHAT_KIT_THREAD_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETED_CHAT_KIT_THREAD_OBJECT_VALUES!r}")
