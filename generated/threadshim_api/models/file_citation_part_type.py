from typing import Literal

FileCitationPartType = Literal["file_citation"]

FILE_CITATION_PART_TYPE_VALUES: set[FileCitationPartType] = {
    "file_citation",
}


def check_file_citation_part_type(value: str) -> FileCitationPartType:
    if value in FILE_CITATION_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_CITATION_PART_TYPE_VALUES!r}")
