from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_kit_thread_item_list_object import (
    ChatKitThreadItemListObject,
    check_chat_kit_thread_item_list_object,
)

if TYPE_CHECKING:
    from ..models.assistant_message_item import AssistantMessageItem
    from ..models.client_tool_call_item import ClientToolCallItem
    from ..models.task_group_item import TaskGroupItem
    from ..models.task_item import TaskItem
    from ..models.user_message_item import UserMessageItem
    from ..models.widget_item import WidgetItem


T = TypeVar("T", bound="ChatKitThreadItemList")


@_attrs_define
class ChatKitThreadItemList:
    """One page of items of a ChatKit thread.

    Attributes:
        object_ (ChatKitThreadItemListObject):
        data (list[AssistantMessageItem | ClientToolCallItem | TaskGroupItem | TaskItem | UserMessageItem |
            WidgetItem]):
        first_id (None | str): The id of the first item on this page, or null when it is empty.
        last_id (None | str): The id of the last item on this page, or null when it is empty.
        has_more (bool): Whether another page follows in this order.
    """

    object_: ChatKitThreadItemListObject
    data: list[AssistantMessageItem | ClientToolCallItem | TaskGroupItem | TaskItem | UserMessageItem | WidgetItem]
    first_id: None | str
    last_id: None | str
    has_more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assistant_message_item import AssistantMessageItem  # noqa: PLC0415
        from ..models.client_tool_call_item import ClientToolCallItem  # noqa: PLC0415
        from ..models.task_item import TaskItem  # noqa: PLC0415
        from ..models.user_message_item import UserMessageItem  # noqa: PLC0415
        from ..models.widget_item import WidgetItem  # noqa: PLC0415

        object_: str = self.object_

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, UserMessageItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, AssistantMessageItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, WidgetItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ClientToolCallItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, TaskItem):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        first_id: None | str
        first_id = self.first_id

        last_id: None | str
        last_id = self.last_id

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "data": data,
                "first_id": first_id,
                "last_id": last_id,
                "has_more": has_more,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assistant_message_item import AssistantMessageItem  # noqa: PLC0415
        from ..models.client_tool_call_item import ClientToolCallItem  # noqa: PLC0415
        from ..models.task_group_item import TaskGroupItem  # noqa: PLC0415
        from ..models.task_item import TaskItem  # noqa: PLC0415
        from ..models.user_message_item import UserMessageItem  # noqa: PLC0415
        from ..models.widget_item import WidgetItem  # noqa: PLC0415

        d = dict(src_dict)
        object_ = check_chat_kit_thread_item_list_object(d.pop("object"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(
                data: object,
            ) -> AssistantMessageItem | ClientToolCallItem | TaskGroupItem | TaskItem | UserMessageItem | WidgetItem:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_kit_thread_item_type_0 = UserMessageItem.from_dict(data)

                    return componentsschemas_chat_kit_thread_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_kit_thread_item_type_1 = AssistantMessageItem.from_dict(data)

                    return componentsschemas_chat_kit_thread_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_kit_thread_item_type_2 = WidgetItem.from_dict(data)

                    return componentsschemas_chat_kit_thread_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_kit_thread_item_type_3 = ClientToolCallItem.from_dict(data)

                    return componentsschemas_chat_kit_thread_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_kit_thread_item_type_4 = TaskItem.from_dict(data)

                    return componentsschemas_chat_kit_thread_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chat_kit_thread_item_type_5 = TaskGroupItem.from_dict(data)

                return componentsschemas_chat_kit_thread_item_type_5

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        def _parse_first_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_id = _parse_first_id(d.pop("first_id"))

        def _parse_last_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_id = _parse_last_id(d.pop("last_id"))

        has_more = d.pop("has_more")

        chat_kit_thread_item_list = cls(
            object_=object_,
            data=data,
            first_id=first_id,
            last_id=last_id,
            has_more=has_more,
        )

        chat_kit_thread_item_list.additional_properties = d
        return chat_kit_thread_item_list

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
