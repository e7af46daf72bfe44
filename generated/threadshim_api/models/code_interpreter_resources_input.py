from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CodeInterpreterResourcesInput")


@_attrs_define
class CodeInterpreterResourcesInput:
    """
    Attributes:
        file_ids (list[str] | Unset): Files the code interpreter may read; at most 20.
    """

    file_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = self.file_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        code_interpreter_resources_input = cls(
            file_ids=file_ids,
        )

        return code_interpreter_resources_input
