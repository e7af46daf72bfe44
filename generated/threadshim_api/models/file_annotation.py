from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_annotation_type import FileAnnotationType, check_file_annotation_type

if TYPE_CHECKING:
    from ..models.file_annotation_source import FileAnnotationSource


T = TypeVar("T", bound="FileAnnotation")


@_attrs_define
class FileAnnotation:
    """A citation of an uploaded file.

    Attributes:
        type_ (FileAnnotationType):
        source (FileAnnotationSource):
    """

    type_: FileAnnotationType
    source: FileAnnotationSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_annotation_source import FileAnnotationSource  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_file_annotation_type(d.pop("type"))

        source = FileAnnotationSource.from_dict(d.pop("source"))

        file_annotation = cls(
            type_=type_,
            source=source,
        )

        file_annotation.additional_properties = d
        return file_annotation

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
