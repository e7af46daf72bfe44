from typing import Literal

ClientToolCallItemType = Literal["chatkit.client_tool_call"]

CLIENT_TOOL_CALL_ITEM_TYPE_VALUES: set[ClientToolCallItemType] = {
    "chatkit.client_tool_call",
}


def check_client_tool_call_item_type(value: str) -> ClientToolCallItemType:
    if value in CLIENT_TOOL_CALL_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENT_TOOL_CALL_ITEM_TYPE_VALUES!r}")
