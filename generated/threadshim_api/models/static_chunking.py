from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StaticChunking")


@_attrs_define
class StaticChunking:
    """
    Attributes:
        max_chunk_size_tokens (int):
        chunk_overlap_tokens (int): At most half of `max_chunk_size_tokens`.
    """

    max_chunk_size_tokens: int
    chunk_overlap_tokens: int

    def to_dict(self) -> dict[str, Any]:
        max_chunk_size_tokens = self.max_chunk_size_tokens

        chunk_overlap_tokens = self.chunk_overlap_tokens

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "max_chunk_size_tokens": max_chunk_size_tokens,
                "chunk_overlap_tokens": chunk_overlap_tokens,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_chunk_size_tokens = d.pop("max_chunk_size_tokens")

        chunk_overlap_tokens = d.pop("chunk_overlap_tokens")

        static_chunking = cls(
            max_chunk_size_tokens=max_chunk_size_tokens,
            chunk_overlap_tokens=chunk_overlap_tokens,
        )

        return static_chunking
