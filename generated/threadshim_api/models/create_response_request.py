from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_response_request_context_management_type_0_item import (
        CreateResponseRequestContextManagementType0Item,
    )
    from ..models.create_response_request_moderation_type_0 import CreateResponseRequestModerationType0
    from ..models.create_response_request_prompt_cache_options_type_0 import (
        CreateResponseRequestPromptCacheOptionsType0,
    )
    from ..models.create_response_request_prompt_type_0 import CreateResponseRequestPromptType0
    from ..models.create_response_request_reasoning_type_0 import CreateResponseRequestReasoningType0
    from ..models.create_response_request_stream_options_type_0 import CreateResponseRequestStreamOptionsType0
    from ..models.create_response_request_text import CreateResponseRequestText
    from ..models.create_response_request_tool_choice_type_1 import CreateResponseRequestToolChoiceType1
    from ..models.create_response_request_tools_item import CreateResponseRequestToolsItem
    from ..models.easy_input_message import EasyInputMessage
    from ..models.function_call_input import FunctionCallInput
    from ..models.function_call_output_input import FunctionCallOutputInput
    from ..models.input_message import InputMessage
    from ..models.metadata import Metadata
    from ..models.other_input_item import OtherInputItem
    from ..models.output_message_input import OutputMessageInput
    from ..models.response_conversation import ResponseConversation


T = TypeVar("T", bound="CreateResponseRequest")


@_attrs_define
class CreateResponseRequest:
    """What a response is made from. `conversation` and `previous_response_id` cannot both be given. The fields a text or
    function-call turn uses are modelled; the other published fields are accepted as the API takes them.

        Attributes:
            model (str):
            input_ (list[EasyInputMessage | FunctionCallInput | FunctionCallOutputInput | InputMessage | OtherInputItem |
                OutputMessageInput] | str | Unset):
            instructions (None | str | Unset):
            tools (list[CreateResponseRequestToolsItem] | Unset): The tools the model may call (function tools, namespaces,
                hosted tools), kept as sent.
            tool_choice (CreateResponseRequestToolChoiceType1 | str | Unset):
            conversation (None | ResponseConversation | str | Unset):
            previous_response_id (None | str | Unset):
            store (bool | None | Unset):
            stream (bool | None | Unset):
            metadata (Metadata | None | Unset):
            temperature (float | None | Unset):
            top_p (float | None | Unset):
            max_output_tokens (int | None | Unset):
            max_tool_calls (int | None | Unset):
            parallel_tool_calls (bool | None | Unset):
            truncation (None | str | Unset):
            user (str | Unset):
            include (list[str] | None | Unset):
            text (CreateResponseRequestText | Unset):
            reasoning (CreateResponseRequestReasoningType0 | None | Unset):
            stream_options (CreateResponseRequestStreamOptionsType0 | None | Unset):
            background (bool | None | Unset):
            context_management (list[CreateResponseRequestContextManagementType0Item] | None | Unset):
            moderation (CreateResponseRequestModerationType0 | None | Unset):
            prompt (CreateResponseRequestPromptType0 | None | Unset):
            prompt_cache_key (str | Unset):
            prompt_cache_options (CreateResponseRequestPromptCacheOptionsType0 | None | Unset):
            prompt_cache_retention (None | str | Unset):
            safety_identifier (str | Unset):
            service_tier (None | str | Unset):
            top_logprobs (int | None | Unset):
    """

    model: str
    input_: (
        list[
            EasyInputMessage
            | FunctionCallInput
            | FunctionCallOutputInput
            | InputMessage
            | OtherInputItem
            | OutputMessageInput
        ]
        | str
        | Unset
    ) = UNSET
    instructions: None | str | Unset = UNSET
    tools: list[CreateResponseRequestToolsItem] | Unset = UNSET
    tool_choice: CreateResponseRequestToolChoiceType1 | str | Unset = UNSET
    conversation: None | ResponseConversation | str | Unset = UNSET
    previous_response_id: None | str | Unset = UNSET
    store: bool | None | Unset = UNSET
    stream: bool | None | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    max_output_tokens: int | None | Unset = UNSET
    max_tool_calls: int | None | Unset = UNSET
    parallel_tool_calls: bool | None | Unset = UNSET
    truncation: None | str | Unset = UNSET
    user: str | Unset = UNSET
    include: list[str] | None | Unset = UNSET
    text: CreateResponseRequestText | Unset = UNSET
    reasoning: CreateResponseRequestReasoningType0 | None | Unset = UNSET
    stream_options: CreateResponseRequestStreamOptionsType0 | None | Unset = UNSET
    background: bool | None | Unset = UNSET
    context_management: list[CreateResponseRequestContextManagementType0Item] | None | Unset = UNSET
    moderation: CreateResponseRequestModerationType0 | None | Unset = UNSET
    prompt: CreateResponseRequestPromptType0 | None | Unset = UNSET
    prompt_cache_key: str | Unset = UNSET
    prompt_cache_options: CreateResponseRequestPromptCacheOptionsType0 | None | Unset = UNSET
    prompt_cache_retention: None | str | Unset = UNSET
    safety_identifier: str | Unset = UNSET
    service_tier: None | str | Unset = UNSET
    top_logprobs: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_response_request_moderation_type_0 import CreateResponseRequestModerationType0  # noqa: PLC0415
        from ..models.create_response_request_prompt_cache_options_type_0 import (
            CreateResponseRequestPromptCacheOptionsType0,  # noqa: PLC0415
        )
        from ..models.create_response_request_prompt_type_0 import CreateResponseRequestPromptType0  # noqa: PLC0415
        from ..models.create_response_request_reasoning_type_0 import CreateResponseRequestReasoningType0  # noqa: PLC0415
        from ..models.create_response_request_stream_options_type_0 import CreateResponseRequestStreamOptionsType0  # noqa: PLC0415
        from ..models.create_response_request_tool_choice_type_1 import CreateResponseRequestToolChoiceType1  # noqa: PLC0415
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.function_call_input import FunctionCallInput  # noqa: PLC0415
        from ..models.function_call_output_input import FunctionCallOutputInput  # noqa: PLC0415
        from ..models.input_message import InputMessage  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.output_message_input import OutputMessageInput  # noqa: PLC0415
        from ..models.response_conversation import ResponseConversation  # noqa: PLC0415

        model = self.model

        input_: list[dict[str, Any]] | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, list):
            input_ = []
            for input_type_1_item_data in self.input_:
                input_type_1_item: dict[str, Any]
                if isinstance(input_type_1_item_data, OutputMessageInput):
                    input_type_1_item = input_type_1_item_data.to_dict()
                elif isinstance(input_type_1_item_data, InputMessage):
                    input_type_1_item = input_type_1_item_data.to_dict()
                elif isinstance(input_type_1_item_data, EasyInputMessage):
                    input_type_1_item = input_type_1_item_data.to_dict()
                elif isinstance(input_type_1_item_data, FunctionCallInput):
                    input_type_1_item = input_type_1_item_data.to_dict()
                elif isinstance(input_type_1_item_data, FunctionCallOutputInput):
                    input_type_1_item = input_type_1_item_data.to_dict()
                else:
                    input_type_1_item = input_type_1_item_data.to_dict()

                input_.append(input_type_1_item)

        else:
            input_ = self.input_

        instructions: None | str | Unset
        if isinstance(self.instructions, Unset):
            instructions = UNSET
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
        elif isinstance(self.tool_choice, CreateResponseRequestToolChoiceType1):
            tool_choice = self.tool_choice.to_dict()
        else:
            tool_choice = self.tool_choice

        conversation: dict[str, Any] | None | str | Unset
        if isinstance(self.conversation, Unset):
            conversation = UNSET
        elif isinstance(self.conversation, ResponseConversation):
            conversation = self.conversation.to_dict()
        else:
            conversation = self.conversation

        previous_response_id: None | str | Unset
        if isinstance(self.previous_response_id, Unset):
            previous_response_id = UNSET
        else:
            previous_response_id = self.previous_response_id

        store: bool | None | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        stream: bool | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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

        max_tool_calls: int | None | Unset
        if isinstance(self.max_tool_calls, Unset):
            max_tool_calls = UNSET
        else:
            max_tool_calls = self.max_tool_calls

        parallel_tool_calls: bool | None | Unset
        if isinstance(self.parallel_tool_calls, Unset):
            parallel_tool_calls = UNSET
        else:
            parallel_tool_calls = self.parallel_tool_calls

        truncation: None | str | Unset
        if isinstance(self.truncation, Unset):
            truncation = UNSET
        else:
            truncation = self.truncation

        user = self.user

        include: list[str] | None | Unset
        if isinstance(self.include, Unset):
            include = UNSET
        elif isinstance(self.include, list):
            include = self.include

        else:
            include = self.include

        text: dict[str, Any] | Unset = UNSET
        if not isinstance(self.text, Unset):
            text = self.text.to_dict()

        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, CreateResponseRequestReasoningType0):
            reasoning = self.reasoning.to_dict()
        else:
            reasoning = self.reasoning

        stream_options: dict[str, Any] | None | Unset
        if isinstance(self.stream_options, Unset):
            stream_options = UNSET
        elif isinstance(self.stream_options, CreateResponseRequestStreamOptionsType0):
            stream_options = self.stream_options.to_dict()
        else:
            stream_options = self.stream_options

        background: bool | None | Unset
        if isinstance(self.background, Unset):
            background = UNSET
        else:
            background = self.background

        context_management: list[dict[str, Any]] | None | Unset
        if isinstance(self.context_management, Unset):
            context_management = UNSET
        elif isinstance(self.context_management, list):
            context_management = []
            for context_management_type_0_item_data in self.context_management:
                context_management_type_0_item = context_management_type_0_item_data.to_dict()
                context_management.append(context_management_type_0_item)

        else:
            context_management = self.context_management

        moderation: dict[str, Any] | None | Unset
        if isinstance(self.moderation, Unset):
            moderation = UNSET
        elif isinstance(self.moderation, CreateResponseRequestModerationType0):
            moderation = self.moderation.to_dict()
        else:
            moderation = self.moderation

        prompt: dict[str, Any] | None | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        elif isinstance(self.prompt, CreateResponseRequestPromptType0):
            prompt = self.prompt.to_dict()
        else:
            prompt = self.prompt

        prompt_cache_key = self.prompt_cache_key

        prompt_cache_options: dict[str, Any] | None | Unset
        if isinstance(self.prompt_cache_options, Unset):
            prompt_cache_options = UNSET
        elif isinstance(self.prompt_cache_options, CreateResponseRequestPromptCacheOptionsType0):
            prompt_cache_options = self.prompt_cache_options.to_dict()
        else:
            prompt_cache_options = self.prompt_cache_options

        prompt_cache_retention: None | str | Unset
        if isinstance(self.prompt_cache_retention, Unset):
            prompt_cache_retention = UNSET
        else:
            prompt_cache_retention = self.prompt_cache_retention

        safety_identifier = self.safety_identifier

        service_tier: None | str | Unset
        if isinstance(self.service_tier, Unset):
            service_tier = UNSET
        else:
            service_tier = self.service_tier

        top_logprobs: int | None | Unset
        if isinstance(self.top_logprobs, Unset):
            top_logprobs = UNSET
        else:
            top_logprobs = self.top_logprobs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if input_ is not UNSET:
            field_dict["input"] = input_
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if conversation is not UNSET:
            field_dict["conversation"] = conversation
        if previous_response_id is not UNSET:
            field_dict["previous_response_id"] = previous_response_id
        if store is not UNSET:
            field_dict["store"] = store
        if stream is not UNSET:
            field_dict["stream"] = stream
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if max_output_tokens is not UNSET:
            field_dict["max_output_tokens"] = max_output_tokens
        if max_tool_calls is not UNSET:
            field_dict["max_tool_calls"] = max_tool_calls
        if parallel_tool_calls is not UNSET:
            field_dict["parallel_tool_calls"] = parallel_tool_calls
        if truncation is not UNSET:
            field_dict["truncation"] = truncation
        if user is not UNSET:
            field_dict["user"] = user
        if include is not UNSET:
            field_dict["include"] = include
        if text is not UNSET:
            field_dict["text"] = text
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if stream_options is not UNSET:
            field_dict["stream_options"] = stream_options
        if background is not UNSET:
            field_dict["background"] = background
        if context_management is not UNSET:
            field_dict["context_management"] = context_management
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if prompt_cache_key is not UNSET:
            field_dict["prompt_cache_key"] = prompt_cache_key
        if prompt_cache_options is not UNSET:
            field_dict["prompt_cache_options"] = prompt_cache_options
        if prompt_cache_retention is not UNSET:
            field_dict["prompt_cache_retention"] = prompt_cache_retention
        if safety_identifier is not UNSET:
            field_dict["safety_identifier"] = safety_identifier
        if service_tier is not UNSET:
            field_dict["service_tier"] = service_tier
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_response_request_context_management_type_0_item import (
            CreateResponseRequestContextManagementType0Item,  # noqa: PLC0415
        )
        from ..models.create_response_request_moderation_type_0 import CreateResponseRequestModerationType0  # noqa: PLC0415
        from ..models.create_response_request_prompt_cache_options_type_0 import (
            CreateResponseRequestPromptCacheOptionsType0,  # noqa: PLC0415
        )
        from ..models.create_response_request_prompt_type_0 import CreateResponseRequestPromptType0  # noqa: PLC0415
        from ..models.create_response_request_reasoning_type_0 import CreateResponseRequestReasoningType0  # noqa: PLC0415
        from ..models.create_response_request_stream_options_type_0 import CreateResponseRequestStreamOptionsType0  # noqa: PLC0415
        from ..models.create_response_request_text import CreateResponseRequestText  # noqa: PLC0415
        from ..models.create_response_request_tool_choice_type_1 import CreateResponseRequestToolChoiceType1  # noqa: PLC0415
        from ..models.create_response_request_tools_item import CreateResponseRequestToolsItem  # noqa: PLC0415
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.function_call_input import FunctionCallInput  # noqa: PLC0415
        from ..models.function_call_output_input import FunctionCallOutputInput  # noqa: PLC0415
        from ..models.input_message import InputMessage  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.other_input_item import OtherInputItem  # noqa: PLC0415
        from ..models.output_message_input import OutputMessageInput  # noqa: PLC0415
        from ..models.response_conversation import ResponseConversation  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        def _parse_input_(
            data: object,
        ) -> (
            list[
                EasyInputMessage
                | FunctionCallInput
                | FunctionCallOutputInput
                | InputMessage
                | OtherInputItem
                | OutputMessageInput
            ]
            | str
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                input_type_1 = []
                _input_type_1 = data
                for input_type_1_item_data in _input_type_1:

                    def _parse_input_type_1_item(
                        data: object,
                    ) -> (
                        EasyInputMessage
                        | FunctionCallInput
                        | FunctionCallOutputInput
                        | InputMessage
                        | OtherInputItem
                        | OutputMessageInput
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_conversation_input_item_type_0 = OutputMessageInput.from_dict(data)

                            return componentsschemas_conversation_input_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_conversation_input_item_type_1 = InputMessage.from_dict(data)

                            return componentsschemas_conversation_input_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_conversation_input_item_type_2 = EasyInputMessage.from_dict(data)

                            return componentsschemas_conversation_input_item_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_conversation_input_item_type_3 = FunctionCallInput.from_dict(data)

                            return componentsschemas_conversation_input_item_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_conversation_input_item_type_4 = FunctionCallOutputInput.from_dict(data)

                            return componentsschemas_conversation_input_item_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_conversation_input_item_type_5 = OtherInputItem.from_dict(data)

                        return componentsschemas_conversation_input_item_type_5

                    input_type_1_item = _parse_input_type_1_item(input_type_1_item_data)

                    input_type_1.append(input_type_1_item)

                return input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    EasyInputMessage
                    | FunctionCallInput
                    | FunctionCallOutputInput
                    | InputMessage
                    | OtherInputItem
                    | OutputMessageInput
                ]
                | str
                | Unset,
                data,
            )

        input_ = _parse_input_(d.pop("input", UNSET))

        def _parse_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions = _parse_instructions(d.pop("instructions", UNSET))

        _tools = d.pop("tools", UNSET)
        tools: list[CreateResponseRequestToolsItem] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = CreateResponseRequestToolsItem.from_dict(tools_item_data)

                tools.append(tools_item)

        def _parse_tool_choice(data: object) -> CreateResponseRequestToolChoiceType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tool_choice_type_1 = CreateResponseRequestToolChoiceType1.from_dict(data)

                return tool_choice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestToolChoiceType1 | str | Unset, data)

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        def _parse_conversation(data: object) -> None | ResponseConversation | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversation_type_1 = ResponseConversation.from_dict(data)

                return conversation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseConversation | str | Unset, data)

        conversation = _parse_conversation(d.pop("conversation", UNSET))

        def _parse_previous_response_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_response_id = _parse_previous_response_id(d.pop("previous_response_id", UNSET))

        def _parse_store(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        store = _parse_store(d.pop("store", UNSET))

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

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

        def _parse_max_tool_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tool_calls = _parse_max_tool_calls(d.pop("max_tool_calls", UNSET))

        def _parse_parallel_tool_calls(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parallel_tool_calls = _parse_parallel_tool_calls(d.pop("parallel_tool_calls", UNSET))

        def _parse_truncation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        truncation = _parse_truncation(d.pop("truncation", UNSET))

        user = d.pop("user", UNSET)

        def _parse_include(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                include_type_0 = cast(list[str], data)

                return include_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        include = _parse_include(d.pop("include", UNSET))

        _text = d.pop("text", UNSET)
        text: CreateResponseRequestText | Unset
        if isinstance(_text, Unset):
            text = UNSET
        else:
            text = CreateResponseRequestText.from_dict(_text)

        def _parse_reasoning(data: object) -> CreateResponseRequestReasoningType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = CreateResponseRequestReasoningType0.from_dict(data)

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestReasoningType0 | None | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        def _parse_stream_options(data: object) -> CreateResponseRequestStreamOptionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stream_options_type_0 = CreateResponseRequestStreamOptionsType0.from_dict(data)

                return stream_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestStreamOptionsType0 | None | Unset, data)

        stream_options = _parse_stream_options(d.pop("stream_options", UNSET))

        def _parse_background(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        background = _parse_background(d.pop("background", UNSET))

        def _parse_context_management(
            data: object,
        ) -> list[CreateResponseRequestContextManagementType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                context_management_type_0 = []
                _context_management_type_0 = data
                for context_management_type_0_item_data in _context_management_type_0:
                    context_management_type_0_item = CreateResponseRequestContextManagementType0Item.from_dict(
                        context_management_type_0_item_data
                    )

                    context_management_type_0.append(context_management_type_0_item)

                return context_management_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CreateResponseRequestContextManagementType0Item] | None | Unset, data)

        context_management = _parse_context_management(d.pop("context_management", UNSET))

        def _parse_moderation(data: object) -> CreateResponseRequestModerationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                moderation_type_0 = CreateResponseRequestModerationType0.from_dict(data)

                return moderation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestModerationType0 | None | Unset, data)

        moderation = _parse_moderation(d.pop("moderation", UNSET))

        def _parse_prompt(data: object) -> CreateResponseRequestPromptType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_type_0 = CreateResponseRequestPromptType0.from_dict(data)

                return prompt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestPromptType0 | None | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        prompt_cache_key = d.pop("prompt_cache_key", UNSET)

        def _parse_prompt_cache_options(data: object) -> CreateResponseRequestPromptCacheOptionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prompt_cache_options_type_0 = CreateResponseRequestPromptCacheOptionsType0.from_dict(data)

                return prompt_cache_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestPromptCacheOptionsType0 | None | Unset, data)

        prompt_cache_options = _parse_prompt_cache_options(d.pop("prompt_cache_options", UNSET))

        def _parse_prompt_cache_retention(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_cache_retention = _parse_prompt_cache_retention(d.pop("prompt_cache_retention", UNSET))

        safety_identifier = d.pop("safety_identifier", UNSET)

        def _parse_service_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_tier = _parse_service_tier(d.pop("service_tier", UNSET))

        def _parse_top_logprobs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_logprobs = _parse_top_logprobs(d.pop("top_logprobs", UNSET))

        create_response_request = cls(
            model=model,
            input_=input_,
            instructions=instructions,
            tools=tools,
            tool_choice=tool_choice,
            conversation=conversation,
            previous_response_id=previous_response_id,
            store=store,
            stream=stream,
            metadata=metadata,
            temperature=temperature,
            top_p=top_p,
            max_output_tokens=max_output_tokens,
            max_tool_calls=max_tool_calls,
            parallel_tool_calls=parallel_tool_calls,
            truncation=truncation,
            user=user,
            include=include,
            text=text,
            reasoning=reasoning,
            stream_options=stream_options,
            background=background,
            context_management=context_management,
            moderation=moderation,
            prompt=prompt,
            prompt_cache_key=prompt_cache_key,
            prompt_cache_options=prompt_cache_options,
            prompt_cache_retention=prompt_cache_retention,
            safety_identifier=safety_identifier,
            service_tier=service_tier,
            top_logprobs=top_logprobs,
        )

        return create_response_request
