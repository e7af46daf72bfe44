from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_item_object import TaskItemObject, check_task_item_object
from ..models.task_item_type import TaskItemType, check_task_item_type
from ..models.task_type import TaskType, check_task_type

T = TypeVar("T", bound="TaskItem")


@_attrs_define
class TaskItem:
    """A progress update from the workflow.

    Attributes:
        id (str):
        object_ (TaskItemObject):
        created_at (int):
        thread_id (str):
        type_ (TaskItemType):
        task_type (TaskType):
        heading (None | str):
        summary (None | str):
    """

    id: str
    object_: TaskItemObject
    created_at: int
    thread_id: str
    type_: TaskItemType
    task_type: TaskType
    heading: None | str
    summary: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        type_: str = self.type_

        task_type: str = self.task_type

        heading: None | str
        heading = self.heading

        summary: None | str
        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "type": type_,
                "task_type": task_type,
                "heading": heading,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_task_item_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        type_ = check_task_item_type(d.pop("type"))

        task_type = check_task_type(d.pop("task_type"))

        def _parse_heading(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        heading = _parse_heading(d.pop("heading"))

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        task_item = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            type_=type_,
            task_type=task_type,
            heading=heading,
            summary=summary,
        )

        task_item.additional_properties = d
        return task_item

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
