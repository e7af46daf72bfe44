from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_tool_call_item_object import ClientToolCallItemObject, check_client_tool_call_item_object
from ..models.client_tool_call_item_type import ClientToolCallItemType, check_client_tool_call_item_type
from ..models.client_tool_call_status import ClientToolCallStatus, check_client_tool_call_status

T = TypeVar("T", bound="ClientToolCallItem")


@_attrs_define
class ClientToolCallItem:
    """A tool the assistant asked the client to run, and what came back.

    Attributes:
        id (str):
        object_ (ClientToolCallItemObject):
        created_at (int):
        thread_id (str):
        type_ (ClientToolCallItemType):
        status (ClientToolCallStatus):
        call_id (str):
        name (str): The tool's name.
        arguments (str): The arguments, as a JSON string.
        output (None | str): The tool's output as a JSON string, or null while it runs.
    """

    id: str
    object_: ClientToolCallItemObject
    created_at: int
    thread_id: str
    type_: ClientToolCallItemType
    status: ClientToolCallStatus
    call_id: str
    name: str
    arguments: str
    output: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        type_: str = self.type_

        status: str = self.status

        call_id = self.call_id

        name = self.name

        arguments = self.arguments

        output: None | str
        output = self.output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "type": type_,
                "status": status,
                "call_id": call_id,
                "name": name,
                "arguments": arguments,
                "output": output,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_client_tool_call_item_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        type_ = check_client_tool_call_item_type(d.pop("type"))

        status = check_client_tool_call_status(d.pop("status"))

        call_id = d.pop("call_id")

        name = d.pop("name")

        arguments = d.pop("arguments")

        def _parse_output(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        output = _parse_output(d.pop("output"))

        client_tool_call_item = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            type_=type_,
            status=status,
            call_id=call_id,
            name=name,
            arguments=arguments,
            output=output,
        )

        client_tool_call_item.additional_properties = d
        return client_tool_call_item

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
