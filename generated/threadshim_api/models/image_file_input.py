from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.image_detail import ImageDetail, check_image_detail
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageFileInput")


@_attrs_define
class ImageFileInput:
    """
    Attributes:
        file_id (str):
        detail (ImageDetail | Unset): How closely the model looks at the image; `auto` when left out.
    """

    file_id: str
    detail: ImageDetail | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file_id = self.file_id

        detail: str | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file_id": file_id,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_id = d.pop("file_id")

        _detail = d.pop("detail", UNSET)
        detail: ImageDetail | Unset
        if isinstance(_detail, Unset):
            detail = UNSET
        else:
            detail = check_image_detail(_detail)

        image_file_input = cls(
            file_id=file_id,
            detail=detail,
        )

        return image_file_input
