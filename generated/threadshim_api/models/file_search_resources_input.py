from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileSearchResourcesInput")


@_attrs_define
class FileSearchResourcesInput:
    """
    Attributes:
        vector_store_ids (list[str] | Unset): The vector store to attach; at most one.
    """

    vector_store_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vector_store_ids: list[str] | Unset = UNSET
        if not isinstance(self.vector_store_ids, Unset):
            vector_store_ids = self.vector_store_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vector_store_ids is not UNSET:
            field_dict["vector_store_ids"] = vector_store_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vector_store_ids = cast(list[str], d.pop("vector_store_ids", UNSET))

        file_search_resources_input = cls(
            vector_store_ids=vector_store_ids,
        )

        return file_search_resources_input
