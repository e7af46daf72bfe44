from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assistant_message_item_object import AssistantMessageItemObject, check_assistant_message_item_object
from ..models.assistant_message_item_type import AssistantMessageItemType, check_assistant_message_item_type

if TYPE_CHECKING:
    from ..models.assistant_output_text import AssistantOutputText


T = TypeVar("T", bound="AssistantMessageItem")


@_attrs_define
class AssistantMessageItem:
    """A reply from the assistant.

    Attributes:
        id (str):
        object_ (AssistantMessageItemObject):
        created_at (int):
        thread_id (str):
        type_ (AssistantMessageItemType):
        content (list[AssistantOutputText]): The segments of the reply, in order.
    """

    id: str
    object_: AssistantMessageItemObject
    created_at: int
    thread_id: str
    type_: AssistantMessageItemType
    content: list[AssistantOutputText]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        type_: str = self.type_

        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "type": type_,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assistant_output_text import AssistantOutputText  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_assistant_message_item_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        type_ = check_assistant_message_item_type(d.pop("type"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = AssistantOutputText.from_dict(content_item_data)

            content.append(content_item)

        assistant_message_item = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            type_=type_,
            content=content,
        )

        assistant_message_item.additional_properties = d
        return assistant_message_item

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
