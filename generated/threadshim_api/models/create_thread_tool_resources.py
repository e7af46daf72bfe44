from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_interpreter_resources_input import CodeInterpreterResourcesInput
    from ..models.create_file_search_resources import CreateFileSearchResources


T = TypeVar("T", bound="CreateThreadToolResources")


@_attrs_define
class CreateThreadToolResources:
    """Tool resources for a new thread; file search may name a store or create one.

    Attributes:
        code_interpreter (CodeInterpreterResourcesInput | Unset):
        file_search (CreateFileSearchResources | Unset): Attach an existing vector store, or have one made from files;
            exactly one of the two.
    """

    code_interpreter: CodeInterpreterResourcesInput | Unset = UNSET
    file_search: CreateFileSearchResources | Unset = UNSET

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
        from ..models.create_file_search_resources import CreateFileSearchResources  # noqa: PLC0415

        d = dict(src_dict)
        _code_interpreter = d.pop("code_interpreter", UNSET)
        code_interpreter: CodeInterpreterResourcesInput | Unset
        if isinstance(_code_interpreter, Unset):
            code_interpreter = UNSET
        else:
            code_interpreter = CodeInterpreterResourcesInput.from_dict(_code_interpreter)

        _file_search = d.pop("file_search", UNSET)
        file_search: CreateFileSearchResources | Unset
        if isinstance(_file_search, Unset):
            file_search = UNSET
        else:
            file_search = CreateFileSearchResources.from_dict(_file_search)

        create_thread_tool_resources = cls(
            code_interpreter=code_interpreter,
            file_search=file_search,
        )

        return create_thread_tool_resources
