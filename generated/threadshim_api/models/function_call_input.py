from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.function_call_input_type import FunctionCallInputType, check_function_call_input_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_call_caller import ToolCallCaller


T = TypeVar("T", bound="FunctionCallInput")


@_attrs_define
class FunctionCallInput:
    """A call the model made to one of your functions.

    Attributes:
        type_ (FunctionCallInputType):
        call_id (str):
        name (str):
        arguments (str):
        id (str | Unset):
        namespace (str | Unset): The namespace of a namespaced tool.
        caller (None | ToolCallCaller | Unset):
        status (ConversationItemStatus | Unset):
    """

    type_: FunctionCallInputType
    call_id: str
    name: str
    arguments: str
    id: str | Unset = UNSET
    namespace: str | Unset = UNSET
    caller: None | ToolCallCaller | Unset = UNSET
    status: ConversationItemStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        type_: str = self.type_

        call_id = self.call_id

        name = self.name

        arguments = self.arguments

        id = self.id

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
                "name": name,
                "arguments": arguments,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if caller is not UNSET:
            field_dict["caller"] = caller
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_call_caller import ToolCallCaller  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_function_call_input_type(d.pop("type"))

        call_id = d.pop("call_id")

        name = d.pop("name")

        arguments = d.pop("arguments")

        id = d.pop("id", UNSET)

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

        _status = d.pop("status", UNSET)
        status: ConversationItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_conversation_item_status(_status)

        function_call_input = cls(
            type_=type_,
            call_id=call_id,
            name=name,
            arguments=arguments,
            id=id,
            namespace=namespace,
            caller=caller,
            status=status,
        )

        return function_call_input
