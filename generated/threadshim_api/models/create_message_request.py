from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.message_role import MessageRole, check_message_role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment_input import AttachmentInput
    from ..models.image_file_content_input import ImageFileContentInput
    from ..models.image_url_content_input import ImageUrlContentInput
    from ..models.metadata import Metadata
    from ..models.text_input_content import TextInputContent


T = TypeVar("T", bound="CreateMessageRequest")


@_attrs_define
class CreateMessageRequest:
    """A message to add.

    Attributes:
        role (MessageRole):
        content (list[ImageFileContentInput | ImageUrlContentInput | TextInputContent] | str): Plain text, or a list of
            text and image blocks.
        attachments (list[AttachmentInput] | None | Unset):
        metadata (Metadata | None | Unset):
    """

    role: MessageRole
    content: list[ImageFileContentInput | ImageUrlContentInput | TextInputContent] | str
    attachments: list[AttachmentInput] | None | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.image_file_content_input import ImageFileContentInput  # noqa: PLC0415
        from ..models.image_url_content_input import ImageUrlContentInput  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        role: str = self.role

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item: dict[str, Any]
                if isinstance(content_type_1_item_data, ImageFileContentInput):
                    content_type_1_item = content_type_1_item_data.to_dict()
                elif isinstance(content_type_1_item_data, ImageUrlContentInput):
                    content_type_1_item = content_type_1_item_data.to_dict()
                else:
                    content_type_1_item = content_type_1_item_data.to_dict()

                content.append(content_type_1_item)

        else:
            content = self.content

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_input import AttachmentInput  # noqa: PLC0415
        from ..models.image_file_content_input import ImageFileContentInput  # noqa: PLC0415
        from ..models.image_url_content_input import ImageUrlContentInput  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.text_input_content import TextInputContent  # noqa: PLC0415

        d = dict(src_dict)
        role = check_message_role(d.pop("role"))

        def _parse_content(data: object) -> list[ImageFileContentInput | ImageUrlContentInput | TextInputContent] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:

                    def _parse_content_type_1_item(
                        data: object,
                    ) -> ImageFileContentInput | ImageUrlContentInput | TextInputContent:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_input_type_0 = ImageFileContentInput.from_dict(data)

                            return componentsschemas_message_content_input_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_message_content_input_type_1 = ImageUrlContentInput.from_dict(data)

                            return componentsschemas_message_content_input_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_message_content_input_type_2 = TextInputContent.from_dict(data)

                        return componentsschemas_message_content_input_type_2

                    content_type_1_item = _parse_content_type_1_item(content_type_1_item_data)

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ImageFileContentInput | ImageUrlContentInput | TextInputContent] | str, data)

        content = _parse_content(d.pop("content"))

        def _parse_attachments(data: object) -> list[AttachmentInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in _attachments_type_0:
                    attachments_type_0_item = AttachmentInput.from_dict(attachments_type_0_item_data)

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AttachmentInput] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        create_message_request = cls(
            role=role,
            content=content,
            attachments=attachments,
            metadata=metadata,
        )

        return create_message_request
