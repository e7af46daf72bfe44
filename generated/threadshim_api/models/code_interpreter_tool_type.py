from typing import Literal

CodeInterpreterToolType = Literal["code_interpreter"]

CODE_INTERPRETER_TOOL_TYPE_VALUES: set[CodeInterpreterToolType] = {
    "code_interpreter",
}


def check_code_interpreter_tool_type(value: str) -> CodeInterpreterToolType:
    if value in CODE_INTERPRETER_TOOL_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CODE_INTERPRETER_TOOL_TYPE_VALUES!r}")
