from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_object import MessageObject, check_message_object
from ..models.message_role import MessageRole, check_message_role
from ..models.message_status import MessageStatus, check_message_status

if TYPE_CHECKING:
    from ..models.image_file_content import ImageFileContent
    from ..models.image_url_content import ImageUrlContent
    from ..models.message_attachment import MessageAttachment
    from ..models.message_incomplete_details import MessageIncompleteDetails
    from ..models.metadata import Metadata
    from ..models.refusal_content import RefusalContent
    from ..models.text_content import TextContent


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """A message in a legacy thread.

    Attributes:
        id (str): The message's id (`msg_…`).
        object_ (MessageObject):
        created_at (int): When the message was created, in Unix seconds.
        thread_id (str):
        status (MessageStatus):
        incomplete_details (MessageIncompleteDetails | None): Why an incomplete message stopped, or null.
        completed_at (int | None): When the message was completed, in Unix seconds, or null.
        incomplete_at (int | None): When the message was marked incomplete, in Unix seconds, or null.
        role (MessageRole):
        content (list[ImageFileContent | ImageUrlContent | RefusalContent | TextContent]): The blocks of the message,
            text and images, in order.
        assistant_id (None | str): The assistant that wrote the message, if one did.
        run_id (None | str): The run that produced the message; null for messages added by hand.
        attachments (list[MessageAttachment] | None): Files attached to the message and the tools they were given to, or
            null.
        metadata (Metadata | None):
    """

    id: str
    object_: MessageObject
    created_at: int
    thread_id: str
    status: MessageStatus
    incomplete_details: MessageIncompleteDetails | None
    completed_at: int | None
    incomplete_at: int | None
    role: MessageRole
    content: list[ImageFileContent | ImageUrlContent | RefusalContent | TextContent]
    assistant_id: None | str
    run_id: None | str
    attachments: list[MessageAttachment] | None
    metadata: Metadata | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.image_file_content import ImageFileContent  # noqa: PLC0415
        from ..models.image_url_content import ImageUrlContent  # noqa: PLC0415
        from ..models.message_incomplete_details import MessageIncompleteDetails  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.text_content import TextContent  # noqa: PLC0415

        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        thread_id = self.thread_id

        status: str = self.status

        incomplete_details: dict[str, Any] | None
        if isinstance(self.incomplete_details, MessageIncompleteDetails):
            incomplete_details = self.incomplete_details.to_dict()
        else:
            incomplete_details = self.incomplete_details

        completed_at: int | None
        completed_at = self.completed_at

        incomplete_at: int | None
        incomplete_at = self.incomplete_at

        role: str = self.role

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, ImageFileContent):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, ImageUrlContent):
                content_item = content_item_data.to_dict()
            elif isinstance(content_item_data, TextContent):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        assistant_id: None | str
        assistant_id = self.assistant_id

        run_id: None | str
        run_id = self.run_id

        attachments: list[dict[str, Any]] | None
        if isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "thread_id": thread_id,
                "status": status,
                "incomplete_details": incomplete_details,
                "completed_at": completed_at,
                "incomplete_at": incomplete_at,
                "role": role,
                "content": content,
                "assistant_id": assistant_id,
                "run_id": run_id,
                "attachments": attachments,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_file_content import ImageFileContent  # noqa: PLC0415
        from ..models.image_url_content import ImageUrlContent  # noqa: PLC0415
        from ..models.message_attachment import MessageAttachment  # noqa: PLC0415
        from ..models.message_incomplete_details import MessageIncompleteDetails  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.refusal_content import RefusalContent  # noqa: PLC0415
        from ..models.text_content import TextContent  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_message_object(d.pop("object"))

        created_at = d.pop("created_at")

        thread_id = d.pop("thread_id")

        status = check_message_status(d.pop("status"))

        def _parse_incomplete_details(data: object) -> MessageIncompleteDetails | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                incomplete_details_type_0 = MessageIncompleteDetails.from_dict(data)

                return incomplete_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageIncompleteDetails | None, data)

        incomplete_details = _parse_incomplete_details(d.pop("incomplete_details"))

        def _parse_completed_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_incomplete_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        incomplete_at = _parse_incomplete_at(d.pop("incomplete_at"))

        role = check_message_role(d.pop("role"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(data: object) -> ImageFileContent | ImageUrlContent | RefusalContent | TextContent:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_content_type_0 = ImageFileContent.from_dict(data)

                    return componentsschemas_message_content_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_content_type_1 = ImageUrlContent.from_dict(data)

                    return componentsschemas_message_content_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_message_content_type_2 = TextContent.from_dict(data)

                    return componentsschemas_message_content_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_message_content_type_3 = RefusalContent.from_dict(data)

                return componentsschemas_message_content_type_3

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        def _parse_assistant_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assistant_id = _parse_assistant_id(d.pop("assistant_id"))

        def _parse_run_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        run_id = _parse_run_id(d.pop("run_id"))

        def _parse_attachments(data: object) -> list[MessageAttachment] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in _attachments_type_0:
                    attachments_type_0_item = MessageAttachment.from_dict(attachments_type_0_item_data)

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MessageAttachment] | None, data)

        attachments = _parse_attachments(d.pop("attachments"))

        def _parse_metadata(data: object) -> Metadata | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        message = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            thread_id=thread_id,
            status=status,
            incomplete_details=incomplete_details,
            completed_at=completed_at,
            incomplete_at=incomplete_at,
            role=role,
            content=content,
            assistant_id=assistant_id,
            run_id=run_id,
            attachments=attachments,
            metadata=metadata,
        )

        message.additional_properties = d
        return message

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
