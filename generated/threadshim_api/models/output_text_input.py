from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.output_text_input_type import OutputTextInputType, check_output_text_input_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.container_file_citation_part import ContainerFileCitationPart
    from ..models.file_citation_part import FileCitationPart
    from ..models.file_path_part import FilePathPart
    from ..models.other_annotation import OtherAnnotation
    from ..models.output_text_input_logprobs_item import OutputTextInputLogprobsItem
    from ..models.url_citation_part import UrlCitationPart


T = TypeVar("T", bound="OutputTextInput")


@_attrs_define
class OutputTextInput:
    """
    Attributes:
        type_ (OutputTextInputType):
        text (str):
        annotations (list[ContainerFileCitationPart | FileCitationPart | FilePathPart | OtherAnnotation |
            UrlCitationPart] | Unset):
        logprobs (list[OutputTextInputLogprobsItem] | Unset):
    """

    type_: OutputTextInputType
    text: str
    annotations: (
        list[ContainerFileCitationPart | FileCitationPart | FilePathPart | OtherAnnotation | UrlCitationPart] | Unset
    ) = UNSET
    logprobs: list[OutputTextInputLogprobsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.container_file_citation_part import ContainerFileCitationPart  # noqa: PLC0415
        from ..models.file_citation_part import FileCitationPart  # noqa: PLC0415
        from ..models.file_path_part import FilePathPart  # noqa: PLC0415
        from ..models.url_citation_part import UrlCitationPart  # noqa: PLC0415

        type_: str = self.type_

        text = self.text

        annotations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.annotations, Unset):
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

        logprobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.logprobs, Unset):
            logprobs = []
            for logprobs_item_data in self.logprobs:
                logprobs_item = logprobs_item_data.to_dict()
                logprobs.append(logprobs_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )
        if annotations is not UNSET:
            field_dict["annotations"] = annotations
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_file_citation_part import ContainerFileCitationPart  # noqa: PLC0415
        from ..models.file_citation_part import FileCitationPart  # noqa: PLC0415
        from ..models.file_path_part import FilePathPart  # noqa: PLC0415
        from ..models.other_annotation import OtherAnnotation  # noqa: PLC0415
        from ..models.output_text_input_logprobs_item import OutputTextInputLogprobsItem  # noqa: PLC0415
        from ..models.url_citation_part import UrlCitationPart  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_output_text_input_type(d.pop("type"))

        text = d.pop("text")

        _annotations = d.pop("annotations", UNSET)
        annotations: (
            list[ContainerFileCitationPart | FileCitationPart | FilePathPart | OtherAnnotation | UrlCitationPart]
            | Unset
        ) = UNSET
        if _annotations is not UNSET:
            annotations = []
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

        _logprobs = d.pop("logprobs", UNSET)
        logprobs: list[OutputTextInputLogprobsItem] | Unset = UNSET
        if _logprobs is not UNSET:
            logprobs = []
            for logprobs_item_data in _logprobs:
                logprobs_item = OutputTextInputLogprobsItem.from_dict(logprobs_item_data)

                logprobs.append(logprobs_item)

        output_text_input = cls(
            type_=type_,
            text=text,
            annotations=annotations,
            logprobs=logprobs,
        )

        return output_text_input
