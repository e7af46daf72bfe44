from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.function_call_output_input_type import FunctionCallOutputInputType, check_function_call_output_input_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="FunctionCallOutputInput")


@_attrs_define
class FunctionCallOutputInput:
    """What your function returned for a call.

    Attributes:
        type_ (FunctionCallOutputInputType):
        call_id (str):
        output (str):
        id (str | Unset):
        status (ConversationItemStatus | Unset):
    """

    type_: FunctionCallOutputInputType
    call_id: str
    output: str
    id: str | Unset = UNSET
    status: ConversationItemStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        call_id = self.call_id

        output = self.output

        id = self.id

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
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_function_call_output_input_type(d.pop("type"))

        call_id = d.pop("call_id")

        output = d.pop("output")

        id = d.pop("id", UNSET)

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
            status=status,
        )

        return function_call_output_input
