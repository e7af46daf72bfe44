from typing import Literal

FilePathAnnotationType = Literal["file_path"]

FILE_PATH_ANNOTATION_TYPE_VALUES: set[FilePathAnnotationType] = {
    "file_path",
}


def check_file_path_annotation_type(value: str) -> FilePathAnnotationType:
    if value in FILE_PATH_ANNOTATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_PATH_ANNOTATION_TYPE_VALUES!r}")
