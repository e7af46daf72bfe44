from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.chat_kit_thread import ChatKitThread
from ...models.error_response import ErrorResponse
from ...types import Response, Unset


def _get_kwargs(
    thread_id: str,
    *,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(open_ai_beta, Unset):
        headers["OpenAI-Beta"] = open_ai_beta

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chatkit/threads/{thread_id}".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChatKitThread | ErrorResponse:
    if response.status_code == 200:
        response_200 = ChatKitThread.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChatKitThread | ErrorResponse]:
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
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> Response[ChatKitThread | ErrorResponse]:
    """Fetch one ChatKit thread by id.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatKitThread | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
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
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> ChatKitThread | ErrorResponse | None:
    """Fetch one ChatKit thread by id.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatKitThread | ErrorResponse
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        open_ai_beta=open_ai_beta,
    ).parsed


async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> Response[ChatKitThread | ErrorResponse]:
    """Fetch one ChatKit thread by id.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatKitThread | ErrorResponse]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        open_ai_beta=open_ai_beta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    open_ai_beta: str | Unset = "chatkit_beta=v1",
) -> ChatKitThread | ErrorResponse | None:
    """Fetch one ChatKit thread by id.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'chatkit_beta=v1'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatKitThread | ErrorResponse
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            open_ai_beta=open_ai_beta,
        )
    ).parsed
