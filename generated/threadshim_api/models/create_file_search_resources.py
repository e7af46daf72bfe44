from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vector_store_spec import VectorStoreSpec


T = TypeVar("T", bound="CreateFileSearchResources")


@_attrs_define
class CreateFileSearchResources:
    """Attach an existing vector store, or have one made from files; exactly one of the two.

    Attributes:
        vector_store_ids (list[str] | Unset):
        vector_stores (list[VectorStoreSpec] | Unset): A vector store to create from files and attach; at most one.
    """

    vector_store_ids: list[str] | Unset = UNSET
    vector_stores: list[VectorStoreSpec] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vector_store_ids: list[str] | Unset = UNSET
        if not isinstance(self.vector_store_ids, Unset):
            vector_store_ids = self.vector_store_ids

        vector_stores: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vector_stores, Unset):
            vector_stores = []
            for vector_stores_item_data in self.vector_stores:
                vector_stores_item = vector_stores_item_data.to_dict()
                vector_stores.append(vector_stores_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vector_store_ids is not UNSET:
            field_dict["vector_store_ids"] = vector_store_ids
        if vector_stores is not UNSET:
            field_dict["vector_stores"] = vector_stores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vector_store_spec import VectorStoreSpec  # noqa: PLC0415

        d = dict(src_dict)
        vector_store_ids = cast(list[str], d.pop("vector_store_ids", UNSET))

        _vector_stores = d.pop("vector_stores", UNSET)
        vector_stores: list[VectorStoreSpec] | Unset = UNSET
        if _vector_stores is not UNSET:
            vector_stores = []
            for vector_stores_item_data in _vector_stores:
                vector_stores_item = VectorStoreSpec.from_dict(vector_stores_item_data)

                vector_stores.append(vector_stores_item)

        create_file_search_resources = cls(
            vector_store_ids=vector_store_ids,
            vector_stores=vector_stores,
        )

        return create_file_search_resources
