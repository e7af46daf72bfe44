from typing import Literal

UserQuotedTextType = Literal["quoted_text"]

USER_QUOTED_TEXT_TYPE_VALUES: set[UserQuotedTextType] = {
    "quoted_text",
}


def check_user_quoted_text_type(value: str) -> UserQuotedTextType:
    if value in USER_QUOTED_TEXT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USER_QUOTED_TEXT_TYPE_VALUES!r}")
