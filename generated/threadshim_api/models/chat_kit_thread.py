from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_kit_thread_object import ChatKitThreadObject, check_chat_kit_thread_object

if TYPE_CHECKING:
    from ..models.active_status import ActiveStatus
    from ..models.closed_status import ClosedStatus
    from ..models.locked_status import LockedStatus


T = TypeVar("T", bound="ChatKitThread")


@_attrs_define
class ChatKitThread:
    """A ChatKit thread and where it stands.

    Attributes:
        id (str): The thread's id (`cthr_…`).
        object_ (ChatKitThreadObject): Always `chatkit.thread`.
        created_at (int): When the thread was created, in Unix seconds.
        title (None | str): A human-readable title, or null until one is generated.
        status (ActiveStatus | ClosedStatus | LockedStatus): Whether the thread accepts input. New threads are `active`.
        user (str): The caller's identifier for the end user who owns the thread.
    """

    id: str
    object_: ChatKitThreadObject
    created_at: int
    title: None | str
    status: ActiveStatus | ClosedStatus | LockedStatus
    user: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.active_status import ActiveStatus  # noqa: PLC0415
        from ..models.locked_status import LockedStatus  # noqa: PLC0415

        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        title: None | str
        title = self.title

        status: dict[str, Any]
        if isinstance(self.status, ActiveStatus):
            status = self.status.to_dict()
        elif isinstance(self.status, LockedStatus):
            status = self.status.to_dict()
        else:
            status = self.status.to_dict()

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "title": title,
                "status": status,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.active_status import ActiveStatus  # noqa: PLC0415
        from ..models.closed_status import ClosedStatus  # noqa: PLC0415
        from ..models.locked_status import LockedStatus  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_chat_kit_thread_object(d.pop("object"))

        created_at = d.pop("created_at")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_status(data: object) -> ActiveStatus | ClosedStatus | LockedStatus:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chat_kit_thread_status_type_0 = ActiveStatus.from_dict(data)

                return componentsschemas_chat_kit_thread_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chat_kit_thread_status_type_1 = LockedStatus.from_dict(data)

                return componentsschemas_chat_kit_thread_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_chat_kit_thread_status_type_2 = ClosedStatus.from_dict(data)

            return componentsschemas_chat_kit_thread_status_type_2

        status = _parse_status(d.pop("status"))

        user = d.pop("user")

        chat_kit_thread = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            title=title,
            status=status,
            user=user,
        )

        chat_kit_thread.additional_properties = d
        return chat_kit_thread

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
