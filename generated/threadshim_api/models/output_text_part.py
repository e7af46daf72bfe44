from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.output_text_part_type import OutputTextPartType, check_output_text_part_type

if TYPE_CHECKING:
    from ..models.container_file_citation_part import ContainerFileCitationPart
    from ..models.file_citation_part import FileCitationPart
    from ..models.file_path_part import FilePathPart
    from ..models.other_annotation import OtherAnnotation
    from ..models.output_text_part_logprobs_item import OutputTextPartLogprobsItem
    from ..models.url_citation_part import UrlCitationPart


T = TypeVar("T", bound="OutputTextPart")


@_attrs_define
class OutputTextPart:
    """Text the model wrote, with its citations.

    Attributes:
        type_ (OutputTextPartType):
        text (str):
        annotations (list[ContainerFileCitationPart | FileCitationPart | FilePathPart | OtherAnnotation |
            UrlCitationPart]):
        logprobs (list[OutputTextPartLogprobsItem]):
    """

    type_: OutputTextPartType
    text: str
    annotations: list[ContainerFileCitationPart | FileCitationPart | FilePathPart | OtherAnnotation | UrlCitationPart]
    logprobs: list[OutputTextPartLogprobsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.container_file_citation_part import ContainerFileCitationPart  # noqa: PLC0415
        from ..models.file_citation_part import FileCitationPart  # noqa: PLC0415
        from ..models.file_path_part import FilePathPart  # noqa: PLC0415
        from ..models.url_citation_part import UrlCitationPart  # noqa: PLC0415

        type_: str = self.type_

        text = self.text

        annotations = []
        for annotations_item_data in self.annotations:
            annotations_item: dict[str, Any]
            if isinstance(annotations_item_data, FileCitationPart):
                annotations_item = annotations_item_data.to_dict()
            elif isinstance(annotations_item_data, UrlCitationPart):
                annotations_item = annotations_item_data.to_dict()
            elif isinstance(annotations_item_data, ContainerFileCitationPart):
                annotations_item = annotations_item_data.to_dict()
            elif isinstance(annotations_item_data, FilePathPart):
                annotations_item = annotations_item_data.to_dict()
            else:
                annotations_item = annotations_item_data.to_dict()

            annotations.append(annotations_item)

        logprobs = []
        for logprobs_item_data in self.logprobs:
            logprobs_item = logprobs_item_data.to_dict()
            logprobs.append(logprobs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
                "annotations": annotations,
                "logprobs": logprobs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_file_citation_part import ContainerFileCitationPart  # noqa: PLC0415
        from ..models.file_citation_part import FileCitationPart  # noqa: PLC0415
        from ..models.file_path_part import FilePathPart  # noqa: PLC0415
        from ..models.other_annotation import OtherAnnotation  # noqa: PLC0415
        from ..models.output_text_part_logprobs_item import OutputTextPartLogprobsItem  # noqa: PLC0415
        from ..models.url_citation_part import UrlCitationPart  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_output_text_part_type(d.pop("type"))

        text = d.pop("text")

        annotations = []
        _annotations = d.pop("annotations")
        for annotations_item_data in _annotations:

            def _parse_annotations_item(
                data: object,
            ) -> ContainerFileCitationPart | FileCitationPart | FilePathPart | OtherAnnotation | UrlCitationPart:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_annotation_type_0 = FileCitationPart.from_dict(data)

                    return componentsschemas_output_annotation_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_annotation_type_1 = UrlCitationPart.from_dict(data)

                    return componentsschemas_output_annotation_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_annotation_type_2 = ContainerFileCitationPart.from_dict(data)

                    return componentsschemas_output_annotation_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_annotation_type_3 = FilePathPart.from_dict(data)

                    return componentsschemas_output_annotation_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_annotation_type_4 = OtherAnnotation.from_dict(data)

                return componentsschemas_output_annotation_type_4

            annotations_item = _parse_annotations_item(annotations_item_data)

            annotations.append(annotations_item)

        logprobs = []
        _logprobs = d.pop("logprobs")
        for logprobs_item_data in _logprobs:
            logprobs_item = OutputTextPartLogprobsItem.from_dict(logprobs_item_data)

            logprobs.append(logprobs_item)

        output_text_part = cls(
            type_=type_,
            text=text,
            annotations=annotations,
            logprobs=logprobs,
        )

        output_text_part.additional_properties = d
        return output_text_part

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
