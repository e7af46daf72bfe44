from typing import Literal

FileAnnotationType = Literal["file"]

FILE_ANNOTATION_TYPE_VALUES: set[FileAnnotationType] = {
    "file",
}


def check_file_annotation_type(value: str) -> FileAnnotationType:
    if value in FILE_ANNOTATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_ANNOTATION_TYPE_VALUES!r}")
