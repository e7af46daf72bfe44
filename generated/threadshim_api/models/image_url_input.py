from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.image_detail import ImageDetail, check_image_detail
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageUrlInput")


@_attrs_define
class ImageUrlInput:
    """
    Attributes:
        url (str): An http(s) URL with a named or IPv4 host, or a data URL.
        detail (ImageDetail | Unset): How closely the model looks at the image; `auto` when left out.
    """

    url: str
    detail: ImageDetail | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        detail: str | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        _detail = d.pop("detail", UNSET)
        detail: ImageDetail | Unset
        if isinstance(_detail, Unset):
            detail = UNSET
        else:
            detail = check_image_detail(_detail)

        image_url_input = cls(
            url=url,
            detail=detail,
        )

        return image_url_input
