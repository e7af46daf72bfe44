from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.easy_input_message import EasyInputMessage
    from ..models.function_call_input import FunctionCallInput
    from ..models.function_call_output_input import FunctionCallOutputInput
    from ..models.input_message import InputMessage
    from ..models.metadata import Metadata
    from ..models.other_input_item import OtherInputItem
    from ..models.output_message_input import OutputMessageInput


T = TypeVar("T", bound="CreateConversationRequest")


@_attrs_define
class CreateConversationRequest:
    """A new conversation's first items (at most 20) and metadata; both may be left out.

    Attributes:
        items (list[EasyInputMessage | FunctionCallInput | FunctionCallOutputInput | InputMessage | OtherInputItem |
            OutputMessageInput] | None | Unset):
        metadata (Metadata | None | Unset):
    """

    items: (
        list[
            EasyInputMessage
            | FunctionCallInput
            | FunctionCallOutputInput
            | InputMessage
            | OtherInputItem
            | OutputMessageInput
        ]
        | None
        | Unset
    ) = UNSET
    metadata: Metadata | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.function_call_input import FunctionCallInput  # noqa: PLC0415
        from ..models.function_call_output_input import FunctionCallOutputInput  # noqa: PLC0415
        from ..models.input_message import InputMessage  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.output_message_input import OutputMessageInput  # noqa: PLC0415

        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item: dict[str, Any]
                if isinstance(items_type_0_item_data, OutputMessageInput):
                    items_type_0_item = items_type_0_item_data.to_dict()
                elif isinstance(items_type_0_item_data, InputMessage):
                    items_type_0_item = items_type_0_item_data.to_dict()
                elif isinstance(items_type_0_item_data, EasyInputMessage):
                    items_type_0_item = items_type_0_item_data.to_dict()
                elif isinstance(items_type_0_item_data, FunctionCallInput):
                    items_type_0_item = items_type_0_item_data.to_dict()
                elif isinstance(items_type_0_item_data, FunctionCallOutputInput):
                    items_type_0_item = items_type_0_item_data.to_dict()
                else:
                    items_type_0_item = items_type_0_item_data.to_dict()

                items.append(items_type_0_item)

        else:
            items = self.items

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.function_call_input import FunctionCallInput  # noqa: PLC0415
        from ..models.function_call_output_input import FunctionCallOutputInput  # noqa: PLC0415
        from ..models.input_message import InputMessage  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.other_input_item import OtherInputItem  # noqa: PLC0415
        from ..models.output_message_input import OutputMessageInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_items(
            data: object,
        ) -> (
            list[
                EasyInputMessage
                | FunctionCallInput
                | FunctionCallOutputInput
                | InputMessage
                | OtherInputItem
                | OutputMessageInput
            ]
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:

                    def _parse_items_type_0_item(
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

                    items_type_0_item = _parse_items_type_0_item(items_type_0_item_data)

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    EasyInputMessage
                    | FunctionCallInput
                    | FunctionCallOutputInput
                    | InputMessage
                    | OtherInputItem
                    | OutputMessageInput
                ]
                | None
                | Unset,
                data,
            )

        items = _parse_items(d.pop("items", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        create_conversation_request = cls(
            items=items,
            metadata=metadata,
        )

        return create_conversation_request
