from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_generation_call_item_status import (
    ImageGenerationCallItemStatus,
    check_image_generation_call_item_status,
)
from ..models.image_generation_call_item_type import ImageGenerationCallItemType, check_image_generation_call_item_type

T = TypeVar("T", bound="ImageGenerationCallItem")


@_attrs_define
class ImageGenerationCallItem:
    """
    Attributes:
        type_ (ImageGenerationCallItemType):
        id (str):
        status (ImageGenerationCallItemStatus):
        result (None | str):
    """

    type_: ImageGenerationCallItemType
    id: str
    status: ImageGenerationCallItemStatus
    result: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        status: str = self.status

        result: None | str
        result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "status": status,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_image_generation_call_item_type(d.pop("type"))

        id = d.pop("id")

        status = check_image_generation_call_item_status(d.pop("status"))

        def _parse_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result = _parse_result(d.pop("result"))

        image_generation_call_item = cls(
            type_=type_,
            id=id,
            status=status,
            result=result,
        )

        image_generation_call_item.additional_properties = d
        return image_generation_call_item

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
