from typing import Literal

UrlCitationPartType = Literal["url_citation"]

URL_CITATION_PART_TYPE_VALUES: set[UrlCitationPartType] = {
    "url_citation",
}


def check_url_citation_part_type(value: str) -> UrlCitationPartType:
    if value in URL_CITATION_PART_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {URL_CITATION_PART_TYPE_VALUES!r}")
