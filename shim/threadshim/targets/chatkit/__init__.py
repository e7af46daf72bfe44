"""A ChatKit store as a migration target: each thread written whole, ``group`` threads to a transaction.

Only the options live here (cheap to import); the target, which needs the ``chatkit`` extra, is in
:mod:`.target`, loaded when chosen.
"""

from __future__ import annotations

import attrs

from ..._errors import InvalidRequest
from ..._validation import check_name, check_whole


@attrs.frozen
class ChatKitOptions:
    """Which store, how a legacy thread's metadata names its title and user, and how the import is paced."""

    store: str | None = attrs.field(
        default=None,
        metadata={"help": "the ChatKit store: sqlite:///chatkit.db or postgresql://…", "metavar": "URL", "where": True},
    )
    title_key: str = attrs.field(default="title", metadata={"help": "metadata key holding a thread's title"})
    user_key: str = attrs.field(default="user", metadata={"help": "metadata key holding the user a thread belongs to"})
    default_user: str = attrs.field(
        default="default", metadata={"help": "store user of threads whose metadata names none"}
    )
    group: int = attrs.field(default=500, metadata={"help": "threads written per store transaction", "low": 1})
    workers: int = attrs.field(
        default=2, metadata={"help": "processes reading and planning ahead, 0 for none", "low": 0}
    )

    def __attrs_post_init__(self) -> None:
        if not self.store:
            raise InvalidRequest("--to chatkit needs --store: sqlite:///chatkit.db or postgresql://user@host/db")
        check_whole("group", self.group, 1)
        check_whole("workers", self.workers, 0)
        for name in ("title_key", "user_key", "default_user"):
            check_name(name, getattr(self, name))
