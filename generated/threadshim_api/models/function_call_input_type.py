from typing import Literal

FunctionCallInputType = Literal["function_call"]

FUNCTION_CALL_INPUT_TYPE_VALUES: set[FunctionCallInputType] = {
    "function_call",
}


def check_function_call_input_type(value: str) -> FunctionCallInputType:
    if value in FUNCTION_CALL_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FUNCTION_CALL_INPUT_TYPE_VALUES!r}")
