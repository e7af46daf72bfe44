from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.image_url_content_input_type import ImageUrlContentInputType, check_image_url_content_input_type

if TYPE_CHECKING:
    from ..models.image_url_input import ImageUrlInput


T = TypeVar("T", bound="ImageUrlContentInput")


@_attrs_define
class ImageUrlContentInput:
    """An image fetched from a URL, for a message being created.

    Attributes:
        type_ (ImageUrlContentInputType):
        image_url (ImageUrlInput):
    """

    type_: ImageUrlContentInputType
    image_url: ImageUrlInput

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        image_url = self.image_url.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "image_url": image_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_url_input import ImageUrlInput  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_image_url_content_input_type(d.pop("type"))

        image_url = ImageUrlInput.from_dict(d.pop("image_url"))

        image_url_content_input = cls(
            type_=type_,
            image_url=image_url,
        )

        return image_url_content_input
