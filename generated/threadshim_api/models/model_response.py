from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_response_object import ModelResponseObject, check_model_response_object
from ..models.model_response_status import ModelResponseStatus, check_model_response_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_interpreter_call_item import CodeInterpreterCallItem
    from ..models.computer_call_item import ComputerCallItem
    from ..models.conversation_message import ConversationMessage
    from ..models.file_search_call_item import FileSearchCallItem
    from ..models.function_call_item import FunctionCallItem
    from ..models.function_call_output_item import FunctionCallOutputItem
    from ..models.image_generation_call_item import ImageGenerationCallItem
    from ..models.metadata import Metadata
    from ..models.model_response_error_type_0 import ModelResponseErrorType0
    from ..models.model_response_incomplete_details_type_0 import ModelResponseIncompleteDetailsType0
    from ..models.model_response_instructions_type_1_item import ModelResponseInstructionsType1Item
    from ..models.model_response_reasoning_type_0 import ModelResponseReasoningType0
    from ..models.model_response_text import ModelResponseText
    from ..models.model_response_tool_choice_type_1 import ModelResponseToolChoiceType1
    from ..models.model_response_tools_item import ModelResponseToolsItem
    from ..models.other_conversation_item import OtherConversationItem
    from ..models.reasoning_item import ReasoningItem
    from ..models.response_conversation import ResponseConversation
    from ..models.response_usage import ResponseUsage
    from ..models.web_search_call_item import WebSearchCallItem


T = TypeVar("T", bound="ModelResponse")


@_attrs_define
class ModelResponse:
    """A model response. `output` holds the items the model produced (messages, function calls, …); with a `conversation`,
    the input and output items were appended to it.

        Attributes:
            id (str):
            object_ (ModelResponseObject):
            created_at (int):
            status (ModelResponseStatus):
            model (str):
            output (list[CodeInterpreterCallItem | ComputerCallItem | ConversationMessage | FileSearchCallItem |
                FunctionCallItem | FunctionCallOutputItem | ImageGenerationCallItem | OtherConversationItem | ReasoningItem |
                WebSearchCallItem]):
            completed_at (int | None | Unset):
            error (ModelResponseErrorType0 | None | Unset):
            incomplete_details (ModelResponseIncompleteDetailsType0 | None | Unset):
            instructions (list[ModelResponseInstructionsType1Item] | None | str | Unset):
            tools (list[ModelResponseToolsItem] | Unset):
            tool_choice (ModelResponseToolChoiceType1 | str | Unset):
            parallel_tool_calls (bool | Unset):
            temperature (float | None | Unset):
            top_p (float | None | Unset):
            max_output_tokens (int | None | Unset):
            previous_response_id (None | str | Unset):
            conversation (None | ResponseConversation | Unset):
            metadata (Metadata | Unset): Up to 16 string pairs the caller attaches to an object. Keys are at most 64
                characters
                long, values at most 512.
            usage (None | ResponseUsage | Unset):
            text (ModelResponseText | Unset):
            reasoning (ModelResponseReasoningType0 | None | Unset):
            truncation (None | str | Unset):
            user (None | str | Unset):
    """

    id: str
    object_: ModelResponseObject
    created_at: int
    status: ModelResponseStatus
    model: str
    output: list[
        CodeInterpreterCallItem
        | ComputerCallItem
        | ConversationMessage
        | FileSearchCallItem
        | FunctionCallItem
        | FunctionCallOutputItem
        | ImageGenerationCallItem
        | OtherConversationItem
        | ReasoningItem
        | WebSearchCallItem
    ]
    completed_at: int | None | Unset = UNSET
    error: ModelResponseErrorType0 | None | Unset = UNSET
    incomplete_details: ModelResponseIncompleteDetailsType0 | None | Unset = UNSET
    instructions: list[ModelResponseInstructionsType1Item] | None | str | Unset = UNSET
    tools: list[ModelResponseToolsItem] | Unset = UNSET
    tool_choice: ModelResponseToolChoiceType1 | str | Unset = UNSET
    parallel_tool_calls: bool | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    max_output_tokens: int | None | Unset = UNSET
    previous_response_id: None | str | Unset = UNSET
    conversation: None | ResponseConversation | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    usage: None | ResponseUsage | Unset = UNSET
    text: ModelResponseText | Unset = UNSET
    reasoning: ModelResponseReasoningType0 | None | Unset = UNSET
    truncation: None | str | Unset = UNSET
    user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_call_item import CodeInterpreterCallItem  # noqa: PLC0415
        from ..models.computer_call_item import ComputerCallItem  # noqa: PLC0415
        from ..models.conversation_message import ConversationMessage  # noqa: PLC0415
        from ..models.file_search_call_item import FileSearchCallItem  # noqa: PLC0415
        from ..models.function_call_item import FunctionCallItem  # noqa: PLC0415
        from ..models.function_call_output_item import FunctionCallOutputItem  # noqa: PLC0415
        from ..models.image_generation_call_item import ImageGenerationCallItem  # noqa: PLC0415
        from ..models.model_response_error_type_0 import ModelResponseErrorType0  # noqa: PLC0415
        from ..models.model_response_incomplete_details_type_0 import ModelResponseIncompleteDetailsType0  # noqa: PLC0415
        from ..models.model_response_reasoning_type_0 import ModelResponseReasoningType0  # noqa: PLC0415
        from ..models.model_response_tool_choice_type_1 import ModelResponseToolChoiceType1  # noqa: PLC0415
        from ..models.reasoning_item import ReasoningItem  # noqa: PLC0415
        from ..models.response_conversation import ResponseConversation  # noqa: PLC0415
        from ..models.response_usage import ResponseUsage  # noqa: PLC0415
        from ..models.web_search_call_item import WebSearchCallItem  # noqa: PLC0415

        id = self.id

        object_: str = self.object_

        created_at = self.created_at

        status: str = self.status

        model = self.model

        output = []
        for output_item_data in self.output:
            output_item: dict[str, Any]
            if isinstance(output_item_data, ConversationMessage):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, FunctionCallItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, FunctionCallOutputItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, ReasoningItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, FileSearchCallItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, WebSearchCallItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, ImageGenerationCallItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, CodeInterpreterCallItem):
                output_item = output_item_data.to_dict()
            elif isinstance(output_item_data, ComputerCallItem):
                output_item = output_item_data.to_dict()
            else:
                output_item = output_item_data.to_dict()

            output.append(output_item)

        completed_at: int | None | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ModelResponseErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        incomplete_details: dict[str, Any] | None | Unset
        if isinstance(self.incomplete_details, Unset):
            incomplete_details = UNSET
        elif isinstance(self.incomplete_details, ModelResponseIncompleteDetailsType0):
            incomplete_details = self.incomplete_details.to_dict()
        else:
            incomplete_details = self.incomplete_details

        instructions: list[dict[str, Any]] | None | str | Unset
        if isinstance(self.instructions, Unset):
            instructions = UNSET
        elif isinstance(self.instructions, list):
            instructions = []
            for instructions_type_1_item_data in self.instructions:
                instructions_type_1_item = instructions_type_1_item_data.to_dict()
                instructions.append(instructions_type_1_item)

        else:
            instructions = self.instructions

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        tool_choice: dict[str, Any] | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, ModelResponseToolChoiceType1):
            tool_choice = self.tool_choice.to_dict()
        else:
            tool_choice = self.tool_choice

        parallel_tool_calls = self.parallel_tool_calls

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        max_output_tokens: int | None | Unset
        if isinstance(self.max_output_tokens, Unset):
            max_output_tokens = UNSET
        else:
            max_output_tokens = self.max_output_tokens

        previous_response_id: None | str | Unset
        if isinstance(self.previous_response_id, Unset):
            previous_response_id = UNSET
        else:
            previous_response_id = self.previous_response_id

        conversation: dict[str, Any] | None | Unset
        if isinstance(self.conversation, Unset):
            conversation = UNSET
        elif isinstance(self.conversation, ResponseConversation):
            conversation = self.conversation.to_dict()
        else:
            conversation = self.conversation

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, ResponseUsage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

        text: dict[str, Any] | Unset = UNSET
        if not isinstance(self.text, Unset):
            text = self.text.to_dict()

        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, ModelResponseReasoningType0):
            reasoning = self.reasoning.to_dict()
        else:
            reasoning = self.reasoning

        truncation: None | str | Unset
        if isinstance(self.truncation, Unset):
            truncation = UNSET
        else:
            truncation = self.truncation

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created_at": created_at,
                "status": status,
                "model": model,
                "output": output,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if error is not UNSET:
            field_dict["error"] = error
        if incomplete_details is not UNSET:
            field_dict["incomplete_details"] = incomplete_details
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if parallel_tool_calls is not UNSET:
            field_dict["parallel_tool_calls"] = parallel_tool_calls
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if max_output_tokens is not UNSET:
            field_dict["max_output_tokens"] = max_output_tokens
        if previous_response_id is not UNSET:
            field_dict["previous_response_id"] = previous_response_id
        if conversation is not UNSET:
            field_dict["conversation"] = conversation
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if usage is not UNSET:
            field_dict["usage"] = usage
        if text is not UNSET:
            field_dict["text"] = text
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if truncation is not UNSET:
            field_dict["truncation"] = truncation
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_call_item import CodeInterpreterCallItem  # noqa: PLC0415
        from ..models.computer_call_item import ComputerCallItem  # noqa: PLC0415
        from ..models.conversation_message import ConversationMessage  # noqa: PLC0415
        from ..models.file_search_call_item import FileSearchCallItem  # noqa: PLC0415
        from ..models.function_call_item import FunctionCallItem  # noqa: PLC0415
        from ..models.function_call_output_item import FunctionCallOutputItem  # noqa: PLC0415
        from ..models.image_generation_call_item import ImageGenerationCallItem  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.model_response_error_type_0 import ModelResponseErrorType0  # noqa: PLC0415
        from ..models.model_response_incomplete_details_type_0 import ModelResponseIncompleteDetailsType0  # noqa: PLC0415
        from ..models.model_response_instructions_type_1_item import ModelResponseInstructionsType1Item  # noqa: PLC0415
        from ..models.model_response_reasoning_type_0 import ModelResponseReasoningType0  # noqa: PLC0415
        from ..models.model_response_text import ModelResponseText  # noqa: PLC0415
        from ..models.model_response_tool_choice_type_1 import ModelResponseToolChoiceType1  # noqa: PLC0415
        from ..models.model_response_tools_item import ModelResponseToolsItem  # noqa: PLC0415
        from ..models.other_conversation_item import OtherConversationItem  # noqa: PLC0415
        from ..models.reasoning_item import ReasoningItem  # noqa: PLC0415
        from ..models.response_conversation import ResponseConversation  # noqa: PLC0415
        from ..models.response_usage import ResponseUsage  # noqa: PLC0415
        from ..models.web_search_call_item import WebSearchCallItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = check_model_response_object(d.pop("object"))

        created_at = d.pop("created_at")

        status = check_model_response_status(d.pop("status"))

        model = d.pop("model")

        output = []
        _output = d.pop("output")
        for output_item_data in _output:

            def _parse_output_item(
                data: object,
            ) -> (
                CodeInterpreterCallItem
                | ComputerCallItem
                | ConversationMessage
                | FileSearchCallItem
                | FunctionCallItem
                | FunctionCallOutputItem
                | ImageGenerationCallItem
                | OtherConversationItem
                | ReasoningItem
                | WebSearchCallItem
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_0 = ConversationMessage.from_dict(data)

                    return componentsschemas_conversation_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_1 = FunctionCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_2 = FunctionCallOutputItem.from_dict(data)

                    return componentsschemas_conversation_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_3 = ReasoningItem.from_dict(data)

                    return componentsschemas_conversation_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_4 = FileSearchCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_5 = WebSearchCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_6 = ImageGenerationCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_7 = CodeInterpreterCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_conversation_item_type_8 = ComputerCallItem.from_dict(data)

                    return componentsschemas_conversation_item_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_conversation_item_type_9 = OtherConversationItem.from_dict(data)

                return componentsschemas_conversation_item_type_9

            output_item = _parse_output_item(output_item_data)

            output.append(output_item)

        def _parse_completed_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_error(data: object) -> ModelResponseErrorType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ModelResponseErrorType0.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelResponseErrorType0 | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_incomplete_details(data: object) -> ModelResponseIncompleteDetailsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                incomplete_details_type_0 = ModelResponseIncompleteDetailsType0.from_dict(data)

                return incomplete_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelResponseIncompleteDetailsType0 | None | Unset, data)

        incomplete_details = _parse_incomplete_details(d.pop("incomplete_details", UNSET))

        def _parse_instructions(data: object) -> list[ModelResponseInstructionsType1Item] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                instructions_type_1 = []
                _instructions_type_1 = data
                for instructions_type_1_item_data in _instructions_type_1:
                    instructions_type_1_item = ModelResponseInstructionsType1Item.from_dict(
                        instructions_type_1_item_data
                    )

                    instructions_type_1.append(instructions_type_1_item)

                return instructions_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ModelResponseInstructionsType1Item] | None | str | Unset, data)

        instructions = _parse_instructions(d.pop("instructions", UNSET))

        _tools = d.pop("tools", UNSET)
        tools: list[ModelResponseToolsItem] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = ModelResponseToolsItem.from_dict(tools_item_data)

                tools.append(tools_item)

        def _parse_tool_choice(data: object) -> ModelResponseToolChoiceType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tool_choice_type_1 = ModelResponseToolChoiceType1.from_dict(data)

                return tool_choice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelResponseToolChoiceType1 | str | Unset, data)

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        parallel_tool_calls = d.pop("parallel_tool_calls", UNSET)

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature = _parse_temperature(d.pop("temperature", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        top_p = _parse_top_p(d.pop("top_p", UNSET))

        def _parse_max_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_output_tokens = _parse_max_output_tokens(d.pop("max_output_tokens", UNSET))

        def _parse_previous_response_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_response_id = _parse_previous_response_id(d.pop("previous_response_id", UNSET))

        def _parse_conversation(data: object) -> None | ResponseConversation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversation_type_0 = ResponseConversation.from_dict(data)

                return conversation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseConversation | Unset, data)

        conversation = _parse_conversation(d.pop("conversation", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        def _parse_usage(data: object) -> None | ResponseUsage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = ResponseUsage.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseUsage | Unset, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        _text = d.pop("text", UNSET)
        text: ModelResponseText | Unset
        if isinstance(_text, Unset):
            text = UNSET
        else:
            text = ModelResponseText.from_dict(_text)

        def _parse_reasoning(data: object) -> ModelResponseReasoningType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = ModelResponseReasoningType0.from_dict(data)

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelResponseReasoningType0 | None | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        def _parse_truncation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        truncation = _parse_truncation(d.pop("truncation", UNSET))

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        model_response = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            status=status,
            model=model,
            output=output,
            completed_at=completed_at,
            error=error,
            incomplete_details=incomplete_details,
            instructions=instructions,
            tools=tools,
            tool_choice=tool_choice,
            parallel_tool_calls=parallel_tool_calls,
            temperature=temperature,
            top_p=top_p,
            max_output_tokens=max_output_tokens,
            previous_response_id=previous_response_id,
            conversation=conversation,
            metadata=metadata,
            usage=usage,
            text=text,
            reasoning=reasoning,
            truncation=truncation,
            user=user,
        )

        model_response.additional_properties = d
        return model_response

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
