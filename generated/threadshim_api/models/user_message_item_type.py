from typing import Literal

UserMessageItemType = Literal["chatkit.user_message"]

USER_MESSAGE_ITEM_TYPE_VALUES: set[UserMessageItemType] = {
    "chatkit.user_message",
}


def check_user_message_item_type(value: str) -> UserMessageItemType:
    if value in USER_MESSAGE_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USER_MESSAGE_ITEM_TYPE_VALUES!r}")
