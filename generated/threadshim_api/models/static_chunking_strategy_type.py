from typing import Literal

StaticChunkingStrategyType = Literal["static"]

STATIC_CHUNKING_STRATEGY_TYPE_VALUES: set[StaticChunkingStrategyType] = {
    "static",
}


def check_static_chunking_strategy_type(value: str) -> StaticChunkingStrategyType:
    if value in STATIC_CHUNKING_STRATEGY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATIC_CHUNKING_STRATEGY_TYPE_VALUES!r}")
