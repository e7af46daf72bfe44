from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_citation_part_type import FileCitationPartType, check_file_citation_part_type

T = TypeVar("T", bound="FileCitationPart")


@_attrs_define
class FileCitationPart:
    """
    Attributes:
        type_ (FileCitationPartType):
        file_id (str):
        filename (str):
        index (int):
    """

    type_: FileCitationPartType
    file_id: str
    filename: str
    index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        file_id = self.file_id

        filename = self.filename

        index = self.index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "file_id": file_id,
                "filename": filename,
                "index": index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_file_citation_part_type(d.pop("type"))

        file_id = d.pop("file_id")

        filename = d.pop("filename")

        index = d.pop("index")

        file_citation_part = cls(
            type_=type_,
            file_id=file_id,
            filename=filename,
            index=index,
        )

        file_citation_part.additional_properties = d
        return file_citation_part

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
