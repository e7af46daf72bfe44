from typing import Literal

DeletedThreadObject = Literal["thread.deleted"]

DELETED_THREAD_OBJECT_VALUES: set[DeletedThreadObject] = {
    "thread.deleted",
}


def check_deleted_thread_object(value: str) -> DeletedThreadObject:
    if value in DELETED_THREAD_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETED_THREAD_OBJECT_VALUES!r}")
