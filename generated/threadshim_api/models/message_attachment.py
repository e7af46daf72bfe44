from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_interpreter_tool import CodeInterpreterTool
    from ..models.file_search_tool import FileSearchTool


T = TypeVar("T", bound="MessageAttachment")


@_attrs_define
class MessageAttachment:
    """A file attached to a message.

    Attributes:
        file_id (str | Unset):
        tools (list[CodeInterpreterTool | FileSearchTool] | Unset): The tools the file was given to.
    """

    file_id: str | Unset = UNSET
    tools: list[CodeInterpreterTool | FileSearchTool] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_tool import CodeInterpreterTool  # noqa: PLC0415

        file_id = self.file_id

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item: dict[str, Any]
                if isinstance(tools_item_data, CodeInterpreterTool):
                    tools_item = tools_item_data.to_dict()
                else:
                    tools_item = tools_item_data.to_dict()

                tools.append(tools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if tools is not UNSET:
            field_dict["tools"] = tools

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_tool import CodeInterpreterTool  # noqa: PLC0415
        from ..models.file_search_tool import FileSearchTool  # noqa: PLC0415

        d = dict(src_dict)
        file_id = d.pop("file_id", UNSET)

        _tools = d.pop("tools", UNSET)
        tools: list[CodeInterpreterTool | FileSearchTool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:

                def _parse_tools_item(data: object) -> CodeInterpreterTool | FileSearchTool:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_attachment_tool_type_0 = CodeInterpreterTool.from_dict(data)

                        return componentsschemas_attachment_tool_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_attachment_tool_type_1 = FileSearchTool.from_dict(data)

                    return componentsschemas_attachment_tool_type_1

                tools_item = _parse_tools_item(tools_item_data)

                tools.append(tools_item)

        message_attachment = cls(
            file_id=file_id,
            tools=tools,
        )

        message_attachment.additional_properties = d
        return message_attachment

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
