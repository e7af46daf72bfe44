from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attachment_type import AttachmentType, check_attachment_type

T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """A file or image attached to a user message.

    Attributes:
        type_ (AttachmentType):
        id (str):
        name (str): The name the file was uploaded with.
        mime_type (str):
        preview_url (None | str): Where an inline preview can be fetched, or null.
    """

    type_: AttachmentType
    id: str
    name: str
    mime_type: str
    preview_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        name = self.name

        mime_type = self.mime_type

        preview_url: None | str
        preview_url = self.preview_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "name": name,
                "mime_type": mime_type,
                "preview_url": preview_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_attachment_type(d.pop("type"))

        id = d.pop("id")

        name = d.pop("name")

        mime_type = d.pop("mime_type")

        def _parse_preview_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        preview_url = _parse_preview_url(d.pop("preview_url"))

        attachment = cls(
            type_=type_,
            id=id,
            name=name,
            mime_type=mime_type,
            preview_url=preview_url,
        )

        attachment.additional_properties = d
        return attachment

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
