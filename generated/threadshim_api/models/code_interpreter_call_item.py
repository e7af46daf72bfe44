from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_interpreter_call_item_status import (
    CodeInterpreterCallItemStatus,
    check_code_interpreter_call_item_status,
)
from ..models.code_interpreter_call_item_type import CodeInterpreterCallItemType, check_code_interpreter_call_item_type

if TYPE_CHECKING:
    from ..models.code_interpreter_call_item_outputs_type_0_item import CodeInterpreterCallItemOutputsType0Item


T = TypeVar("T", bound="CodeInterpreterCallItem")


@_attrs_define
class CodeInterpreterCallItem:
    """
    Attributes:
        type_ (CodeInterpreterCallItemType):
        id (str):
        status (CodeInterpreterCallItemStatus):
        container_id (str):
        code (None | str):
        outputs (list[CodeInterpreterCallItemOutputsType0Item] | None):
    """

    type_: CodeInterpreterCallItemType
    id: str
    status: CodeInterpreterCallItemStatus
    container_id: str
    code: None | str
    outputs: list[CodeInterpreterCallItemOutputsType0Item] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        status: str = self.status

        container_id = self.container_id

        code: None | str
        code = self.code

        outputs: list[dict[str, Any]] | None
        if isinstance(self.outputs, list):
            outputs = []
            for outputs_type_0_item_data in self.outputs:
                outputs_type_0_item = outputs_type_0_item_data.to_dict()
                outputs.append(outputs_type_0_item)

        else:
            outputs = self.outputs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "status": status,
                "container_id": container_id,
                "code": code,
                "outputs": outputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_call_item_outputs_type_0_item import CodeInterpreterCallItemOutputsType0Item  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_code_interpreter_call_item_type(d.pop("type"))

        id = d.pop("id")

        status = check_code_interpreter_call_item_status(d.pop("status"))

        container_id = d.pop("container_id")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        def _parse_outputs(data: object) -> list[CodeInterpreterCallItemOutputsType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                outputs_type_0 = []
                _outputs_type_0 = data
                for outputs_type_0_item_data in _outputs_type_0:
                    outputs_type_0_item = CodeInterpreterCallItemOutputsType0Item.from_dict(outputs_type_0_item_data)

                    outputs_type_0.append(outputs_type_0_item)

                return outputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CodeInterpreterCallItemOutputsType0Item] | None, data)

        outputs = _parse_outputs(d.pop("outputs"))

        code_interpreter_call_item = cls(
            type_=type_,
            id=id,
            status=status,
            container_id=container_id,
            code=code,
            outputs=outputs,
        )

        code_interpreter_call_item.additional_properties = d
        return code_interpreter_call_item

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
