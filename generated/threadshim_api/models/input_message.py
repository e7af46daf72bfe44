from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.input_message_role import InputMessageRole, check_input_message_role
from ..models.input_message_type import InputMessageType, check_input_message_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.input_file_input import InputFileInput
    from ..models.input_image_input_type_0 import InputImageInputType0
    from ..models.input_image_input_type_1 import InputImageInputType1
    from ..models.input_text_input import InputTextInput


T = TypeVar("T", bound="InputMessage")


@_attrs_define
class InputMessage:
    """A message in the full input form, with a status; an `id` is taken as items read back carry one (the Agents SDK sends
    its history so).

        Attributes:
            role (InputMessageRole):
            status (ConversationItemStatus):
            content (list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput]):
            type_ (InputMessageType | Unset):
            id (str | Unset):
    """

    role: InputMessageRole
    status: ConversationItemStatus
    content: list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput]
    type_: InputMessageType | Unset = UNSET
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.input_image_input_type_0 import InputImageInputType0  # noqa: PLC0415
        from ..models.input_image_input_type_1 import InputImageInputType1  # noqa: PLC0415
        from ..models.input_text_input import InputTextInput  # noqa: PLC0415

        role: str = self.role

        status: str = self.status

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, InputTextInput):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, InputImageInputType0):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, InputImageInputType1):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "status": status,
                "content": content,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.input_file_input import InputFileInput  # noqa: PLC0415
        from ..models.input_image_input_type_0 import InputImageInputType0  # noqa: PLC0415
        from ..models.input_image_input_type_1 import InputImageInputType1  # noqa: PLC0415
        from ..models.input_text_input import InputTextInput  # noqa: PLC0415

        d = dict(src_dict)
        role = check_input_message_role(d.pop("role"))

        status = check_conversation_item_status(d.pop("status"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(
                data: object,
            ) -> InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_input_content_part_type_0 = InputTextInput.from_dict(data)

                    return componentsschemas_input_content_part_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_input_image_input_type_0 = InputImageInputType0.from_dict(data)

                    return componentsschemas_input_image_input_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_input_image_input_type_1 = InputImageInputType1.from_dict(data)

                    return componentsschemas_input_image_input_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_input_content_part_type_2 = InputFileInput.from_dict(data)

                return componentsschemas_input_content_part_type_2

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        _type_ = d.pop("type", UNSET)
        type_: InputMessageType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_input_message_type(_type_)

        id = d.pop("id", UNSET)

        input_message = cls(
            role=role,
            status=status,
            content=content,
            type_=type_,
            id=id,
        )

        return input_message
