from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.computer_screenshot_part_type import ComputerScreenshotPartType, check_computer_screenshot_part_type
from ..models.input_image_detail import InputImageDetail, check_input_image_detail

T = TypeVar("T", bound="ComputerScreenshotPart")


@_attrs_define
class ComputerScreenshotPart:
    """
    Attributes:
        type_ (ComputerScreenshotPartType):
        detail (InputImageDetail):
        file_id (None | str):
        image_url (None | str):
    """

    type_: ComputerScreenshotPartType
    detail: InputImageDetail
    file_id: None | str
    image_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        detail: str = self.detail

        file_id: None | str
        file_id = self.file_id

        image_url: None | str
        image_url = self.image_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "detail": detail,
                "file_id": file_id,
                "image_url": image_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_computer_screenshot_part_type(d.pop("type"))

        detail = check_input_image_detail(d.pop("detail"))

        def _parse_file_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_id = _parse_file_id(d.pop("file_id"))

        def _parse_image_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image_url = _parse_image_url(d.pop("image_url"))

        computer_screenshot_part = cls(
            type_=type_,
            detail=detail,
            file_id=file_id,
            image_url=image_url,
        )

        computer_screenshot_part.additional_properties = d
        return computer_screenshot_part

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
