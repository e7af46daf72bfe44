from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversation_item_status import ConversationItemStatus, check_conversation_item_status
from ..models.reasoning_item_type import ReasoningItemType, check_reasoning_item_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reasoning_text_part import ReasoningTextPart
    from ..models.summary_text_part import SummaryTextPart


T = TypeVar("T", bound="ReasoningItem")


@_attrs_define
class ReasoningItem:
    """
    Attributes:
        type_ (ReasoningItemType):
        id (str):
        summary (list[SummaryTextPart]):
        content (list[ReasoningTextPart] | Unset):
        encrypted_content (None | str | Unset):
        status (ConversationItemStatus | Unset):
    """

    type_: ReasoningItemType
    id: str
    summary: list[SummaryTextPart]
    content: list[ReasoningTextPart] | Unset = UNSET
    encrypted_content: None | str | Unset = UNSET
    status: ConversationItemStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        id = self.id

        summary = []
        for summary_item_data in self.summary:
            summary_item = summary_item_data.to_dict()
            summary.append(summary_item)

        content: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = []
            for content_item_data in self.content:
                content_item = content_item_data.to_dict()
                content.append(content_item)

        encrypted_content: None | str | Unset
        if isinstance(self.encrypted_content, Unset):
            encrypted_content = UNSET
        else:
            encrypted_content = self.encrypted_content

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "summary": summary,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if encrypted_content is not UNSET:
            field_dict["encrypted_content"] = encrypted_content
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reasoning_text_part import ReasoningTextPart  # noqa: PLC0415
        from ..models.summary_text_part import SummaryTextPart  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_reasoning_item_type(d.pop("type"))

        id = d.pop("id")

        summary = []
        _summary = d.pop("summary")
        for summary_item_data in _summary:
            summary_item = SummaryTextPart.from_dict(summary_item_data)

            summary.append(summary_item)

        _content = d.pop("content", UNSET)
        content: list[ReasoningTextPart] | Unset = UNSET
        if _content is not UNSET:
            content = []
            for content_item_data in _content:
                content_item = ReasoningTextPart.from_dict(content_item_data)

                content.append(content_item)

        def _parse_encrypted_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        encrypted_content = _parse_encrypted_content(d.pop("encrypted_content", UNSET))

        _status = d.pop("status", UNSET)
        status: ConversationItemStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_conversation_item_status(_status)

        reasoning_item = cls(
            type_=type_,
            id=id,
            summary=summary,
            content=content,
            encrypted_content=encrypted_content,
            status=status,
        )

        reasoning_item.additional_properties = d
        return reasoning_item

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
