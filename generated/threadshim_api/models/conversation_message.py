from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.conversation_message_role import ConversationMessageRole, check_conversation_message_role
from ..models.conversation_message_type import ConversationMessageType, check_conversation_message_type
from ..models.message_phase import MessagePhase, check_message_phase
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.computer_screenshot_part import ComputerScreenshotPart
    from ..models.input_file_part import InputFilePart
    from ..models.input_image_part import InputImagePart
    from ..models.input_text_part import InputTextPart
    from ..models.other_content_part import OtherContentPart
    from ..models.output_text_part import OutputTextPart
    from ..models.reasoning_text_part import ReasoningTextPart
    from ..models.refusal_part import RefusalPart
    from ..models.summary_text_part import SummaryTextPart
    from ..models.text_part import TextPart


T = TypeVar("T", bound="ConversationMessage")


@_attrs_define
class ConversationMessage:
    """A stored message of any role. It has no `created_at`.

    Attributes:
        type_ (ConversationMessageType):
        id (str):
        status (ConversationItemStatus):
        role (ConversationMessageRole):
        content (list[ComputerScreenshotPart | InputFilePart | InputImagePart | InputTextPart | OtherContentPart |
            OutputTextPart | ReasoningTextPart | RefusalPart | SummaryTextPart | TextPart]):
        phase (MessagePhase | None | Unset):
    """

    type_: ConversationMessageType
    id: str
    status: ConversationItemStatus
    role: ConversationMessageRole
    content: list[
        ComputerScreenshotPart
        | InputFilePart
        | InputImagePart
        | InputTextPart
        | OtherContentPart
        | OutputTextPart
        | ReasoningTextPart
        | RefusalPart
        | SummaryTextPart
        | TextPart
    ]
    phase: MessagePhase | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.computer_screenshot_part import ComputerScreenshotPart  # noqa: PLC0415
        from ..models.input_file_part import InputFilePart  # noqa: PLC0415
        from ..models.input_image_part import InputImagePart  # noqa: PLC0415
        from ..models.input_text_part import InputTextPart  # noqa: PLC0415
        from ..models.output_text_part import OutputTextPart  # noqa: PLC0415
        from ..models.reasoning_text_part import ReasoningTextPart  # noqa: PLC0415
        from ..models.refusal_part import RefusalPart  # noqa: PLC0415
        from ..models.summary_text_part import SummaryTextPart  # noqa: PLC0415
        from ..models.text_part import TextPart  # noqa: PLC0415

        type_: str = self.type_

        id = self.id

        status: str = self.status

        role: str = self.role

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, InputTextPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, OutputTextPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, TextPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, SummaryTextPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, ReasoningTextPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, RefusalPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, InputImagePart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, ComputerScreenshotPart):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, InputFilePart):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        phase: None | str | Unset
        if isinstance(self.phase, Unset):
            phase = UNSET
        elif isinstance(self.phase, str):
            phase = self.phase
        else:
            phase = self.phase

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "status": status,
                "role": role,
                "content": content,
            }
        )
        if phase is not UNSET:
            field_dict["phase"] = phase

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.computer_screenshot_part import ComputerScreenshotPart  # noqa: PLC0415
        from ..models.input_file_part import InputFilePart  # noqa: PLC0415
        from ..models.input_image_part import InputImagePart  # noqa: PLC0415
        from ..models.input_text_part import InputTextPart  # noqa: PLC0415
        from ..models.other_content_part import OtherContentPart  # noqa: PLC0415
        from ..models.output_text_part import OutputTextPart  # noqa: PLC0415
        from ..models.reasoning_text_part import ReasoningTextPart  # noqa: PLC0415
        from ..models.refusal_part import RefusalPart  # noqa: PLC0415
        from ..models.summary_text_part import SummaryTextPart  # noqa: PLC0415
        from ..models.text_part import TextPart  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_conversation_message_type(d.pop("type"))

        id = d.pop("id")

        status = check_conversation_item_status(d.pop("status"))

        role = check_conversation_message_role(d.pop("role"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(
                data: object,
            ) -> (
                ComputerScreenshotPart
                | InputFilePart
                | InputImagePart
                | InputTextPart
                | OtherContentPart
                | OutputTextPart
                | ReasoningTextPart
                | RefusalPart
                | SummaryTextPart
                | TextPart
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_0 = InputTextPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_1 = OutputTextPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_2 = TextPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_3 = SummaryTextPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_4 = ReasoningTextPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_5 = RefusalPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_6 = InputImagePart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_7 = ComputerScreenshotPart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_content_part_type_8 = InputFilePart.from_dict(data)

                    return componentsschemas_conversation_content_part_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_conversation_content_part_type_9 = OtherContentPart.from_dict(data)

                return componentsschemas_conversation_content_part_type_9

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

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

        conversation_message = cls(
            type_=type_,
            id=id,
            status=status,
            role=role,
            content=content,
            phase=phase,
        )

        conversation_message.additional_properties = d
        return conversation_message

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
