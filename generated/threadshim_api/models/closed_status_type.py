from typing import Literal

ClosedStatusType = Literal["closed"]

CLOSED_STATUS_TYPE_VALUES: set[ClosedStatusType] = {
    "closed",
}


def check_closed_status_type(value: str) -> ClosedStatusType:
    if value in CLOSED_STATUS_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLOSED_STATUS_TYPE_VALUES!r}")
