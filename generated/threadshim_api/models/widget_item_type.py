from typing import Literal

WidgetItemType = Literal["chatkit.widget"]

WIDGET_ITEM_TYPE_VALUES: set[WidgetItemType] = {
    "chatkit.widget",
}


def check_widget_item_type(value: str) -> WidgetItemType:
    if value in WIDGET_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WIDGET_ITEM_TYPE_VALUES!r}")
