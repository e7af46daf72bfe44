from typing import Literal

ModelResponseStatus = Literal["cancelled", "completed", "failed", "in_progress", "incomplete", "queued"]

MODEL_RESPONSE_STATUS_VALUES: set[ModelResponseStatus] = {
    "cancelled",
    "completed",
    "failed",
    "in_progress",
    "incomplete",
    "queued",
}


def check_model_response_status(value: str) -> ModelResponseStatus:
    if value in MODEL_RESPONSE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_RESPONSE_STATUS_VALUES!r}")
