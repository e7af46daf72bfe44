from typing import Literal

DeletedMessageObject = Literal["thread.message.deleted"]

DELETED_MESSAGE_OBJECT_VALUES: set[DeletedMessageObject] = {
    "thread.message.deleted",
}


def check_deleted_message_object(value: str) -> DeletedMessageObject:
    if value in DELETED_MESSAGE_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETED_MESSAGE_OBJECT_VALUES!r}")
