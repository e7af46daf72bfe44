from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.computer_call_item_type import ComputerCallItemType, check_computer_call_item_type
from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.computer_call_item_action import ComputerCallItemAction
    from ..models.computer_call_item_pending_safety_checks_item import ComputerCallItemPendingSafetyChecksItem


T = TypeVar("T", bound="ComputerCallItem")


@_attrs_define
class ComputerCallItem:
    """
    Attributes:
        type_ (ComputerCallItemType):
        id (str):
        call_id (str):
        status (ConversationItemStatus):
        pending_safety_checks (list[ComputerCallItemPendingSafetyChecksItem]):
        action (ComputerCallItemAction | Unset):
    """

    type_: ComputerCallItemType
    id: str
    call_id: str
    status: ConversationItemStatus
    pending_safety_checks: list[ComputerCallItemPendingSafetyChecksItem]
    action: ComputerCallItemAction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        call_id = self.call_id

        status: str = self.status

        pending_safety_checks = []
        for pending_safety_checks_item_data in self.pending_safety_checks:
            pending_safety_checks_item = pending_safety_checks_item_data.to_dict()
            pending_safety_checks.append(pending_safety_checks_item)

        action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "call_id": call_id,
                "status": status,
                "pending_safety_checks": pending_safety_checks,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.computer_call_item_action import ComputerCallItemAction  # noqa: PLC0415
        from ..models.computer_call_item_pending_safety_checks_item import ComputerCallItemPendingSafetyChecksItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_computer_call_item_type(d.pop("type"))

        id = d.pop("id")

        call_id = d.pop("call_id")

        status = check_conversation_item_status(d.pop("status"))

        pending_safety_checks = []
        _pending_safety_checks = d.pop("pending_safety_checks")
        for pending_safety_checks_item_data in _pending_safety_checks:
            pending_safety_checks_item = ComputerCallItemPendingSafetyChecksItem.from_dict(
                pending_safety_checks_item_data
            )

            pending_safety_checks.append(pending_safety_checks_item)

        _action = d.pop("action", UNSET)
        action: ComputerCallItemAction | Unset
        if isinstance(_action, Unset):
            action = UNSET
        else:
            action = ComputerCallItemAction.from_dict(_action)

        computer_call_item = cls(
            type_=type_,
            id=id,
            call_id=call_id,
            status=status,
            pending_safety_checks=pending_safety_checks,
            action=action,
        )

        computer_call_item.additional_properties = d
        return computer_call_item

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
