from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auto_chunking_strategy import AutoChunkingStrategy
    from ..models.metadata import Metadata
    from ..models.static_chunking_strategy import StaticChunkingStrategy


T = TypeVar("T", bound="VectorStoreSpec")


@_attrs_define
class VectorStoreSpec:
    """A vector store to create for the thread.

    Attributes:
        file_ids (list[str] | Unset):
        chunking_strategy (AutoChunkingStrategy | StaticChunkingStrategy | Unset): How files are cut into chunks; `auto`
            when left out.
        metadata (Metadata | None | Unset):
    """

    file_ids: list[str] | Unset = UNSET
    chunking_strategy: AutoChunkingStrategy | StaticChunkingStrategy | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_chunking_strategy import AutoChunkingStrategy  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = self.file_ids

        chunking_strategy: dict[str, Any] | Unset
        if isinstance(self.chunking_strategy, Unset):
            chunking_strategy = UNSET
        elif isinstance(self.chunking_strategy, AutoChunkingStrategy):
            chunking_strategy = self.chunking_strategy.to_dict()
        else:
            chunking_strategy = self.chunking_strategy.to_dict()

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
        if chunking_strategy is not UNSET:
            field_dict["chunking_strategy"] = chunking_strategy
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_chunking_strategy import AutoChunkingStrategy  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.static_chunking_strategy import StaticChunkingStrategy  # noqa: PLC0415

        d = dict(src_dict)
        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        def _parse_chunking_strategy(data: object) -> AutoChunkingStrategy | StaticChunkingStrategy | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chunking_strategy_type_0 = AutoChunkingStrategy.from_dict(data)

                return componentsschemas_chunking_strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_chunking_strategy_type_1 = StaticChunkingStrategy.from_dict(data)

            return componentsschemas_chunking_strategy_type_1

        chunking_strategy = _parse_chunking_strategy(d.pop("chunking_strategy", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        vector_store_spec = cls(
            file_ids=file_ids,
            chunking_strategy=chunking_strategy,
            metadata=metadata,
        )

        return vector_store_spec
