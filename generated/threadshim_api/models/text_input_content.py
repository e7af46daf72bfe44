from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.text_input_content_type import TextInputContentType, check_text_input_content_type

T = TypeVar("T", bound="TextInputContent")


@_attrs_define
class TextInputContent:
    """Text for a message being created.

    Attributes:
        type_ (TextInputContentType):
        text (str):
    """

    type_: TextInputContentType
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
        type_ = check_text_input_content_type(d.pop("type"))

        text = d.pop("text")

        text_input_content = cls(
            type_=type_,
            text=text,
        )

        return text_input_content
