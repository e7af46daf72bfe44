from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_interpreter_resources_input import CodeInterpreterResourcesInput
    from ..models.file_search_resources_input import FileSearchResourcesInput


T = TypeVar("T", bound="ToolResourcesInput")


@_attrs_define
class ToolResourcesInput:
    """New tool resources for a thread, one entry a tool.

    Attributes:
        code_interpreter (CodeInterpreterResourcesInput | Unset):
        file_search (FileSearchResourcesInput | Unset):
    """

    code_interpreter: CodeInterpreterResourcesInput | Unset = UNSET
    file_search: FileSearchResourcesInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code_interpreter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.code_interpreter, Unset):
            code_interpreter = self.code_interpreter.to_dict()

        file_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_search, Unset):
            file_search = self.file_search.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code_interpreter is not UNSET:
            field_dict["code_interpreter"] = code_interpreter
        if file_search is not UNSET:
            field_dict["file_search"] = file_search

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_resources_input import CodeInterpreterResourcesInput  # noqa: PLC0415
        from ..models.file_search_resources_input import FileSearchResourcesInput  # noqa: PLC0415

        d = dict(src_dict)
        _code_interpreter = d.pop("code_interpreter", UNSET)
        code_interpreter: CodeInterpreterResourcesInput | Unset
        if isinstance(_code_interpreter, Unset):
            code_interpreter = UNSET
        else:
            code_interpreter = CodeInterpreterResourcesInput.from_dict(_code_interpreter)

        _file_search = d.pop("file_search", UNSET)
        file_search: FileSearchResourcesInput | Unset
        if isinstance(_file_search, Unset):
            file_search = UNSET
        else:
            file_search = FileSearchResourcesInput.from_dict(_file_search)

        tool_resources_input = cls(
            code_interpreter=code_interpreter,
            file_search=file_search,
        )

        return tool_resources_input
