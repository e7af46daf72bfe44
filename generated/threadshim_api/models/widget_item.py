from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.widget_item_object import WidgetItemObject, check_widget_item_object
from ..models.widget_item_type import WidgetItemType, check_widget_item_type

T = TypeVar("T", bound="WidgetItem")


@_attrs_define
class WidgetItem:
    """A widget rendered in the conversation.

    Attributes:
        id (str):
        object_ (WidgetItemObject):
        created_at (int):
        thread_id (str):
        type_ (WidgetItemType):
        widget (str): The widget, serialized as the UI renders it.
    """

    id: str
    object_: WidgetItemObject
    created_at: int
    thread_id: str
    type_: WidgetItemType
    widget: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        type_: str = self.type_

        widget = self.widget

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "type": type_,
                "widget": widget,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_widget_item_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        type_ = check_widget_item_type(d.pop("type"))

        widget = d.pop("widget")

        widget_item = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            type_=type_,
            widget=widget,
        )

        widget_item.additional_properties = d
        return widget_item

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
