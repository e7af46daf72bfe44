"""Where legacy threads move to: a registry of targets, each in its own folder, loaded only when chosen.

A target is registered by a :class:`TargetKind`: its name, its options (an attrs class: the
library's keyword arguments and the CLI's ``--to NAME`` group are built from its fields), and the
module whose ``build(options, context)`` makes it. ``register`` adds one (a test target, say).
"""

from __future__ import annotations

import importlib
from typing import Any

import attrs

from .._errors import InvalidRequest
from .agents import AgentsOptions
from .base import Context, Target
from .chatkit import ChatKitOptions
from .conversations import ConversationsOptions


@attrs.frozen
class TargetKind:
    """A target the engine can build: ``module.build(options, context)`` makes it.

    ``needs_key``: it is an API that needs the account's key. ``column``: the report's name for a
    thread's id there. ``successor``: the source that reads a migrated thread (``ThreadShim(journal=…)``
    resolves old ids through it): ``conversations``, ``store`` or ``agents``, or None when threadshim cannot read it.
    """

    name: str
    options: type[Any]
    module: str
    needs_key: bool = False
    column: str = "target_id"
    successor: str | None = None

    def build(self, options: Any, context: Context) -> Target:
        """The target, its module imported now (its optional dependencies with it)."""
        built: Target = importlib.import_module(self.module).build(options, context)
        return built


TARGETS: dict[str, TargetKind] = {}
"""Every registered target, by name."""


def register(kind: TargetKind) -> None:
    """Make ``kind`` a target ``migrate(to=kind.name)`` and ``threadshim migrate --to`` can choose."""
    TARGETS[kind.name] = kind


def target_kind(name: object) -> TargetKind:
    """The target named ``name``; :class:`InvalidRequest` naming the choices otherwise."""
    kind = TARGETS.get(name) if isinstance(name, str) else None
    if kind is None:
        raise InvalidRequest(f"cannot migrate to {name!r}: choose one of {', '.join(TARGETS)}")
    return kind


def recorded_kind(target: str | None) -> TargetKind | None:
    """The kind of target a journal records (its ``target`` setting), or None when it is not registered."""
    return TARGETS.get((target or "").split(" ")[0])


register(
    TargetKind(
        "conversations", ConversationsOptions, f"{__name__}.conversations.target",
        needs_key=True, column="conversation_id", successor="conversations",
    )
)  # fmt: skip
register(
    TargetKind("chatkit", ChatKitOptions, f"{__name__}.chatkit.target", column="chatkit_thread_id", successor="store")
)
register(TargetKind("agents", AgentsOptions, f"{__name__}.agents.target", column="session_id", successor="agents"))

__all__ = ["TARGETS", "Context", "Target", "TargetKind", "recorded_kind", "register", "target_kind"]
