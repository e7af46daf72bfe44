from typing import Literal

RefusalInputType = Literal["refusal"]

REFUSAL_INPUT_TYPE_VALUES: set[RefusalInputType] = {
    "refusal",
}


def check_refusal_input_type(value: str) -> RefusalInputType:
    if value in REFUSAL_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REFUSAL_INPUT_TYPE_VALUES!r}")
