from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.function_call_item_type import FunctionCallItemType, check_function_call_item_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call_caller import ToolCallCaller


T = TypeVar("T", bound="FunctionCallItem")


@_attrs_define
class FunctionCallItem:
    """
    Attributes:
        type_ (FunctionCallItemType):
        id (str):
        call_id (str):
        name (str):
        arguments (str):
        status (ConversationItemStatus):
        namespace (str | Unset):
        caller (None | ToolCallCaller | Unset):
    """

    type_: FunctionCallItemType
    id: str
    call_id: str
    name: str
    arguments: str
    status: ConversationItemStatus
    namespace: str | Unset = UNSET
    caller: None | ToolCallCaller | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        type_: str = self.type_

        id = self.id

        call_id = self.call_id

        name = self.name

        arguments = self.arguments

        status: str = self.status

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
                "call_id": call_id,
                "name": name,
                "arguments": arguments,
                "status": status,
            }
        )
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if caller is not UNSET:
            field_dict["caller"] = caller

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_function_call_item_type(d.pop("type"))

        id = d.pop("id")

        call_id = d.pop("call_id")

        name = d.pop("name")

        arguments = d.pop("arguments")

        status = check_conversation_item_status(d.pop("status"))

        namespace = d.pop("namespace", UNSET)

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

        function_call_item = cls(
            type_=type_,
            id=id,
            call_id=call_id,
            name=name,
            arguments=arguments,
            status=status,
            namespace=namespace,
            caller=caller,
        )

        function_call_item.additional_properties = d
        return function_call_item

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
