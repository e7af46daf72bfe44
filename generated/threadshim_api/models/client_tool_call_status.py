from typing import Literal

ClientToolCallStatus = Literal["completed", "in_progress"]

CLIENT_TOOL_CALL_STATUS_VALUES: set[ClientToolCallStatus] = {
    "completed",
    "in_progress",
}


def check_client_tool_call_status(value: str) -> ClientToolCallStatus:
    if value in CLIENT_TOOL_CALL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENT_TOOL_CALL_STATUS_VALUES!r}")
