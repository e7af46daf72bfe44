from typing import Literal

TaskItemObject = Literal["chatkit.thread_item"]

TASK_ITEM_OBJECT_VALUES: set[TaskItemObject] = {
    "chatkit.thread_item",
}


def check_task_item_object(value: str) -> TaskItemObject:
    if value in TASK_ITEM_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_ITEM_OBJECT_VALUES!r}")
