from typing import Literal

ContainerFileCitationPartType = Literal["container_file_citation"]

CONTAINER_FILE_CITATION_PART_TYPE_VALUES: set[ContainerFileCitationPartType] = {
    "container_file_citation",
}


def check_container_file_citation_part_type(value: str) -> ContainerFileCitationPartType:
    if value in CONTAINER_FILE_CITATION_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONTAINER_FILE_CITATION_PART_TYPE_VALUES!r}")
