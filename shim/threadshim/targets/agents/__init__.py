"""Agents SDK sessions as a migration target: each legacy thread one session (or one per key), in its own database.

Only the options live here (cheap to import); the target, which needs the ``agents`` extra
(``openai-agents``, SQLAlchemy for PostgreSQL), is in :mod:`.target`, loaded when chosen.
"""

from __future__ import annotations

import attrs

from ..._db_urls import SESSION_URL_FORMS
from ..._errors import InvalidRequest
from ..._validation import check_name, check_whole


@attrs.frozen
class AgentsOptions:
    """Where the sessions are, and which id each legacy thread's session gets."""

    sessions: str | None = attrs.field(
        default=None,
        metadata={"help": f"the sessions' database: {SESSION_URL_FORMS}", "metavar": "URL", "where": True},
    )
    session_id: str = attrs.field(
        default="thread",
        metadata={
            "help": "each session's id: thread (the legacy thread id) or a metadata key",
            "metavar": "thread|KEY",
        },
    )
    concatenate: bool = attrs.field(
        default=False,
        metadata={"help": "threads whose --session-id KEY has one value share a session, oldest first", "flag": True},
    )
    concurrency: int = attrs.field(default=16, metadata={"cli": False})
    """Threads written at once (each waits on its session's database and the journal in turn)."""
    workers: int = attrs.field(
        default=2, metadata={"help": "processes reading and planning ahead, 0 for none", "low": 0}
    )

    def __attrs_post_init__(self) -> None:
        if not self.sessions:
            raise InvalidRequest(f"--to agents needs --sessions: {SESSION_URL_FORMS}")
        check_name("session_id", self.session_id)
        if not isinstance(self.concatenate, bool):
            raise InvalidRequest(f"concatenate is True or False, not {self.concatenate!r}")
        if self.concatenate and self.session_id == "thread":
            raise InvalidRequest("--concatenate needs --session-id KEY: with --session-id thread no session is shared")
        check_whole("concurrency", self.concurrency, 1)
        check_whole("workers", self.workers, 0)
