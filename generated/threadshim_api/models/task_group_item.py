from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_group_item_object import TaskGroupItemObject, check_task_group_item_object
from ..models.task_group_item_type import TaskGroupItemType, check_task_group_item_type

if TYPE_CHECKING:
    from ..models.task_group_task import TaskGroupTask


T = TypeVar("T", bound="TaskGroupItem")


@_attrs_define
class TaskGroupItem:
    """Several workflow tasks shown together.

    Attributes:
        id (str):
        object_ (TaskGroupItemObject):
        created_at (int):
        thread_id (str):
        type_ (TaskGroupItemType):
        tasks (list[TaskGroupTask]):
    """

    id: str
    object_: TaskGroupItemObject
    created_at: int
    thread_id: str
    type_: TaskGroupItemType
    tasks: list[TaskGroupTask]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        type_: str = self.type_

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "type": type_,
                "tasks": tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_group_task import TaskGroupTask  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_task_group_item_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        type_ = check_task_group_item_type(d.pop("type"))

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = TaskGroupTask.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        task_group_item = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            type_=type_,
            tasks=tasks,
        )

        task_group_item.additional_properties = d
        return task_group_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
