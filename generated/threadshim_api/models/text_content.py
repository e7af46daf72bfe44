from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.text_content_type import TextContentType, check_text_content_type

if TYPE_CHECKING:
    from ..models.text import Text


T = TypeVar("T", bound="TextContent")


@_attrs_define
class TextContent:
    """Text, with the citations and file links inside it.

    Attributes:
        type_ (TextContentType):
        text (Text):
    """

    type_: TextContentType
    text: Text
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        text = self.text.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text import Text  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_text_content_type(d.pop("type"))

        text = Text.from_dict(d.pop("text"))

        text_content = cls(
            type_=type_,
            text=text,
        )

        text_content.additional_properties = d
        return text_content

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
