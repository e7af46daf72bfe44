from typing import Literal

ConversationObject = Literal["conversation"]

CONVERSATION_OBJECT_VALUES: set[ConversationObject] = {
    "conversation",
}


def check_conversation_object(value: str) -> ConversationObject:
    if value in CONVERSATION_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONVERSATION_OBJECT_VALUES!r}")
