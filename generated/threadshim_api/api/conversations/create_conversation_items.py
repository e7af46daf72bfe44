from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_includable import ConversationIncludable
from ...models.conversation_item_list import ConversationItemList
from ...models.create_conversation_items_request import CreateConversationItemsRequest
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: str,
    *,
    body: CreateConversationItemsRequest,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
        "method": "post",
        "url": "/conversations/{conversation_id}/items".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversationItemList | ErrorResponse:
    if response.status_code == 200:
        response_200 = ConversationItemList.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConversationItemList | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateConversationItemsRequest,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> Response[ConversationItemList | ErrorResponse]:
    """Add 1 to 20 items to a conversation, in order.

    Args:
        conversation_id (str):
        include (list[ConversationIncludable] | Unset):
        body (CreateConversationItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationItemList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        include=include,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateConversationItemsRequest,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> ConversationItemList | ErrorResponse | None:
    """Add 1 to 20 items to a conversation, in order.

    Args:
        conversation_id (str):
        include (list[ConversationIncludable] | Unset):
        body (CreateConversationItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationItemList | ErrorResponse
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        body=body,
        include=include,
    ).parsed


async def asyncio_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateConversationItemsRequest,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> Response[ConversationItemList | ErrorResponse]:
    """Add 1 to 20 items to a conversation, in order.

    Args:
        conversation_id (str):
        include (list[ConversationIncludable] | Unset):
        body (CreateConversationItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationItemList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        include=include,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateConversationItemsRequest,
    include: list[ConversationIncludable] | Unset = UNSET,
) -> ConversationItemList | ErrorResponse | None:
    """Add 1 to 20 items to a conversation, in order.

    Args:
        conversation_id (str):
        include (list[ConversationIncludable] | Unset):
        body (CreateConversationItemsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationItemList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            body=body,
            include=include,
        )
    ).parsed
