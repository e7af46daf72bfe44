from typing import Literal

FunctionCallOutputInputType = Literal["function_call_output"]

FUNCTION_CALL_OUTPUT_INPUT_TYPE_VALUES: set[FunctionCallOutputInputType] = {
    "function_call_output",
}


def check_function_call_output_input_type(value: str) -> FunctionCallOutputInputType:
    if value in FUNCTION_CALL_OUTPUT_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FUNCTION_CALL_OUTPUT_INPUT_TYPE_VALUES!r}")
