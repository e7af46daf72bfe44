from typing import Literal

ConversationMessageRole = Literal[
    "assistant", "critic", "developer", "discriminator", "system", "tool", "unknown", "user"
]

CONVERSATION_MESSAGE_ROLE_VALUES: set[ConversationMessageRole] = {
    "assistant",
    "critic",
    "developer",
    "discriminator",
    "system",
    "tool",
    "unknown",
    "user",
}


def check_conversation_message_role(value: str) -> ConversationMessageRole:
    if value in CONVERSATION_MESSAGE_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONVERSATION_MESSAGE_ROLE_VALUES!r}")
