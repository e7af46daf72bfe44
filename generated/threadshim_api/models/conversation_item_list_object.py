from typing import Literal

ConversationItemListObject = Literal["list"]

CONVERSATION_ITEM_LIST_OBJECT_VALUES: set[ConversationItemListObject] = {
    "list",
}


def check_conversation_item_list_object(value: str) -> ConversationItemListObject:
    if value in CONVERSATION_ITEM_LIST_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONVERSATION_ITEM_LIST_OBJECT_VALUES!r}")
