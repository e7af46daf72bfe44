from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.thread_object import ThreadObject, check_thread_object

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.tool_resources import ToolResources


T = TypeVar("T", bound="Thread")


@_attrs_define
class Thread:
    """A legacy Assistants thread.

    Attributes:
        id (str): The thread's id (`thread_…`).
        object_ (ThreadObject):
        created_at (int): When the thread was created, in Unix seconds.
        tool_resources (None | ToolResources): Files and vector stores the thread's tools may use, or null.
        metadata (Metadata | None): The caller's key-value pairs, or null.
    """

    id: str
    object_: ThreadObject
    created_at: int
    tool_resources: None | ToolResources
    metadata: Metadata | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.tool_resources import ToolResources  # noqa: PLC0415

        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        tool_resources: dict[str, Any] | None
        if isinstance(self.tool_resources, ToolResources):
            tool_resources = self.tool_resources.to_dict()
        else:
            tool_resources = self.tool_resources

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "tool_resources": tool_resources,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.tool_resources import ToolResources  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_thread_object(d.pop("object"))

        created_at = d.pop("created_at")

        def _parse_tool_resources(data: object) -> None | ToolResources:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tool_resources_type_0 = ToolResources.from_dict(data)

                return tool_resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolResources, data)

        tool_resources = _parse_tool_resources(d.pop("tool_resources"))

        def _parse_metadata(data: object) -> Metadata | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        thread = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            tool_resources=tool_resources,
            metadata=metadata,
        )

        thread.additional_properties = d
        return thread

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
