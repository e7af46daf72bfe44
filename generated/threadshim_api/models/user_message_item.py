from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_message_item_object import UserMessageItemObject, check_user_message_item_object
from ..models.user_message_item_type import UserMessageItemType, check_user_message_item_type

if TYPE_CHECKING:
    from ..models.attachment import Attachment
    from ..models.inference_options import InferenceOptions
    from ..models.user_input_text import UserInputText
    from ..models.user_quoted_text import UserQuotedText


T = TypeVar("T", bound="UserMessageItem")


@_attrs_define
class UserMessageItem:
    """Something the end user wrote.

    Attributes:
        id (str): The item's id (`cthi_…`).
        object_ (UserMessageItemObject):
        created_at (int): When the item was created, in Unix seconds.
        thread_id (str): The thread the item belongs to.
        type_ (UserMessageItemType):
        content (list[UserInputText | UserQuotedText]): The blocks of the message, in order.
        attachments (list[Attachment]): Files and images the user attached; empty when there are none.
        inference_options (InferenceOptions | None): Model and tool overrides for the reply, or null when none were set.
    """

    id: str
    object_: UserMessageItemObject
    created_at: int
    thread_id: str
    type_: UserMessageItemType
    content: list[UserInputText | UserQuotedText]
    attachments: list[Attachment]
    inference_options: InferenceOptions | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.inference_options import InferenceOptions  # noqa: PLC0415
        from ..models.user_input_text import UserInputText  # noqa: PLC0415

        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        type_: str = self.type_

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, UserInputText):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        inference_options: dict[str, Any] | None
        if isinstance(self.inference_options, InferenceOptions):
            inference_options = self.inference_options.to_dict()
        else:
            inference_options = self.inference_options

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "type": type_,
                "content": content,
                "attachments": attachments,
                "inference_options": inference_options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415
        from ..models.inference_options import InferenceOptions  # noqa: PLC0415
        from ..models.user_input_text import UserInputText  # noqa: PLC0415
        from ..models.user_quoted_text import UserQuotedText  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_user_message_item_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        type_ = check_user_message_item_type(d.pop("type"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(data: object) -> UserInputText | UserQuotedText:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_user_message_content_type_0 = UserInputText.from_dict(data)

                    return componentsschemas_user_message_content_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_user_message_content_type_1 = UserQuotedText.from_dict(data)

                return componentsschemas_user_message_content_type_1

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = Attachment.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        def _parse_inference_options(data: object) -> InferenceOptions | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inference_options_type_0 = InferenceOptions.from_dict(data)

                return inference_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InferenceOptions | None, data)

        inference_options = _parse_inference_options(d.pop("inference_options"))

        user_message_item = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            type_=type_,
            content=content,
            attachments=attachments,
            inference_options=inference_options,
        )

        user_message_item.additional_properties = d
        return user_message_item

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
