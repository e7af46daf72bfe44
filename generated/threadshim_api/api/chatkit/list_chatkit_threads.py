from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.chat_kit_thread_list import ChatKitThreadList
from ...models.error_response import ErrorResponse
from ...models.list_order import ListOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    user: str | Unset = UNSET,
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

    params["user"] = user

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chatkit/threads",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatKitThreadList | ErrorResponse:
    if response.status_code == 200:
        response_200 = ChatKitThreadList.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChatKitThreadList | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    user: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> Response[ChatKitThreadList | ErrorResponse]:
    """List ChatKit threads, newest first unless asked otherwise.

    Args:
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        user (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatKitThreadList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        order=order,
        after=after,
        before=before,
        user=user,
        open_ai_beta=open_ai_beta,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    user: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> ChatKitThreadList | ErrorResponse | None:
    """List ChatKit threads, newest first unless asked otherwise.

    Args:
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        user (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatKitThreadList | ErrorResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        order=order,
        after=after,
        before=before,
        user=user,
        open_ai_beta=open_ai_beta,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    user: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> Response[ChatKitThreadList | ErrorResponse]:
    """List ChatKit threads, newest first unless asked otherwise.

    Args:
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        user (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatKitThreadList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        order=order,
        after=after,
        before=before,
        user=user,
        open_ai_beta=open_ai_beta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    user: str | Unset = UNSET,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> ChatKitThreadList | ErrorResponse | None:
    """List ChatKit threads, newest first unless asked otherwise.

    Args:
        limit (int | Unset):
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        user (str | Unset):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatKitThreadList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            order=order,
            after=after,
            before=before,
            user=user,
            open_ai_beta=open_ai_beta,
        )
    ).parsed
