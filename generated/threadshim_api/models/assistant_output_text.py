from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assistant_output_text_type import AssistantOutputTextType, check_assistant_output_text_type

if TYPE_CHECKING:
    from ..models.file_annotation import FileAnnotation
    from ..models.url_annotation import UrlAnnotation


T = TypeVar("T", bound="AssistantOutputText")


@_attrs_define
class AssistantOutputText:
    """A segment of reply text with the sources it cites.

    Attributes:
        type_ (AssistantOutputTextType):
        text (str):
        annotations (list[FileAnnotation | UrlAnnotation]):
    """

    type_: AssistantOutputTextType
    text: str
    annotations: list[FileAnnotation | UrlAnnotation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_annotation import FileAnnotation  # noqa: PLC0415

        type_: str = self.type_

        text = self.text

        annotations = []
        for annotations_item_data in self.annotations:
            annotations_item: dict[str, Any]
            if isinstance(annotations_item_data, FileAnnotation):
                annotations_item = annotations_item_data.to_dict()
            else:
                annotations_item = annotations_item_data.to_dict()

            annotations.append(annotations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
                "annotations": annotations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_annotation import FileAnnotation  # noqa: PLC0415
        from ..models.url_annotation import UrlAnnotation  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_assistant_output_text_type(d.pop("type"))

        text = d.pop("text")

        annotations = []
        _annotations = d.pop("annotations")
        for annotations_item_data in _annotations:

            def _parse_annotations_item(data: object) -> FileAnnotation | UrlAnnotation:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_text_annotation_type_0 = FileAnnotation.from_dict(data)

                    return componentsschemas_output_text_annotation_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_text_annotation_type_1 = UrlAnnotation.from_dict(data)

                return componentsschemas_output_text_annotation_type_1

            annotations_item = _parse_annotations_item(annotations_item_data)

            annotations.append(annotations_item)

        assistant_output_text = cls(
            type_=type_,
            text=text,
            annotations=annotations,
        )

        assistant_output_text.additional_properties = d
        return assistant_output_text

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
