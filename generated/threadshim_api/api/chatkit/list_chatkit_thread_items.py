from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.chat_kit_thread_item_list import ChatKitThreadItemList
from ...models.error_response import ErrorResponse
from ...models.list_order import ListOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thread_id: str,
    *,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(open_ai_beta, Unset):
        headers["OpenAI-Beta"] = open_ai_beta

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["after"] = after

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chatkit/threads/{thread_id}/items".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatKitThreadItemList | ErrorResponse:
    if response.status_code == 200:
        response_200 = ChatKitThreadItemList.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChatKitThreadItemList | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> Response[ChatKitThreadItemList | ErrorResponse]:
    """List the items of one ChatKit thread.

    Args:
        thread_id (str):
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatKitThreadItemList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        limit=limit,
        order=order,
        after=after,
        before=before,
        open_ai_beta=open_ai_beta,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> ChatKitThreadItemList | ErrorResponse | None:
    """List the items of one ChatKit thread.

    Args:
        thread_id (str):
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatKitThreadItemList | ErrorResponse
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        limit=limit,
        order=order,
        after=after,
        before=before,
        open_ai_beta=open_ai_beta,
    ).parsed


async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> Response[ChatKitThreadItemList | ErrorResponse]:
    """List the items of one ChatKit thread.

    Args:
        thread_id (str):
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatKitThreadItemList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        limit=limit,
        order=order,
        after=after,
        before=before,
        open_ai_beta=open_ai_beta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> ChatKitThreadItemList | ErrorResponse | None:
    """List the items of one ChatKit thread.

    Args:
        thread_id (str):
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatKitThreadItemList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            limit=limit,
            order=order,
            after=after,
            before=before,
            open_ai_beta=open_ai_beta,
        )
    ).parsed
