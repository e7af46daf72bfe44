from typing import Literal

AutoChunkingStrategyType = Literal["auto"]

AUTO_CHUNKING_STRATEGY_TYPE_VALUES: set[AutoChunkingStrategyType] = {
    "auto",
}


def check_auto_chunking_strategy_type(value: str) -> AutoChunkingStrategyType:
    if value in AUTO_CHUNKING_STRATEGY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUTO_CHUNKING_STRATEGY_TYPE_VALUES!r}")
