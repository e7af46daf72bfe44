from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.url_citation_part_type import UrlCitationPartType, check_url_citation_part_type

T = TypeVar("T", bound="UrlCitationPart")


@_attrs_define
class UrlCitationPart:
    """
    Attributes:
        type_ (UrlCitationPartType):
        url (str):
        title (str):
        start_index (int):
        end_index (int):
    """

    type_: UrlCitationPartType
    url: str
    title: str
    start_index: int
    end_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        url = self.url

        title = self.title

        start_index = self.start_index

        end_index = self.end_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
                "title": title,
                "start_index": start_index,
                "end_index": end_index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_url_citation_part_type(d.pop("type"))

        url = d.pop("url")

        title = d.pop("title")

        start_index = d.pop("start_index")

        end_index = d.pop("end_index")

        url_citation_part = cls(
            type_=type_,
            url=url,
            title=title,
            start_index=start_index,
            end_index=end_index,
        )

        url_citation_part.additional_properties = d
        return url_citation_part

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
