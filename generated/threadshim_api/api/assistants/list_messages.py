from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_order import ListOrder
from ...models.message_list import MessageList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thread_id: str,
    *,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    run_id: str | Unset = UNSET,
    open_ai_beta: str | Unset = "assistants=v2",
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

    params["run_id"] = run_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/threads/{thread_id}/messages".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | MessageList:
    if response.status_code == 200:
        response_200 = MessageList.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | MessageList]:
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
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    run_id: str | Unset = UNSET,
    open_ai_beta: str | Unset = "assistants=v2",
) -> Response[ErrorResponse | MessageList]:
    """List the messages of a legacy thread.

    Args:
        thread_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        run_id (str | Unset):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageList]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        limit=limit,
        order=order,
        after=after,
        before=before,
        run_id=run_id,
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
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    run_id: str | Unset = UNSET,
    open_ai_beta: str | Unset = "assistants=v2",
) -> ErrorResponse | MessageList | None:
    """List the messages of a legacy thread.

    Args:
        thread_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        run_id (str | Unset):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageList
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        limit=limit,
        order=order,
        after=after,
        before=before,
        run_id=run_id,
        open_ai_beta=open_ai_beta,
    ).parsed


async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    run_id: str | Unset = UNSET,
    open_ai_beta: str | Unset = "assistants=v2",
) -> Response[ErrorResponse | MessageList]:
    """List the messages of a legacy thread.

    Args:
        thread_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        run_id (str | Unset):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MessageList]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        limit=limit,
        order=order,
        after=after,
        before=before,
        run_id=run_id,
        open_ai_beta=open_ai_beta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    run_id: str | Unset = UNSET,
    open_ai_beta: str | Unset = "assistants=v2",
) -> ErrorResponse | MessageList | None:
    """List the messages of a legacy thread.

    Args:
        thread_id (str):
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort direction by creation time.
        after (str | Unset):
        before (str | Unset):
        run_id (str | Unset):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MessageList
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            limit=limit,
            order=order,
            after=after,
            before=before,
            run_id=run_id,
            open_ai_beta=open_ai_beta,
        )
    ).parsed
