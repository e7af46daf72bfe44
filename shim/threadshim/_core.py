"""The logic both clients share, written once: each operation is a generator that yields the
HTTP requests it needs and receives the responses, so the sync and async clients only differ in
how they send (httpx's ``BaseClient`` split is the model).

A generator yields ``httpx.Request`` (and gets the successful ``httpx.Response``), ``Batch``
(and gets one response or :class:`APIError` per request, sent concurrently) or ``Emit`` (a value
for the caller of an iterator).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, TypedDict

import attrs
import httpx
from threadshim_api.api.assistants import delete_thread, list_messages, modify_thread, retrieve_thread
from threadshim_api.api.chatkit import (
    delete_chatkit_thread,
    list_chatkit_thread_items,
    list_chatkit_threads,
    retrieve_chatkit_thread,
)
from threadshim_api.models import ModifyThreadRequest
from threadshim_api.types import UNSET
from typing_extensions import Unpack

from ._config import Settings
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InvalidRequest,
    InvalidThreadId,
    NotFoundError,
    UnexpectedResponse,
    UnsupportedOperation,
    status_error_class,
)
from ._limits import (
    MAX_CODE_INTERPRETER_FILES,
    MAX_METADATA_KEY,
    MAX_METADATA_KEYS,
    MAX_METADATA_VALUE,
    MAX_PAGE_SIZE,
    MAX_USER,
    MAX_VECTOR_STORES,
)
from ._mapping import item_from, thread_from
from ._models import ToolResources, UnifiedThread
from ._retry import RetryPolicy
from ._routing import Source, source_of
from .archive import Archive

PAGE_SIZE = MAX_PAGE_SIZE
Order = Literal["asc", "desc"]


@attrs.frozen
class Batch:
    """Requests to send concurrently."""

    requests: list[httpx.Request]


@attrs.frozen
class Emit:
    """A value for the caller of an iterator."""

    value: Any


Step = httpx.Request | Batch | Emit
Op = Generator[Step, Any, Any]


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    """Map an httpx transport failure to threadshim's error (no request headers, so no key, in it)."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out: {type(exc).__name__}")
    return APIConnectionError(f"connection failed: {type(exc).__name__}: {exc}")


def check(response: httpx.Response) -> httpx.Response:
    """Return a 2xx response; raise the typed error for anything else."""
    if response.status_code < 400:
        return response
    request_id = response.headers.get("x-request-id")
    try:
        body: Any = json.loads(response.content)
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    fields = error if isinstance(error, dict) else {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        return value if isinstance(value, str) else None

    message = text("message") or response.reason_phrase or "error"
    raise status_error_class(response.status_code)(
        message,
        status_code=response.status_code,
        type=text("type"),
        code=text("code"),
        param=text("param"),
        request_id=request_id,
        body=body if body is not None else response.content,
    )


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The response body as a JSON object, or :class:`UnexpectedResponse` carrying the raw bytes."""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise UnexpectedResponse(
            "the API answered with something other than a JSON object",
            status_code=response.status_code,
            body=response.content,
            request_id=response.headers.get("x-request-id"),
        )
    return body


def _objects(page: Mapping[str, Any]) -> list[dict[str, Any]]:
    data = page.get("data")
    return [entry for entry in data if isinstance(entry, dict)] if isinstance(data, list) else []


def _next_cursor(page: Mapping[str, Any]) -> str | None:
    last = page.get("last_id")
    if page.get("has_more") is True and isinstance(last, str) and last:
        return last
    return None


def _order(order: str) -> Order:
    if order not in ("asc", "desc"):
        raise InvalidRequest(f"order must be 'asc' or 'desc', not {order!r}")
    return "asc" if order == "asc" else "desc"


def check_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    """Refuse metadata the API would refuse: at most 16 string pairs, keys ≤ 64 and values ≤ 512 characters."""
    if not isinstance(metadata, Mapping):
        raise InvalidRequest(f"metadata must be a mapping of strings, not {type(metadata).__name__}")
    if len(metadata) > MAX_METADATA_KEYS:
        raise InvalidRequest(f"metadata has {len(metadata)} keys; the API allows at most {MAX_METADATA_KEYS}")
    for key, value in metadata.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise InvalidRequest(f"metadata keys and values must be strings; {key!r} maps to {type(value).__name__}")
        if len(key) > MAX_METADATA_KEY:
            raise InvalidRequest(f"metadata key {key[:20]!r}… is {len(key)} characters; at most {MAX_METADATA_KEY}")
        if len(value) > MAX_METADATA_VALUE:
            raise InvalidRequest(f"metadata value for {key!r} is {len(value)} characters; at most {MAX_METADATA_VALUE}")
    return dict(metadata)


def check_tool_resources(resources: ToolResources | Mapping[str, Any]) -> dict[str, Any]:
    """Refuse tool resources the API would refuse: at most 20 code-interpreter files and 1 vector store."""
    body = resources.to_api() if isinstance(resources, ToolResources) else dict(resources)
    files = (
        body.get("code_interpreter", {}).get("file_ids", []) if isinstance(body.get("code_interpreter"), dict) else []
    )
    stores = (
        body.get("file_search", {}).get("vector_store_ids", []) if isinstance(body.get("file_search"), dict) else []
    )
    if len(files) > MAX_CODE_INTERPRETER_FILES:
        raise InvalidRequest(
            f"{len(files)} code-interpreter files; the API allows at most {MAX_CODE_INTERPRETER_FILES}"
        )
    if len(stores) > MAX_VECTOR_STORES:
        raise InvalidRequest(f"{len(stores)} vector stores; the API allows at most {MAX_VECTOR_STORES}")
    return body


def _created(thread: UnifiedThread) -> float:
    return thread.created_at.timestamp() if thread.created_at is not None else 0.0


class ShimOptions(TypedDict, total=False):
    """The settings :class:`ThreadShim` and :class:`AsyncThreadShim` take besides their ``http_client``."""

    api_key: str | None
    base_url: str | None
    organization: str | None
    project: str | None
    timeout: float | httpx.Timeout | None
    max_retries: int
    title_key: str
    user_key: str
    concurrency: int
    archive: Archive | str | Path | None


class ShimCore:
    """Settings, request building and the operations, shared by :class:`ThreadShim` and :class:`AsyncThreadShim`."""

    def __init__(self, **options: Unpack[ShimOptions]) -> None:
        concurrency = options.get("concurrency", 8)
        if concurrency < 1:
            raise InvalidRequest(f"concurrency must be at least 1, not {concurrency}")
        settings = Settings.resolve(
            api_key=options.get("api_key"),
            base_url=options.get("base_url"),
            organization=options.get("organization"),
            project=options.get("project"),
            timeout=options.get("timeout"),
            max_retries=options.get("max_retries", 2),
        )
        title_key, user_key = options.get("title_key", "title"), options.get("user_key", "user")
        archive = options.get("archive")
        self.settings = settings
        self.title_key = title_key
        self.user_key = user_key
        self.concurrency = concurrency
        self.archive = (
            archive
            if isinstance(archive, Archive) or archive is None
            else Archive(archive, title_key=title_key, user_key=user_key)
        )
        self._headers = settings.headers()
        self._timeout = settings.timeout.as_dict()
        self._policy = RetryPolicy(max_retries=settings.max_retries)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.settings.base_url!r})"

    def _build(self, kwargs: Mapping[str, Any]) -> httpx.Request:
        return httpx.Request(
            kwargs["method"].upper(),
            self.settings.base_url + kwargs["url"],
            params=kwargs.get("params"),
            json=kwargs.get("json"),
            headers={**self._headers, **kwargs.get("headers", {})},
            extensions={"timeout": self._timeout},
        )

    def _thread(self, source: Source, raw: dict[str, Any]) -> UnifiedThread:
        return thread_from(source, raw, self.title_key, self.user_key)

    def _archived(self, source: Source) -> Archive | None:
        return self.archive if source == "assistants" else None

    def _writable(self, source: Source, action: str) -> None:
        archive = self._archived(source)
        if archive is not None:
            raise UnsupportedOperation(
                f"cannot {action}: legacy threads come from the read-only archive {archive.path}"
            )

    # ---------------------------------------------------------------- operations

    def retrieve_op(self, thread_id: str) -> Op:
        """Fetch one thread of either kind."""
        source = source_of(thread_id)
        archive = self._archived(source)
        if archive is not None:
            return archive.retrieve(thread_id)
        module = retrieve_chatkit_thread if source == "chatkit" else retrieve_thread
        response = yield self._build(module._get_kwargs(thread_id))
        return self._thread(source, json_object(response))

    def delete_op(self, thread_id: str) -> Op:
        """Delete one thread of either kind; return what the API said about ``deleted``."""
        source = source_of(thread_id)
        self._writable(source, "delete")
        module = delete_chatkit_thread if source == "chatkit" else delete_thread
        response = yield self._build(module._get_kwargs(thread_id))
        return json_object(response).get("deleted") is True

    def update_op(
        self,
        thread_id: str,
        metadata: Mapping[str, str] | None,
        tool_resources: ToolResources | Mapping[str, Any] | None,
    ) -> Op:
        """Replace a legacy thread's metadata and/or tool resources, checked against the API's limits first."""
        if source_of(thread_id) == "chatkit":
            raise UnsupportedOperation(
                "ChatKit threads cannot be updated through the API: their title and status are set by ChatKit "
                "itself, and they have no metadata or tool resources"
            )
        self._writable("assistants", "update")
        body: dict[str, Any] = {}
        if metadata is not None:
            body["metadata"] = check_metadata(metadata)
        if tool_resources is not None:
            body["tool_resources"] = check_tool_resources(tool_resources)
        if not body:
            raise InvalidRequest("update needs metadata=..., tool_resources=... or both")
        request = modify_thread._get_kwargs(thread_id, body=ModifyThreadRequest.from_dict(body))
        response = yield self._build(request)
        return self._thread("assistants", json_object(response))

    def items_op(self, thread_id: str, order: str) -> Op:
        """Every item of a thread, page after page, as unified items."""
        source = source_of(thread_id)
        direction = _order(order)
        archive = self._archived(source)
        if archive is not None:
            for item in archive.items(thread_id, direction):
                yield Emit(item)
            return
        after: str | None = None
        while True:
            if source == "chatkit":
                kwargs = list_chatkit_thread_items._get_kwargs(
                    thread_id, limit=PAGE_SIZE, order=direction, after=after or UNSET
                )
            else:
                kwargs = list_messages._get_kwargs(thread_id, limit=PAGE_SIZE, order=direction, after=after or UNSET)
            page = json_object((yield self._build(kwargs)))
            for raw in _objects(page):
                yield Emit(item_from(source, raw))
            after = _next_cursor(page)
            if after is None:
                return

    def list_op(
        self,
        user: str | None,
        order: str,
        legacy_ids: Iterable[str] | None,
        on_missing: Literal["raise", "skip"],
    ) -> Op:
        """ChatKit threads (paged) merged lazily with legacy threads fetched by id, in ``created_at`` order.

        ``legacy_ids`` should come in the same ``created_at`` order as ``order`` (as a database
        query sorted by creation time gives them); the merge then holds only a page and a batch.
        """
        direction = _order(order)
        if user is not None and (not isinstance(user, str) or not 1 <= len(user) <= MAX_USER):
            raise InvalidRequest(f"user must be a string of 1 to {MAX_USER} characters")
        if on_missing not in ("raise", "skip"):
            raise InvalidRequest(f"on_missing must be 'raise' or 'skip', not {on_missing!r}")
        chatkit: deque[UnifiedThread] = deque()
        legacy: deque[UnifiedThread] = deque()
        chatkit_after: str | None = None
        chatkit_done = False
        if legacy_ids is None and self.archive is not None:
            legacy_ids = self.archive.ids(order=direction, user=user)
        pending: Iterator[str] = iter(legacy_ids or ())
        legacy_done = legacy_ids is None
        while True:
            if not chatkit and not chatkit_done:
                kwargs = list_chatkit_threads._get_kwargs(
                    limit=PAGE_SIZE,
                    order=direction,
                    after=chatkit_after or UNSET,
                    user=user if user is not None else UNSET,
                )
                page = json_object((yield self._build(kwargs)))
                chatkit.extend(self._thread("chatkit", raw) for raw in _objects(page))
                chatkit_after = _next_cursor(page)
                chatkit_done = chatkit_after is None
            while not legacy and not legacy_done:
                ids = [_legacy_id(i) for _, i in zip(range(self.concurrency), pending, strict=False)]
                legacy_done = len(ids) < self.concurrency
                if not ids:
                    break
                for answer in (yield from self._fetch_legacy(ids)):
                    if isinstance(answer, NotFoundError) and on_missing == "skip":
                        continue
                    if isinstance(answer, APIError):
                        raise answer
                    thread = (
                        answer if isinstance(answer, UnifiedThread) else self._thread("assistants", json_object(answer))
                    )
                    if user is None or thread.user == user:
                        legacy.append(thread)
            if not chatkit and not legacy:
                return
            if not legacy or (chatkit and (_created(chatkit[0]) <= _created(legacy[0])) == (direction == "asc")):
                yield Emit(chatkit.popleft())
            else:
                yield Emit(legacy.popleft())

    def _fetch_legacy(self, ids: list[str]) -> Generator[Step, Any, list[Any]]:
        """Legacy threads by id: from the archive when there is one, else one concurrent batch of requests."""
        if self.archive is None:
            answers: list[Any] = yield Batch([self._build(retrieve_thread._get_kwargs(i)) for i in ids])
            return answers
        found: list[Any] = []
        for thread_id in ids:
            try:
                found.append(self.archive.retrieve(thread_id))
            except NotFoundError as exc:
                found.append(exc)
        return found


def _legacy_id(thread_id: str) -> str:
    if source_of(thread_id) != "assistants":
        raise InvalidThreadId(thread_id, "legacy_ids must hold Assistants thread ids ('thread_…')")
    return thread_id
