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
    """

    type_: FunctionCallOutputItemType
    id: str
    output: list[FunctionCallOutputItemOutputType1Item] | str
    status: ConversationItemStatus
    call_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.function_call_output_item_output_type_1_item import FunctionCallOutputItemOutputType1Item  # noqa: PLC0415

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

        function_call_output_item = cls(
            type_=type_,
            id=id,
            output=output,
            status=status,
            call_id=call_id,
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
