from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="UpdateConversationRequest")


@_attrs_define
class UpdateConversationRequest:
    """The new metadata, which replaces the old.

    Attributes:
        metadata (Metadata): Up to 16 string pairs the caller attaches to an object. Keys are at most 64 characters
            long, values at most 512.
    """

    metadata: Metadata

    def to_dict(self) -> dict[str, Any]:
        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        metadata = Metadata.from_dict(d.pop("metadata"))

        update_conversation_request = cls(
            metadata=metadata,
        )

        return update_conversation_request
