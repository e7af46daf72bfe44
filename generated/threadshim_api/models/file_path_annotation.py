from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_path_annotation_type import FilePathAnnotationType, check_file_path_annotation_type

if TYPE_CHECKING:
    from ..models.file_path import FilePath


T = TypeVar("T", bound="FilePathAnnotation")


@_attrs_define
class FilePathAnnotation:
    """A link to a file the code interpreter produced.

    Attributes:
        type_ (FilePathAnnotationType):
        text (str): The span of message text to replace.
        file_path (FilePath):
        start_index (int):
        end_index (int):
    """

    type_: FilePathAnnotationType
    text: str
    file_path: FilePath
    start_index: int
    end_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        text = self.text

        file_path = self.file_path.to_dict()

        start_index = self.start_index

        end_index = self.end_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
                "file_path": file_path,
                "start_index": start_index,
                "end_index": end_index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_path import FilePath  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_file_path_annotation_type(d.pop("type"))

        text = d.pop("text")

        file_path = FilePath.from_dict(d.pop("file_path"))

        start_index = d.pop("start_index")

        end_index = d.pop("end_index")

        file_path_annotation = cls(
            type_=type_,
            text=text,
            file_path=file_path,
            start_index=start_index,
            end_index=end_index,
        )

        file_path_annotation.additional_properties = d
        return file_path_annotation

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
