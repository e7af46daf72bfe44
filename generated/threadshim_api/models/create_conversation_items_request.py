from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.easy_input_message import EasyInputMessage
    from ..models.function_call_input import FunctionCallInput
    from ..models.function_call_output_input import FunctionCallOutputInput
    from ..models.input_message import InputMessage
    from ..models.other_input_item import OtherInputItem
    from ..models.output_message_input import OutputMessageInput


T = TypeVar("T", bound="CreateConversationItemsRequest")


@_attrs_define
class CreateConversationItemsRequest:
    """
    Attributes:
        items (list[EasyInputMessage | FunctionCallInput | FunctionCallOutputInput | InputMessage | OtherInputItem |
            OutputMessageInput]): The items to add, in order; 1 to 20.
    """

    items: list[
        EasyInputMessage
        | FunctionCallInput
        | FunctionCallOutputInput
        | InputMessage
        | OtherInputItem
        | OutputMessageInput
    ]

    def to_dict(self) -> dict[str, Any]:
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.function_call_input import FunctionCallInput  # noqa: PLC0415
        from ..models.function_call_output_input import FunctionCallOutputInput  # noqa: PLC0415
        from ..models.input_message import InputMessage  # noqa: PLC0415
        from ..models.output_message_input import OutputMessageInput  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, OutputMessageInput):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, InputMessage):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, EasyInputMessage):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, FunctionCallInput):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, FunctionCallOutputInput):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.function_call_input import FunctionCallInput  # noqa: PLC0415
        from ..models.function_call_output_input import FunctionCallOutputInput  # noqa: PLC0415
        from ..models.input_message import InputMessage  # noqa: PLC0415
        from ..models.other_input_item import OtherInputItem  # noqa: PLC0415
        from ..models.output_message_input import OutputMessageInput  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
                data: object,
            ) -> (
                EasyInputMessage
                | FunctionCallInput
                | FunctionCallOutputInput
                | InputMessage
                | OtherInputItem
                | OutputMessageInput
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_input_item_type_0 = OutputMessageInput.from_dict(data)

                    return componentsschemas_conversation_input_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_input_item_type_1 = InputMessage.from_dict(data)

                    return componentsschemas_conversation_input_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_input_item_type_2 = EasyInputMessage.from_dict(data)

                    return componentsschemas_conversation_input_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_input_item_type_3 = FunctionCallInput.from_dict(data)

                    return componentsschemas_conversation_input_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_input_item_type_4 = FunctionCallOutputInput.from_dict(data)

                    return componentsschemas_conversation_input_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_conversation_input_item_type_5 = OtherInputItem.from_dict(data)

                return componentsschemas_conversation_input_item_type_5

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        create_conversation_items_request = cls(
            items=items,
        )

        return create_conversation_items_request
