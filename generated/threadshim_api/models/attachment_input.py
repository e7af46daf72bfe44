from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_interpreter_tool import CodeInterpreterTool
    from ..models.file_search_tool import FileSearchTool


T = TypeVar("T", bound="AttachmentInput")


@_attrs_define
class AttachmentInput:
    """A file to attach to a message being created, and the tools to give it to.

    Attributes:
        file_id (str):
        tools (list[CodeInterpreterTool | FileSearchTool] | Unset):
    """

    file_id: str
    tools: list[CodeInterpreterTool | FileSearchTool] | Unset = UNSET

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

        field_dict.update(
            {
                "file_id": file_id,
            }
        )
        if tools is not UNSET:
            field_dict["tools"] = tools

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_tool import CodeInterpreterTool  # noqa: PLC0415
        from ..models.file_search_tool import FileSearchTool  # noqa: PLC0415

        d = dict(src_dict)
        file_id = d.pop("file_id")

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

        attachment_input = cls(
            file_id=file_id,
            tools=tools,
        )

        return attachment_input
