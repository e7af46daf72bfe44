from typing import Literal

UrlAnnotationSourceType = Literal["url"]

URL_ANNOTATION_SOURCE_TYPE_VALUES: set[UrlAnnotationSourceType] = {
    "url",
}


def check_url_annotation_source_type(value: str) -> UrlAnnotationSourceType:
    if value in URL_ANNOTATION_SOURCE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {URL_ANNOTATION_SOURCE_TYPE_VALUES!r}")
