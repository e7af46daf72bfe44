from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.input_text_input_type import InputTextInputType, check_input_text_input_type

T = TypeVar("T", bound="InputTextInput")


@_attrs_define
class InputTextInput:
    """
    Attributes:
        type_ (InputTextInputType):
        text (str):
    """

    type_: InputTextInputType
    text: str

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_input_text_input_type(d.pop("type"))

        text = d.pop("text")

        input_text_input = cls(
            type_=type_,
            text=text,
        )

        return input_text_input
