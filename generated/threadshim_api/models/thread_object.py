from typing import Literal

ThreadObject = Literal["thread"]

THREAD_OBJECT_VALUES: set[ThreadObject] = {
    "thread",
}


def check_thread_object(value: str) -> ThreadObject:
    if value in THREAD_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {THREAD_OBJECT_VALUES!r}")
