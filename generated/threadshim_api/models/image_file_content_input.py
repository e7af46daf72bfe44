from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.image_file_content_input_type import ImageFileContentInputType, check_image_file_content_input_type

if TYPE_CHECKING:
    from ..models.image_file_input import ImageFileInput


T = TypeVar("T", bound="ImageFileContentInput")


@_attrs_define
class ImageFileContentInput:
    """An uploaded image file, for a message being created.

    Attributes:
        type_ (ImageFileContentInputType):
        image_file (ImageFileInput):
    """

    type_: ImageFileContentInputType
    image_file: ImageFileInput

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        image_file = self.image_file.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "image_file": image_file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_file_input import ImageFileInput  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_image_file_content_input_type(d.pop("type"))

        image_file = ImageFileInput.from_dict(d.pop("image_file"))

        image_file_content_input = cls(
            type_=type_,
            image_file=image_file,
        )

        return image_file_content_input
