from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_item_list_object import ConversationItemListObject, check_conversation_item_list_object

if TYPE_CHECKING:
    from ..models.code_interpreter_call_item import CodeInterpreterCallItem
    from ..models.computer_call_item import ComputerCallItem
    from ..models.conversation_message import ConversationMessage
    from ..models.file_search_call_item import FileSearchCallItem
    from ..models.function_call_item import FunctionCallItem
    from ..models.function_call_output_item import FunctionCallOutputItem
    from ..models.image_generation_call_item import ImageGenerationCallItem
    from ..models.other_conversation_item import OtherConversationItem
    from ..models.reasoning_item import ReasoningItem
    from ..models.web_search_call_item import WebSearchCallItem


T = TypeVar("T", bound="ConversationItemList")


@_attrs_define
class ConversationItemList:
    """One page of a conversation's items.

    Attributes:
        object_ (ConversationItemListObject):
        data (list[CodeInterpreterCallItem | ComputerCallItem | ConversationMessage | FileSearchCallItem |
            FunctionCallItem | FunctionCallOutputItem | ImageGenerationCallItem | OtherConversationItem | ReasoningItem |
            WebSearchCallItem]):
        first_id (None | str): The id of the first item on this page, or null when it is empty.
        last_id (None | str): The id of the last item on this page, or null when it is empty.
        has_more (bool):
    """

    object_: ConversationItemListObject
    data: list[
        CodeInterpreterCallItem
        | ComputerCallItem
        | ConversationMessage
        | FileSearchCallItem
        | FunctionCallItem
        | FunctionCallOutputItem
        | ImageGenerationCallItem
        | OtherConversationItem
        | ReasoningItem
        | WebSearchCallItem
    ]
    first_id: None | str
    last_id: None | str
    has_more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_call_item import CodeInterpreterCallItem  # noqa: PLC0415
        from ..models.computer_call_item import ComputerCallItem  # noqa: PLC0415
        from ..models.conversation_message import ConversationMessage  # noqa: PLC0415
        from ..models.file_search_call_item import FileSearchCallItem  # noqa: PLC0415
        from ..models.function_call_item import FunctionCallItem  # noqa: PLC0415
        from ..models.function_call_output_item import FunctionCallOutputItem  # noqa: PLC0415
        from ..models.image_generation_call_item import ImageGenerationCallItem  # noqa: PLC0415
        from ..models.reasoning_item import ReasoningItem  # noqa: PLC0415
        from ..models.web_search_call_item import WebSearchCallItem  # noqa: PLC0415

        object_: str = self.object_

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, ConversationMessage):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, FunctionCallItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, FunctionCallOutputItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReasoningItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, FileSearchCallItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, WebSearchCallItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ImageGenerationCallItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, CodeInterpreterCallItem):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ComputerCallItem):
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
        from ..models.code_interpreter_call_item import CodeInterpreterCallItem  # noqa: PLC0415
        from ..models.computer_call_item import ComputerCallItem  # noqa: PLC0415
        from ..models.conversation_message import ConversationMessage  # noqa: PLC0415
        from ..models.file_search_call_item import FileSearchCallItem  # noqa: PLC0415
        from ..models.function_call_item import FunctionCallItem  # noqa: PLC0415
        from ..models.function_call_output_item import FunctionCallOutputItem  # noqa: PLC0415
        from ..models.image_generation_call_item import ImageGenerationCallItem  # noqa: PLC0415
        from ..models.other_conversation_item import OtherConversationItem  # noqa: PLC0415
        from ..models.reasoning_item import ReasoningItem  # noqa: PLC0415
        from ..models.web_search_call_item import WebSearchCallItem  # noqa: PLC0415

        d = dict(src_dict)
        object_ = check_conversation_item_list_object(d.pop("object"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(
                data: object,
            ) -> (
                CodeInterpreterCallItem
                | ComputerCallItem
                | ConversationMessage
                | FileSearchCallItem
                | FunctionCallItem
                | FunctionCallOutputItem
                | ImageGenerationCallItem
                | OtherConversationItem
                | ReasoningItem
                | WebSearchCallItem
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_0 = ConversationMessage.from_dict(data)

                    return componentsschemas_conversation_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_1 = FunctionCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_2 = FunctionCallOutputItem.from_dict(data)

                    return componentsschemas_conversation_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_3 = ReasoningItem.from_dict(data)

                    return componentsschemas_conversation_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_4 = FileSearchCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_5 = WebSearchCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_6 = ImageGenerationCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_7 = CodeInterpreterCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_8 = ComputerCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_conversation_item_type_9 = OtherConversationItem.from_dict(data)

                return componentsschemas_conversation_item_type_9

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

        conversation_item_list = cls(
            object_=object_,
            data=data,
            first_id=first_id,
            last_id=last_id,
            has_more=has_more,
        )

        conversation_item_list.additional_properties = d
        return conversation_item_list

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
