from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.item_reference_input_type_type_0 import (
    ItemReferenceInputTypeType0,
    check_item_reference_input_type_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemReferenceInput")


@_attrs_define
class ItemReferenceInput:
    """A reference to an item that already exists.

    Attributes:
        id (str):
        type_ (ItemReferenceInputTypeType0 | None | Unset):
    """

    id: str
    type_: ItemReferenceInputTypeType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_type_(data: object) -> ItemReferenceInputTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = check_item_reference_input_type_type_0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemReferenceInputTypeType0 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        item_reference_input = cls(
            id=id,
            type_=type_,
        )

        return item_reference_input
