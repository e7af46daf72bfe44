"""``ThreadShim`` and ``AsyncThreadShim``: one set of operations, run by a sync and by an async driver."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal, TypedDict

import httpx
from typing_extensions import Unpack

from ._config import DEFAULT_TIMEOUT, Settings
from ._engine.drivers import AsyncDriver, SyncDriver
from ._errors import ConfigurationError, InvalidRequest, redact
from ._journal import Journal
from ._limits import DEFAULT_MAX_RESPONSE_BYTES
from ._models import Page, ToolResourcesLike, UnifiedItem, UnifiedThread
from ._operations import OnMissing, Operations
from ._pool import PooledTransport
from ._retry import RetryPolicy
from .archive import Archive
from .sources import (
    Changes,
    Order,
)
from .sources.named_store import sessions_source, store_source
from .sources.wiring import Given, sources_for
from .targets import recorded_kind


class ShimOptions(TypedDict, total=False):
    """The settings :class:`ThreadShim` and :class:`AsyncThreadShim` take besides their ``http_client``."""

    api_key: str | None
    base_url: str | None
    organization: str | None
    project: str | None
    timeout: float | httpx.Timeout | None
    max_retries: int
    retry_policy: RetryPolicy | None
    max_response_bytes: int
    title_key: str
    user_key: str
    concurrency: int
    archive: Archive | str | Path | None
    journal: Journal | str | Path | None
    store: str | None
    sessions: str | None


class _Shim:
    """What both clients share: settings, the retry policy, the sources and the operations over them."""

    def __init__(self, options: ShimOptions) -> None:
        unknown = sorted(set(options) - set(ShimOptions.__annotations__))
        if unknown:
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {unknown[0]!r}")
        concurrency = options.get("concurrency", 8)
        if not isinstance(concurrency, int) or concurrency < 1:
            raise InvalidRequest(f"concurrency must be at least 1, not {concurrency}")
        policy = options.get("retry_policy")
        if policy is not None and "max_retries" in options:
            raise ConfigurationError("pass max_retries or retry_policy, not both")
        self.settings = Settings.resolve(
            api_key=options.get("api_key"),
            base_url=options.get("base_url"),
            organization=options.get("organization"),
            project=options.get("project"),
            timeout=options.get("timeout"),
            max_retries=policy.max_retries if policy is not None else options.get("max_retries", 2),
            max_response_bytes=options.get("max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES),
            require_key=all(options.get(name) is None for name in ("archive", "store", "sessions")),
        )
        self.retry_policy = policy or RetryPolicy(max_retries=self.settings.max_retries)
        self.title_key = options.get("title_key", "title")
        self.user_key = options.get("user_key", "user")
        self.concurrency = concurrency
        archive = options.get("archive")
        if archive is not None and not isinstance(archive, Archive):
            archive = Archive(archive, title_key=self.title_key, user_key=self.user_key)
        self.archive = archive
        journal = options.get("journal")
        self._owns_journal = journal is not None and not isinstance(journal, Journal)
        if journal is not None and not isinstance(journal, Journal):
            journal = Journal(journal, read_only=True)
        self.journal = journal
        self._store = store = store_source(options.get("store"))
        self._sessions = sessions = sessions_source(options.get("sessions"))
        keys = {"title_key": self.title_key, "user_key": self.user_key}
        kind = recorded_kind(journal.target) if journal is not None else None
        successor = kind.successor if kind is not None else "conversations"  # a journal older than targets: there
        sources = sources_for(Given(bool(self.settings.api_key), archive, store, keys, sessions), journal, successor)
        self._operations = Operations(sources, concurrency=concurrency)

    def _close_journal(self) -> None:
        if self._owns_journal and self.journal is not None:
            self.journal.close()
        for source in (self._store, self._sessions):
            if source is not None:
                source.close()

    @property
    def offline(self) -> bool:
        """Whether no API key is configured, so that only the archive is read."""
        return not self.settings.api_key

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={redact(self.settings.base_url)!r})"


class ThreadShim(_Shim):
    """One synchronous interface over every place threads live: Assistants, ChatKit and Conversations.

    Configured like the official SDK: ``api_key`` (else ``OPENAI_API_KEY``), ``base_url`` (else
    ``OPENAI_BASE_URL``, else ``https://api.openai.com/v1``), ``organization``/``project`` (else
    ``OPENAI_ORG_ID``/``OPENAI_PROJECT_ID``), ``timeout``, ``max_retries`` (or a whole
    ``retry_policy``) and an optional ``http_client``, whose headers, params, auth and hooks apply
    to every request. Legacy threads have no title or user of their own: they are read from the
    metadata keys ``title_key`` and ``user_key``. ``concurrency`` bounds the legacy fetches of
    :meth:`list`. With ``archive`` (an export file or :class:`~threadshim.archive.Archive`), legacy
    threads and their messages are read from it instead of the API (read-only); with an archive and
    no key, the client works offline: it lists and reads the archive only. With ``journal`` (the
    file ``threadshim migrate`` writes), a migrated ``thread_…`` id resolves to its conversation,
    ``legacy_id`` set; ids not migrated are read as before (offline, all of them from the archive).
    With ``store`` (``sqlite:///…`` or ``postgresql://…``, the ``chatkit`` extra), ``thr_…`` threads
    are read from that ChatKit store, every user's; with a journal of ``migrate --to chatkit`` too,
    migrated ``thread_…`` ids resolve to their store threads. With ``sessions`` (the ``agents``
    extra) and a journal of ``migrate --to agents``, they resolve to their Agents SDK sessions
    (``source="agents"``).
    """

    def __init__(self, *, http_client: httpx.Client | None = None, **options: Unpack[ShimOptions]) -> None:
        super().__init__(options)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=DEFAULT_TIMEOUT)
        self._driver = SyncDriver(self._http, self.settings, self.retry_policy, self.concurrency)

    def __enter__(self) -> ThreadShim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release connections (and the worker threads) this client opened."""
        self._driver.close()
        self._close_journal()
        if self._owns_http:
            self._http.close()

    def retrieve(self, thread_id: str) -> UnifiedThread:
        """Fetch a thread of any kind: ``thread_…`` from Assistants (or the archive), ``cthr_…`` from ChatKit."""
        return self._driver.run(self._operations.retrieve(thread_id))

    def list(
        self,
        *,
        user: str | None = None,
        order: Order = "desc",
        legacy_ids: Iterable[str] | None = None,
        on_missing: OnMissing = "raise",
    ) -> Iterator[UnifiedThread]:
        """Iterate over ChatKit threads (every page) merged with legacy threads, in ``created_at`` order.

        Neither the Assistants API nor the Conversations API can list, so their threads come from
        ``legacy_ids`` (``thread_…`` and ``conv_…`` ids in any order: they are all fetched,
        ``concurrency`` at a time, then sorted) or, with an archive, from the archive; those whose
        metadata ``user`` differs from ``user`` are left out. ``on_missing="skip"`` passes over ids
        that no longer exist.
        """
        return self._driver.iterate(self._operations.list(user, order, legacy_ids, on_missing))

    def items(self, thread_id: str, *, order: Order = "asc") -> Iterator[UnifiedItem]:
        """Iterate over a thread's messages (legacy) or items (ChatKit), every page, oldest first by default."""
        return self._driver.iterate(self._operations.items(thread_id, order))

    def items_page(
        self, thread_id: str, *, limit: int = 20, after: str | None = None, order: Order = "asc"
    ) -> Page[UnifiedItem]:
        """One page of a thread's items (``limit`` 1 to 100); pass ``after=page.next_after`` for the next."""
        return self._driver.run(self._operations.items_page(thread_id, order, limit, after))

    def list_page(
        self, *, user: str | None = None, limit: int = 20, after: str | None = None, order: Order = "desc"
    ) -> Page[UnifiedThread]:
        """One page of ChatKit threads (legacy threads cannot be listed: see :meth:`list`)."""
        return self._driver.run(self._operations.list_page(user, order, limit, after))

    def update(
        self,
        thread_id: str,
        *,
        metadata: Mapping[str, str] | None = None,
        tool_resources: ToolResourcesLike | None = None,
    ) -> UnifiedThread:
        """Replace a legacy thread's metadata and/or tool resources; ChatKit threads raise UnsupportedOperation."""
        return self._driver.run(self._operations.update(thread_id, Changes(metadata, tool_resources)))

    def delete(self, thread_id: str) -> bool:
        """Delete a thread (a ChatKit thread takes its items with it)."""
        return self._driver.run(self._operations.delete(thread_id))


class AsyncThreadShim(_Shim):
    """The asynchronous twin of :class:`ThreadShim`: the same arguments and methods, awaited."""

    def __init__(self, *, http_client: httpx.AsyncClient | None = None, **options: Unpack[ShimOptions]) -> None:
        super().__init__(options)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            transport=PooledTransport(max(32, self.concurrency)), timeout=DEFAULT_TIMEOUT
        )
        self._driver = AsyncDriver(self._http, self.settings, self.retry_policy)

    async def __aenter__(self) -> AsyncThreadShim:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Release connections this client opened."""
        self._close_journal()
        if self._owns_http:
            await self._http.aclose()

    async def retrieve(self, thread_id: str) -> UnifiedThread:
        """Fetch a thread of any kind."""
        return await self._driver.run(self._operations.retrieve(thread_id))

    def list(
        self,
        *,
        user: str | None = None,
        order: Literal["asc", "desc"] = "desc",
        legacy_ids: Iterable[str] | None = None,
        on_missing: OnMissing = "raise",
    ) -> AsyncIterator[UnifiedThread]:
        """Iterate (``async for``) over ChatKit threads merged with legacy threads; see :meth:`ThreadShim.list`."""
        return self._driver.iterate(self._operations.list(user, order, legacy_ids, on_missing))

    def items(self, thread_id: str, *, order: Order = "asc") -> AsyncIterator[UnifiedItem]:
        """Iterate (``async for``) over a thread's messages or items."""
        return self._driver.iterate(self._operations.items(thread_id, order))

    async def items_page(
        self, thread_id: str, *, limit: int = 20, after: str | None = None, order: Order = "asc"
    ) -> Page[UnifiedItem]:
        """One page of a thread's items; see :meth:`ThreadShim.items_page`."""
        return await self._driver.run(self._operations.items_page(thread_id, order, limit, after))

    async def list_page(
        self, *, user: str | None = None, limit: int = 20, after: str | None = None, order: Order = "desc"
    ) -> Page[UnifiedThread]:
        """One page of ChatKit threads; see :meth:`ThreadShim.list_page`."""
        return await self._driver.run(self._operations.list_page(user, order, limit, after))

    async def update(
        self,
        thread_id: str,
        *,
        metadata: Mapping[str, str] | None = None,
        tool_resources: ToolResourcesLike | None = None,
    ) -> UnifiedThread:
        """Replace a legacy thread's metadata and/or tool resources."""
        return await self._driver.run(self._operations.update(thread_id, Changes(metadata, tool_resources)))

    async def delete(self, thread_id: str) -> bool:
        """Delete a thread."""
        return await self._driver.run(self._operations.delete(thread_id))
