from typing import Literal

TaskGroupItemType = Literal["chatkit.task_group"]

TASK_GROUP_ITEM_TYPE_VALUES: set[TaskGroupItemType] = {
    "chatkit.task_group",
}


def check_task_group_item_type(value: str) -> TaskGroupItemType:
    if value in TASK_GROUP_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TASK_GROUP_ITEM_TYPE_VALUES!r}")
