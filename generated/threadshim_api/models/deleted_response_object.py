from typing import Literal

DeletedResponseObject = Literal["response"]

DELETED_RESPONSE_OBJECT_VALUES: set[DeletedResponseObject] = {
    "response",
}


def check_deleted_response_object(value: str) -> DeletedResponseObject:
    if value in DELETED_RESPONSE_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETED_RESPONSE_OBJECT_VALUES!r}")
