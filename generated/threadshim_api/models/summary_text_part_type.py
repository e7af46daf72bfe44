from typing import Literal

SummaryTextPartType = Literal["summary_text"]

SUMMARY_TEXT_PART_TYPE_VALUES: set[SummaryTextPartType] = {
    "summary_text",
}


def check_summary_text_part_type(value: str) -> SummaryTextPartType:
    if value in SUMMARY_TEXT_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUMMARY_TEXT_PART_TYPE_VALUES!r}")
