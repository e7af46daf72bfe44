from typing import Literal

ReasoningTextPartType = Literal["reasoning_text"]

REASONING_TEXT_PART_TYPE_VALUES: set[ReasoningTextPartType] = {
    "reasoning_text",
}


def check_reasoning_text_part_type(value: str) -> ReasoningTextPartType:
    if value in REASONING_TEXT_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REASONING_TEXT_PART_TYPE_VALUES!r}")
