from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.url_annotation_type import UrlAnnotationType, check_url_annotation_type

if TYPE_CHECKING:
    from ..models.url_annotation_source import UrlAnnotationSource


T = TypeVar("T", bound="UrlAnnotation")


@_attrs_define
class UrlAnnotation:
    """A citation of a web page.

    Attributes:
        type_ (UrlAnnotationType):
        source (UrlAnnotationSource):
    """

    type_: UrlAnnotationType
    source: UrlAnnotationSource
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
        from ..models.url_annotation_source import UrlAnnotationSource  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_url_annotation_type(d.pop("type"))

        source = UrlAnnotationSource.from_dict(d.pop("source"))

        url_annotation = cls(
            type_=type_,
            source=source,
        )

        url_annotation.additional_properties = d
        return url_annotation

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
