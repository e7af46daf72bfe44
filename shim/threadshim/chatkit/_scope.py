"""Whose threads a request sees: the store asks a function for the user (or tenant) of each request context."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._errors import MissingUser

UserOf = Callable[[Any], str]
"""A function from ChatKit's request context to the user (or tenant) whose threads it may see."""


def user_from_context(context: object) -> str:
    """The default :data:`UserOf`: ``context["user_id"]`` for a mapping, else ``context.user_id``.

    A context with no user raises :class:`MissingUser` rather than showing anyone's threads: pass
    ``user_of=`` to the store to read the user from somewhere else (a tenant, a session object).
    """
    value = context.get("user_id") if isinstance(context, Mapping) else getattr(context, "user_id", None)
    if not isinstance(value, str) or not value:
        raise MissingUser(
            f"the request context ({type(context).__name__}) names no user: put a non-empty 'user_id' in it, "
            "or give the store user_of= a function that returns the user of a context"
        )
    return value
