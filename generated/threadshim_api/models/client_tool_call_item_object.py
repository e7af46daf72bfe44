from typing import Literal

ClientToolCallItemObject = Literal["chatkit.thread_item"]

CLIENT_TOOL_CALL_ITEM_OBJECT_VALUES: set[ClientToolCallItemObject] = {
    "chatkit.thread_item",
}


def check_client_tool_call_item_object(value: str) -> ClientToolCallItemObject:
    if value in CLIENT_TOOL_CALL_ITEM_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENT_TOOL_CALL_ITEM_OBJECT_VALUES!r}")
