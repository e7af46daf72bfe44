from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.code_interpreter_call_item import CodeInterpreterCallItem
from ...models.computer_call_item import ComputerCallItem
from ...models.conversation_includable import ConversationIncludable
from ...models.conversation_message import ConversationMessage
from ...models.error_response import ErrorResponse
from ...models.file_search_call_item import FileSearchCallItem
from ...models.function_call_item import FunctionCallItem
from ...models.function_call_output_item import FunctionCallOutputItem
from ...models.image_generation_call_item import ImageGenerationCallItem
from ...models.other_conversation_item import OtherConversationItem
from ...models.reasoning_item import ReasoningItem
from ...models.web_search_call_item import WebSearchCallItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: str,
    item_id: str,
    *,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_include: list[str] | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = []
        for include_item_data in include:
            include_item: str = include_item_data
            json_include.append(include_item)

    params["include"] = json_include

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/{conversation_id}/items/{item_id}".format(
            conversation_id=quote(str(conversation_id), safe=""),
            item_id=quote(str(item_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
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
    | ErrorResponse
):
    if response.status_code == 200:

        def _parse_response_200(
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

        response_200 = _parse_response_200(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
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
    | ErrorResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: str,
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> Response[
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
    | ErrorResponse
]:
    """Fetch one item of a conversation.

    Args:
        conversation_id (str):
        item_id (str):
        include (list[ConversationIncludable] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CodeInterpreterCallItem | ComputerCallItem | ConversationMessage | FileSearchCallItem | FunctionCallItem | FunctionCallOutputItem | ImageGenerationCallItem | OtherConversationItem | ReasoningItem | WebSearchCallItem | ErrorResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        item_id=item_id,
        include=include,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: str,
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    include: list[ConversationIncludable] | Unset = UNSET,
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
    | ErrorResponse
    | None
):
    """Fetch one item of a conversation.

    Args:
        conversation_id (str):
        item_id (str):
        include (list[ConversationIncludable] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CodeInterpreterCallItem | ComputerCallItem | ConversationMessage | FileSearchCallItem | FunctionCallItem | FunctionCallOutputItem | ImageGenerationCallItem | OtherConversationItem | ReasoningItem | WebSearchCallItem | ErrorResponse
    """

    return sync_detailed(
        conversation_id=conversation_id,
        item_id=item_id,
        client=client,
        include=include,
    ).parsed


async def asyncio_detailed(
    conversation_id: str,
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> Response[
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
    | ErrorResponse
]:
    """Fetch one item of a conversation.

    Args:
        conversation_id (str):
        item_id (str):
        include (list[ConversationIncludable] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CodeInterpreterCallItem | ComputerCallItem | ConversationMessage | FileSearchCallItem | FunctionCallItem | FunctionCallOutputItem | ImageGenerationCallItem | OtherConversationItem | ReasoningItem | WebSearchCallItem | ErrorResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        item_id=item_id,
        include=include,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: str,
    item_id: str,
    *,
    client: AuthenticatedClient | Client,
    include: list[ConversationIncludable] | Unset = UNSET,
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
    | ErrorResponse
    | None
):
    """Fetch one item of a conversation.

    Args:
        conversation_id (str):
        item_id (str):
        include (list[ConversationIncludable] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CodeInterpreterCallItem | ComputerCallItem | ConversationMessage | FileSearchCallItem | FunctionCallItem | FunctionCallOutputItem | ImageGenerationCallItem | OtherConversationItem | ReasoningItem | WebSearchCallItem | ErrorResponse
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            item_id=item_id,
            client=client,
            include=include,
        )
    ).parsed
