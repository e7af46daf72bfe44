from typing import Literal

FilePathPartType = Literal["file_path"]

FILE_PATH_PART_TYPE_VALUES: set[FilePathPartType] = {
    "file_path",
}


def check_file_path_part_type(value: str) -> FilePathPartType:
    if value in FILE_PATH_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_PATH_PART_TYPE_VALUES!r}")
