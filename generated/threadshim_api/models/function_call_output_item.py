from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.function_call_output_item_type import FunctionCallOutputItemType, check_function_call_output_item_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.function_call_output_item_output_type_1_item import FunctionCallOutputItemOutputType1Item
    from ..models.tool_call_caller import ToolCallCaller


T = TypeVar("T", bound="FunctionCallOutputItem")


@_attrs_define
class FunctionCallOutputItem:
    """
    Attributes:
        type_ (FunctionCallOutputItemType):
        id (str):
        output (list[FunctionCallOutputItemOutputType1Item] | str): A string, or a list of output parts (kept as sent).
        status (ConversationItemStatus):
        call_id (str | Unset):
        name (None | str | Unset):
        namespace (None | str | Unset):
        caller (None | ToolCallCaller | Unset):
    """

    type_: FunctionCallOutputItemType
    id: str
    output: list[FunctionCallOutputItemOutputType1Item] | str
    status: ConversationItemStatus
    call_id: str | Unset = UNSET
    name: None | str | Unset = UNSET
    namespace: None | str | Unset = UNSET
    caller: None | ToolCallCaller | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        type_: str = self.type_

        id = self.id

        output: list[dict[str, Any]] | str
        if isinstance(self.output, list):
            output = []
            for output_type_1_item_data in self.output:
                output_type_1_item = output_type_1_item_data.to_dict()
                output.append(output_type_1_item)

        else:
            output = self.output

        status: str = self.status

        call_id = self.call_id

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "output": output,
                "status": status,
            }
        )
        if call_id is not UNSET:
            field_dict["call_id"] = call_id
        if name is not UNSET:
            field_dict["name"] = name
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if caller is not UNSET:
            field_dict["caller"] = caller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.function_call_output_item_output_type_1_item import FunctionCallOutputItemOutputType1Item  # noqa: PLC0415
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_function_call_output_item_type(d.pop("type"))

        id = d.pop("id")

        def _parse_output(data: object) -> list[FunctionCallOutputItemOutputType1Item] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                output_type_1 = []
                _output_type_1 = data
                for output_type_1_item_data in _output_type_1:
                    output_type_1_item = FunctionCallOutputItemOutputType1Item.from_dict(output_type_1_item_data)

                    output_type_1.append(output_type_1_item)

                return output_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FunctionCallOutputItemOutputType1Item] | str, data)

        output = _parse_output(d.pop("output"))

        status = check_conversation_item_status(d.pop("status"))

        call_id = d.pop("call_id", UNSET)

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

        function_call_output_item = cls(
            type_=type_,
            id=id,
            output=output,
            status=status,
            call_id=call_id,
            name=name,
            namespace=namespace,
            caller=caller,
        )

        function_call_output_item.additional_properties = d
        return function_call_output_item

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
