from typing import Literal

FileCitationAnnotationType = Literal["file_citation"]

FILE_CITATION_ANNOTATION_TYPE_VALUES: set[FileCitationAnnotationType] = {
    "file_citation",
}


def check_file_citation_annotation_type(value: str) -> FileCitationAnnotationType:
    if value in FILE_CITATION_ANNOTATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_CITATION_ANNOTATION_TYPE_VALUES!r}")
