from typing import Literal

AssistantOutputTextType = Literal["output_text"]

ASSISTANT_OUTPUT_TEXT_TYPE_VALUES: set[AssistantOutputTextType] = {
    "output_text",
}


def check_assistant_output_text_type(value: str) -> AssistantOutputTextType:
    if value in ASSISTANT_OUTPUT_TEXT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ASSISTANT_OUTPUT_TEXT_TYPE_VALUES!r}")
