from typing import Literal

UserInputTextType = Literal["input_text"]

USER_INPUT_TEXT_TYPE_VALUES: set[UserInputTextType] = {
    "input_text",
}


def check_user_input_text_type(value: str) -> UserInputTextType:
    if value in USER_INPUT_TEXT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {USER_INPUT_TEXT_TYPE_VALUES!r}")
