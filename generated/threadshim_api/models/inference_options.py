from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tool_choice import ToolChoice


T = TypeVar("T", bound="InferenceOptions")


@_attrs_define
class InferenceOptions:
    """Overrides applied when the assistant answers.

    Attributes:
        tool_choice (None | ToolChoice): The tool the assistant should use, or null to let ChatKit choose.
        model (None | str): The model to answer with, or null for the session's default.
    """

    tool_choice: None | ToolChoice
    model: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_choice import ToolChoice  # noqa: PLC0415

        tool_choice: dict[str, Any] | None
        if isinstance(self.tool_choice, ToolChoice):
            tool_choice = self.tool_choice.to_dict()
        else:
            tool_choice = self.tool_choice

        model: None | str
        model = self.model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool_choice": tool_choice,
                "model": model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_choice import ToolChoice  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_tool_choice(data: object) -> None | ToolChoice:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tool_choice_type_0 = ToolChoice.from_dict(data)

                return tool_choice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolChoice, data)

        tool_choice = _parse_tool_choice(d.pop("tool_choice"))

        def _parse_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model = _parse_model(d.pop("model"))

        inference_options = cls(
            tool_choice=tool_choice,
            model=model,
        )

        inference_options.additional_properties = d
        return inference_options

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
