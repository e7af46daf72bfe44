from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.static_chunking_strategy_type import StaticChunkingStrategyType, check_static_chunking_strategy_type

if TYPE_CHECKING:
    from ..models.static_chunking import StaticChunking


T = TypeVar("T", bound="StaticChunkingStrategy")


@_attrs_define
class StaticChunkingStrategy:
    """
    Attributes:
        type_ (StaticChunkingStrategyType):
        static (StaticChunking):
    """

    type_: StaticChunkingStrategyType
    static: StaticChunking

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        static = self.static.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "static": static,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.static_chunking import StaticChunking  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_static_chunking_strategy_type(d.pop("type"))

        static = StaticChunking.from_dict(d.pop("static"))

        static_chunking_strategy = cls(
            type_=type_,
            static=static,
        )

        return static_chunking_strategy
