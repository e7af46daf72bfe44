from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_response_request import CreateResponseRequest
from ...models.error_response import ErrorResponse
from ...models.model_response import ModelResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateResponseRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/responses",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | ModelResponse:
    if response.status_code == 200:
        response_200 = ModelResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ModelResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> Response[ErrorResponse | ModelResponse]:
    """Create a model response, on a conversation or after a previous response.

    Args:
        body (CreateResponseRequest): What a response is made from. `conversation` and
            `previous_response_id` cannot both be given. The fields a text or function-call turn uses
            are modelled; the other published fields are accepted as the API takes them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ModelResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> ErrorResponse | ModelResponse | None:
    """Create a model response, on a conversation or after a previous response.

    Args:
        body (CreateResponseRequest): What a response is made from. `conversation` and
            `previous_response_id` cannot both be given. The fields a text or function-call turn uses
            are modelled; the other published fields are accepted as the API takes them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ModelResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> Response[ErrorResponse | ModelResponse]:
    """Create a model response, on a conversation or after a previous response.

    Args:
        body (CreateResponseRequest): What a response is made from. `conversation` and
            `previous_response_id` cannot both be given. The fields a text or function-call turn uses
            are modelled; the other published fields are accepted as the API takes them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ModelResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateResponseRequest,
) -> ErrorResponse | ModelResponse | None:
    """Create a model response, on a conversation or after a previous response.

    Args:
        body (CreateResponseRequest): What a response is made from. `conversation` and
            `previous_response_id` cannot both be given. The fields a text or function-call turn uses
            are modelled; the other published fields are accepted as the API takes them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ModelResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
