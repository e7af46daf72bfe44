from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_item_list import ConversationItemList
from ...models.error_response import ErrorResponse
from ...models.list_order import ListOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    response_id: str,
    *,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["after"] = after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/responses/{response_id}/input_items".format(
            response_id=quote(str(response_id), safe=""),
        ),
        "params": params,
    }

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
    response_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
) -> Response[ConversationItemList | ErrorResponse]:
    """List the items a response was given; newest first unless `order=asc`.

    Args:
        response_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationItemList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        response_id=response_id,
        limit=limit,
        order=order,
        after=after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    response_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
) -> ConversationItemList | ErrorResponse | None:
    """List the items a response was given; newest first unless `order=asc`.

    Args:
        response_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationItemList | ErrorResponse
    """

    return sync_detailed(
        response_id=response_id,
        client=client,
        limit=limit,
        order=order,
        after=after,
    ).parsed


async def asyncio_detailed(
    response_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
) -> Response[ConversationItemList | ErrorResponse]:
    """List the items a response was given; newest first unless `order=asc`.

    Args:
        response_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationItemList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        response_id=response_id,
        limit=limit,
        order=order,
        after=after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    response_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
) -> ConversationItemList | ErrorResponse | None:
    """List the items a response was given; newest first unless `order=asc`.

    Args:
        response_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationItemList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            response_id=response_id,
            client=client,
            limit=limit,
            order=order,
            after=after,
        )
    ).parsed
