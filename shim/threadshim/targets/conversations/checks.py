"""What a run checks of the Conversations API before it writes: which API it is, and that it answers and takes the key.

A journal records :func:`conversations_identity` and refuses another; :func:`preflight` makes one
read that no migration writes, so a wrong URL or key stops the run in one line before anything is sent.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from threadshim_api.api.conversations import retrieve_conversation

from ..._config import Settings
from ..._engine.drivers import AsyncDriver
from ..._engine.steps import Call, Request
from ..._errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    TargetUnusable,
)

PROBE_ID = "conv_threadshim_preflight_0000000000000000000000000000"
"""A conversation no one has: asking for it proves the server answers and takes the key, and changes nothing."""


def conversations_identity(settings: Settings) -> str:
    """The one Conversations API a journal records: base URL (scheme and host in lower case), organization, project."""
    parts = urlsplit(settings.base_url)
    url = urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower())).rstrip("/")
    return f"{url} (organization {settings.organization or 'none'}, project {settings.project or 'none'})"


def _probe() -> Call[None]:
    yield Request.from_kwargs(retrieve_conversation._get_kwargs(PROBE_ID))


async def preflight(driver: AsyncDriver, settings: Settings) -> None:
    """One read that no migration writes: stop if the server is unreachable, is not the API, or refuses the key.

    A 404 for the probe conversation is the answer wanted; one that says ``Invalid URL`` (or is not
    the API's JSON) means the base URL is wrong. Raises :class:`TargetUnusable` saying what to do.
    """
    where = settings.base_url
    try:
        await driver.run(_probe())
    except NotFoundError as exc:
        if "Invalid URL" not in str(exc) and isinstance(exc.body, dict):
            return
        hint = "" if where.endswith("/v1") else "; the base URL usually ends in /v1"
        raise TargetUnusable(f"{where} does not serve the Conversations API ({exc}){hint}; nothing was sent") from None
    except (AuthenticationError, PermissionDeniedError) as exc:
        raise TargetUnusable(
            f"{where} refused the key ({exc}); check OPENAI_API_KEY, the organization and the project; nothing was sent"
        ) from None
    except APIStatusError as exc:
        if exc.status_code < 500:
            return  # the server answered as the API does, and took the key
        raise TargetUnusable(f"{where} is failing ({exc}); try again later; nothing was sent") from None
    except APIError as exc:
        raise TargetUnusable(f"cannot reach {where} ({exc}); nothing was sent") from None
