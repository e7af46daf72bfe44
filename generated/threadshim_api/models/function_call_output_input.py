from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.function_call_output_input_type import FunctionCallOutputInputType, check_function_call_output_input_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.input_file_input import InputFileInput
    from ..models.input_image_input_type_0 import InputImageInputType0
    from ..models.input_image_input_type_1 import InputImageInputType1
    from ..models.input_text_input import InputTextInput
    from ..models.tool_call_caller import ToolCallCaller


T = TypeVar("T", bound="FunctionCallOutputInput")


@_attrs_define
class FunctionCallOutputInput:
    """What your function returned for a call: a string, or text, image and file parts (a tool that returns an image, say).

    Attributes:
        type_ (FunctionCallOutputInputType):
        call_id (str):
        output (list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str):
        id (str | Unset):
        name (None | str | Unset):
        namespace (None | str | Unset):
        caller (None | ToolCallCaller | Unset):
        status (ConversationItemStatus | Unset):
    """

    type_: FunctionCallOutputInputType
    call_id: str
    output: list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str
    id: str | Unset = UNSET
    name: None | str | Unset = UNSET
    namespace: None | str | Unset = UNSET
    caller: None | ToolCallCaller | Unset = UNSET
    status: ConversationItemStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.input_image_input_type_0 import InputImageInputType0  # noqa: PLC0415
        from ..models.input_image_input_type_1 import InputImageInputType1  # noqa: PLC0415
        from ..models.input_text_input import InputTextInput  # noqa: PLC0415
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        type_: str = self.type_

        call_id = self.call_id

        output: list[dict[str, Any]] | str
        if isinstance(self.output, list):
            output = []
            for output_type_1_item_data in self.output:
                output_type_1_item: dict[str, Any]
                if isinstance(output_type_1_item_data, InputTextInput):
                    output_type_1_item = output_type_1_item_data.to_dict()
                elif isinstance(output_type_1_item_data, InputImageInputType0):
                    output_type_1_item = output_type_1_item_data.to_dict()
                elif isinstance(output_type_1_item_data, InputImageInputType1):
                    output_type_1_item = output_type_1_item_data.to_dict()
                else:
                    output_type_1_item = output_type_1_item_data.to_dict()

                output.append(output_type_1_item)

        else:
            output = self.output

        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        namespace: None | str | Unset
        if isinstance(self.namespace, Unset):
            namespace = UNSET
        else:
            namespace = self.namespace

        caller: dict[str, Any] | None | Unset
        if isinstance(self.caller, Unset):
            caller = UNSET
        elif isinstance(self.caller, ToolCallCaller):
            caller = self.caller.to_dict()
        else:
            caller = self.caller

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "call_id": call_id,
                "output": output,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if caller is not UNSET:
            field_dict["caller"] = caller
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.input_file_input import InputFileInput  # noqa: PLC0415
        from ..models.input_image_input_type_0 import InputImageInputType0  # noqa: PLC0415
        from ..models.input_image_input_type_1 import InputImageInputType1  # noqa: PLC0415
        from ..models.input_text_input import InputTextInput  # noqa: PLC0415
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_function_call_output_input_type(d.pop("type"))

        call_id = d.pop("call_id")

        def _parse_output(
            data: object,
        ) -> list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                output_type_1 = []
                _output_type_1 = data
                for output_type_1_item_data in _output_type_1:

                    def _parse_output_type_1_item(
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

                    output_type_1_item = _parse_output_type_1_item(output_type_1_item_data)

                    output_type_1.append(output_type_1_item)

                return output_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InputFileInput | InputImageInputType0 | InputImageInputType1 | InputTextInput] | str, data)

        output = _parse_output(d.pop("output"))

        id = d.pop("id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_namespace(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        namespace = _parse_namespace(d.pop("namespace", UNSET))

        def _parse_caller(data: object) -> None | ToolCallCaller | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                caller_type_0 = ToolCallCaller.from_dict(data)

                return caller_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolCallCaller | Unset, data)

        caller = _parse_caller(d.pop("caller", UNSET))

        _status = d.pop("status", UNSET)
        status: ConversationItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_conversation_item_status(_status)

        function_call_output_input = cls(
            type_=type_,
            call_id=call_id,
            output=output,
            id=id,
            name=name,
            namespace=namespace,
            caller=caller,
            status=status,
        )

        return function_call_output_input
