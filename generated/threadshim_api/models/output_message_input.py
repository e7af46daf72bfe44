from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.message_phase import MessagePhase, check_message_phase
from ..models.output_message_input_role import OutputMessageInputRole, check_output_message_input_role
from ..models.output_message_input_type import OutputMessageInputType, check_output_message_input_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.output_text_input import OutputTextInput
    from ..models.refusal_input import RefusalInput


T = TypeVar("T", bound="OutputMessageInput")


@_attrs_define
class OutputMessageInput:
    """An assistant turn as the model wrote it. The API mints an `id` when none is sent (the Agents SDK strips ids before
    saving a turn) and takes `completed` when `status` is left out.

        Attributes:
            type_ (OutputMessageInputType):
            role (OutputMessageInputRole):
            content (list[OutputTextInput | RefusalInput]):
            id (str | Unset):
            status (ConversationItemStatus | Unset):
            phase (MessagePhase | None | Unset):
    """

    type_: OutputMessageInputType
    role: OutputMessageInputRole
    content: list[OutputTextInput | RefusalInput]
    id: str | Unset = UNSET
    status: ConversationItemStatus | Unset = UNSET
    phase: MessagePhase | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.output_text_input import OutputTextInput  # noqa: PLC0415

        type_: str = self.type_

        role: str = self.role

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, OutputTextInput):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        id = self.id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        phase: None | str | Unset
        if isinstance(self.phase, Unset):
            phase = UNSET
        elif isinstance(self.phase, str):
            phase = self.phase
        else:
            phase = self.phase

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "role": role,
                "content": content,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if phase is not UNSET:
            field_dict["phase"] = phase

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.output_text_input import OutputTextInput  # noqa: PLC0415
        from ..models.refusal_input import RefusalInput  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_output_message_input_type(d.pop("type"))

        role = check_output_message_input_role(d.pop("role"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(data: object) -> OutputTextInput | RefusalInput:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_content_part_type_0 = OutputTextInput.from_dict(data)

                    return componentsschemas_output_content_part_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_content_part_type_1 = RefusalInput.from_dict(data)

                return componentsschemas_output_content_part_type_1

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        id = d.pop("id", UNSET)

        _status = d.pop("status", UNSET)
        status: ConversationItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_conversation_item_status(_status)

        def _parse_phase(data: object) -> MessagePhase | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phase_type_0 = check_message_phase(data)

                return phase_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessagePhase | None | Unset, data)

        phase = _parse_phase(d.pop("phase", UNSET))

        output_message_input = cls(
            type_=type_,
            role=role,
            content=content,
            id=id,
            status=status,
            phase=phase,
        )

        return output_message_input
