from typing import Literal

TaskItemType = Literal["chatkit.task"]

TASK_ITEM_TYPE_VALUES: set[TaskItemType] = {
    "chatkit.task",
}


def check_task_item_type(value: str) -> TaskItemType:
    if value in TASK_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_ITEM_TYPE_VALUES!r}")
