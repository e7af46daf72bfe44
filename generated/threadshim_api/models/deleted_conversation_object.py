from typing import Literal

DeletedConversationObject = Literal["conversation.deleted"]

DELETED_CONVERSATION_OBJECT_VALUES: set[DeletedConversationObject] = {
    "conversation.deleted",
}


def check_deleted_conversation_object(value: str) -> DeletedConversationObject:
    if value in DELETED_CONVERSATION_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DELETED_CONVERSATION_OBJECT_VALUES!r}")
