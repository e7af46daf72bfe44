from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.auto_chunking_strategy_type import AutoChunkingStrategyType, check_auto_chunking_strategy_type

T = TypeVar("T", bound="AutoChunkingStrategy")


@_attrs_define
class AutoChunkingStrategy:
    """Let the API choose (800-token chunks overlapping by 400).

    Attributes:
        type_ (AutoChunkingStrategyType):
    """

    type_: AutoChunkingStrategyType

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_auto_chunking_strategy_type(d.pop("type"))

        auto_chunking_strategy = cls(
            type_=type_,
        )

        return auto_chunking_strategy
