from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.web_search_call_item_status import WebSearchCallItemStatus, check_web_search_call_item_status
from ..models.web_search_call_item_type import WebSearchCallItemType, check_web_search_call_item_type

if TYPE_CHECKING:
    from ..models.web_search_call_item_action import WebSearchCallItemAction


T = TypeVar("T", bound="WebSearchCallItem")


@_attrs_define
class WebSearchCallItem:
    """
    Attributes:
        type_ (WebSearchCallItemType):
        id (str):
        status (WebSearchCallItemStatus):
        action (WebSearchCallItemAction): What the search did (search, open_page or find), kept as sent.
    """

    type_: WebSearchCallItemType
    id: str
    status: WebSearchCallItemStatus
    action: WebSearchCallItemAction
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        status: str = self.status

        action = self.action.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "status": status,
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.web_search_call_item_action import WebSearchCallItemAction  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_web_search_call_item_type(d.pop("type"))

        id = d.pop("id")

        status = check_web_search_call_item_status(d.pop("status"))

        action = WebSearchCallItemAction.from_dict(d.pop("action"))

        web_search_call_item = cls(
            type_=type_,
            id=id,
            status=status,
            action=action,
        )

        web_search_call_item.additional_properties = d
        return web_search_call_item

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
