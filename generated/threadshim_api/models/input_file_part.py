from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.input_file_part_type import InputFilePartType, check_input_file_part_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="InputFilePart")


@_attrs_define
class InputFilePart:
    """A file, by id, URL or inline data.

    Attributes:
        type_ (InputFilePartType):
        file_id (None | str | Unset):
        file_url (str | Unset):
        file_data (str | Unset):
        filename (str | Unset):
    """

    type_: InputFilePartType
    file_id: None | str | Unset = UNSET
    file_url: str | Unset = UNSET
    file_data: str | Unset = UNSET
    filename: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        file_url = self.file_url

        file_data = self.file_data

        filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if file_data is not UNSET:
            field_dict["file_data"] = file_data
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_input_file_part_type(d.pop("type"))

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("file_id", UNSET))

        file_url = d.pop("file_url", UNSET)

        file_data = d.pop("file_data", UNSET)

        filename = d.pop("filename", UNSET)

        input_file_part = cls(
            type_=type_,
            file_id=file_id,
            file_url=file_url,
            file_data=file_data,
            filename=filename,
        )

        input_file_part.additional_properties = d
        return input_file_part

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
