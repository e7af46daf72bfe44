from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_file_content_type import ImageFileContentType, check_image_file_content_type

if TYPE_CHECKING:
    from ..models.image_file import ImageFile


T = TypeVar("T", bound="ImageFileContent")


@_attrs_define
class ImageFileContent:
    """An uploaded image file.

    Attributes:
        type_ (ImageFileContentType):
        image_file (ImageFile):
    """

    type_: ImageFileContentType
    image_file: ImageFile
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        image_file = self.image_file.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "image_file": image_file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_file import ImageFile  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_image_file_content_type(d.pop("type"))

        image_file = ImageFile.from_dict(d.pop("image_file"))

        image_file_content = cls(
            type_=type_,
            image_file=image_file,
        )

        image_file_content.additional_properties = d
        return image_file_content

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
