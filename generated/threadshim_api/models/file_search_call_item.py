from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_search_call_item_status import FileSearchCallItemStatus, check_file_search_call_item_status
from ..models.file_search_call_item_type import FileSearchCallItemType, check_file_search_call_item_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_search_call_item_results_type_0_item import FileSearchCallItemResultsType0Item


T = TypeVar("T", bound="FileSearchCallItem")


@_attrs_define
class FileSearchCallItem:
    """
    Attributes:
        type_ (FileSearchCallItemType):
        id (str):
        status (FileSearchCallItemStatus):
        queries (list[str]):
        results (list[FileSearchCallItemResultsType0Item] | None | Unset):
    """

    type_: FileSearchCallItemType
    id: str
    status: FileSearchCallItemStatus
    queries: list[str]
    results: list[FileSearchCallItemResultsType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        status: str = self.status

        queries = self.queries

        results: list[dict[str, Any]] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = results_type_0_item_data.to_dict()
                results.append(results_type_0_item)

        else:
            results = self.results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "status": status,
                "queries": queries,
            }
        )
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_search_call_item_results_type_0_item import FileSearchCallItemResultsType0Item  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_file_search_call_item_type(d.pop("type"))

        id = d.pop("id")

        status = check_file_search_call_item_status(d.pop("status"))

        queries = cast(list[str], d.pop("queries"))

        def _parse_results(data: object) -> list[FileSearchCallItemResultsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = []
                _results_type_0 = data
                for results_type_0_item_data in _results_type_0:
                    results_type_0_item = FileSearchCallItemResultsType0Item.from_dict(results_type_0_item_data)

                    results_type_0.append(results_type_0_item)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FileSearchCallItemResultsType0Item] | None | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        file_search_call_item = cls(
            type_=type_,
            id=id,
            status=status,
            queries=queries,
            results=results,
        )

        file_search_call_item.additional_properties = d
        return file_search_call_item

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
