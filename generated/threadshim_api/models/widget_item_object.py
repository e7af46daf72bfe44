from typing import Literal

WidgetItemObject = Literal["chatkit.thread_item"]

WIDGET_ITEM_OBJECT_VALUES: set[WidgetItemObject] = {
    "chatkit.thread_item",
}


def check_widget_item_object(value: str) -> WidgetItemObject:
    if value in WIDGET_ITEM_OBJECT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WIDGET_ITEM_OBJECT_VALUES!r}")
