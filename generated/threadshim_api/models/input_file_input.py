from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.input_file_input_type import InputFileInputType, check_input_file_input_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="InputFileInput")


@_attrs_define
class InputFileInput:
    """
    Attributes:
        type_ (InputFileInputType):
        file_id (None | str | Unset):
        file_url (str | Unset):
        file_data (str | Unset):
        filename (str | Unset):
    """

    type_: InputFileInputType
    file_id: None | str | Unset = UNSET
    file_url: str | Unset = UNSET
    file_data: str | Unset = UNSET
    filename: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        file_url = self.file_url

        file_data = self.file_data

        filename = self.filename

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if file_data is not UNSET:
            field_dict["file_data"] = file_data
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_input_file_input_type(d.pop("type"))

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("file_id", UNSET))

        file_url = d.pop("file_url", UNSET)

        file_data = d.pop("file_data", UNSET)

        filename = d.pop("filename", UNSET)

        input_file_input = cls(
            type_=type_,
            file_id=file_id,
            file_url=file_url,
            file_data=file_data,
            filename=filename,
        )

        return input_file_input
