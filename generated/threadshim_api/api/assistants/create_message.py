from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_message_request import CreateMessageRequest
from ...models.error_response import ErrorResponse
from ...models.message import Message
from ...types import Response, Unset


def _get_kwargs(
    thread_id: str,
    *,
    body: CreateMessageRequest,
    open_ai_beta: str | Unset = "assistants=v2",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(open_ai_beta, Unset):
        headers["OpenAI-Beta"] = open_ai_beta

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/threads/{thread_id}/messages".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | Message:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Message]:
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
    body: CreateMessageRequest,
    open_ai_beta: str | Unset = "assistants=v2",
) -> Response[ErrorResponse | Message]:
    """Add a message to a legacy thread.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.
        body (CreateMessageRequest): A message to add.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Message]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
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
    body: CreateMessageRequest,
    open_ai_beta: str | Unset = "assistants=v2",
) -> ErrorResponse | Message | None:
    """Add a message to a legacy thread.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.
        body (CreateMessageRequest): A message to add.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Message
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        body=body,
        open_ai_beta=open_ai_beta,
    ).parsed


async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateMessageRequest,
    open_ai_beta: str | Unset = "assistants=v2",
) -> Response[ErrorResponse | Message]:
    """Add a message to a legacy thread.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.
        body (CreateMessageRequest): A message to add.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Message]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
        open_ai_beta=open_ai_beta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateMessageRequest,
    open_ai_beta: str | Unset = "assistants=v2",
) -> ErrorResponse | Message | None:
    """Add a message to a legacy thread.

    Args:
        thread_id (str):
        open_ai_beta (str | Unset):  Default: 'assistants=v2'.
        body (CreateMessageRequest): A message to add.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Message
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
            open_ai_beta=open_ai_beta,
        )
    ).parsed
