from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.easy_input_message_role import EasyInputMessageRole, check_easy_input_message_role
from ..models.easy_input_message_type import EasyInputMessageType, check_easy_input_message_type
from ..models.message_phase import MessagePhase, check_message_phase
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.input_file_input import InputFileInput
    from ..models.input_image_input_type_0 import InputImageInputType0
    from ..models.input_image_input_type_1 import InputImageInputType1
    from ..models.input_text_input import InputTextInput


T = TypeVar("T", bound="EasyInputMessage")


@_attrs_define
class EasyInputMessage:
    """A message in the easy form; `content` is a string or a list of input parts. An assistant message here takes string
    content only: the API refuses input parts (`input_text`, …) in an assistant turn; send an `OutputMessageInput` with
    `output_text` parts instead.

        Attributes:
            role (EasyInputMessageRole):
            content (list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str):
            type_ (EasyInputMessageType | Unset):
            phase (MessagePhase | None | Unset):
    """

    role: EasyInputMessageRole
    content: list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str
    type_: EasyInputMessageType | Unset = UNSET
    phase: MessagePhase | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.input_image_input_type_0 import InputImageInputType0  # noqa: PLC0415
        from ..models.input_image_input_type_1 import InputImageInputType1  # noqa: PLC0415
        from ..models.input_text_input import InputTextInput  # noqa: PLC0415

        role: str = self.role

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item: dict[str, Any]
                if isinstance(content_type_1_item_data, InputTextInput):
                    content_type_1_item = content_type_1_item_data.to_dict()
                elif isinstance(content_type_1_item_data, InputImageInputType0):
                    content_type_1_item = content_type_1_item_data.to_dict()
                elif isinstance(content_type_1_item_data, InputImageInputType1):
                    content_type_1_item = content_type_1_item_data.to_dict()
                else:
                    content_type_1_item = content_type_1_item_data.to_dict()

                content.append(content_type_1_item)

        else:
            content = self.content

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

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
                "role": role,
                "content": content,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if phase is not UNSET:
            field_dict["phase"] = phase

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.input_file_input import InputFileInput  # noqa: PLC0415
        from ..models.input_image_input_type_0 import InputImageInputType0  # noqa: PLC0415
        from ..models.input_image_input_type_1 import InputImageInputType1  # noqa: PLC0415
        from ..models.input_text_input import InputTextInput  # noqa: PLC0415

        d = dict(src_dict)
        role = check_easy_input_message_role(d.pop("role"))

        def _parse_content(
            data: object,
        ) -> list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:

                    def _parse_content_type_1_item(
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

                    content_type_1_item = _parse_content_type_1_item(content_type_1_item_data)

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str, data)

        content = _parse_content(d.pop("content"))

        _type_ = d.pop("type", UNSET)
        type_: EasyInputMessageType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_easy_input_message_type(_type_)

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

        easy_input_message = cls(
            role=role,
            content=content,
            type_=type_,
            phase=phase,
        )

        return easy_input_message
