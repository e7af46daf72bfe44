from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.refusal_input_type import RefusalInputType, check_refusal_input_type

T = TypeVar("T", bound="RefusalInput")


@_attrs_define
class RefusalInput:
    """
    Attributes:
        type_ (RefusalInputType):
        refusal (str):
    """

    type_: RefusalInputType
    refusal: str

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        refusal = self.refusal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "refusal": refusal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_refusal_input_type(d.pop("type"))

        refusal = d.pop("refusal")

        refusal_input = cls(
            type_=type_,
            refusal=refusal,
        )

        return refusal_input
