from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResponseStreamEvent")


@_attrs_define
class ResponseStreamEvent:
    """One server-sent event of a streamed response: its `event` name and, in `data`, its JSON (`type`, `sequence_number`
    and the event's fields). Sent: created, in_progress, output_item.added/done, content_part.added/done,
    output_text.delta/done, function_call_arguments.delta/done, completed.

        Attributes:
            event (str):
            data (str):
    """

    event: str
    data: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event": event,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event = d.pop("event")

        data = d.pop("data")

        response_stream_event = cls(
            event=event,
            data=data,
        )

        response_stream_event.additional_properties = d
        return response_stream_event

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
