from typing import Literal

ItemReferenceInputTypeType0 = Literal["item_reference"]

ITEM_REFERENCE_INPUT_TYPE_TYPE_0_VALUES: set[ItemReferenceInputTypeType0] = {
    "item_reference",
}


def check_item_reference_input_type_type_0(value: str) -> ItemReferenceInputTypeType0:
    if value in ITEM_REFERENCE_INPUT_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_REFERENCE_INPUT_TYPE_TYPE_0_VALUES!r}")
