"""What a migration checks before it writes anything: which target it is, who migrated the archive, and a first call.

Each check refuses a slip that would otherwise duplicate or silently skip a team's threads: a
journal reused against another server (:func:`conversations_identity`), a second journal for an
archive already migrated to the same target (:func:`check_claim`), and a target that cannot be
reached or refuses the key (:func:`preflight`), all in one line before the first thread is sent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit, urlunsplit

from threadshim_api.api.conversations import retrieve_conversation

from .._config import Settings
from .._engine.drivers import AsyncDriver
from .._engine.steps import Call, Request
from .._errors import (
    APIError,
    APIStatusError,
    ArchiveClaimed,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    TargetUnusable,
)
from .._journal import Journal
from .._json import loads
from .._paths import same_file
from ..archive import Archive

PROBE_ID = "conv_threadshim_preflight_0000000000000000000000000000"
"""A conversation no one has: asking for it proves the server answers and takes the key, and changes nothing."""


def conversations_identity(settings: Settings) -> str:
    """The one Conversations API a journal records: base URL (scheme and host in lower case), organization, project."""
    parts = urlsplit(settings.base_url)
    url = urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower())).rstrip("/")
    return f"{url} (organization {settings.organization or 'none'}, project {settings.project or 'none'})"


def claims_path(archive: Path) -> Path:
    """The side file recording which journal migrated ``archive`` to which target."""
    return archive.with_name(archive.name + ".migrations.json")


def _claims(archive: Path) -> list[dict[str, str]]:
    try:
        saved = loads(claims_path(archive).read_bytes())
    except (OSError, ValueError):  # none yet, or unreadable: the journal's own identity check still stands
        return []
    entries = saved.get("migrations") if isinstance(saved, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def check_claim(archive: Path, target: str, identity: str, journal: Path, *, new_journal: bool = False) -> None:
    """Refuse a second journal for the same archive and target (:class:`ArchiveClaimed`), unless ``new_journal``."""
    if new_journal:
        return
    for claim in _claims(archive):
        if claim.get("target") == target and claim.get("identity") == identity:
            first = str(claim.get("journal"))
            if not same_file(first, journal):
                raise ArchiveClaimed(
                    f"{archive} was migrated to {target} {identity} with the journal {first}; continue with "
                    f"--journal {first} (a second journal sends every thread again), or pass --new-journal to "
                    "start over on purpose"
                )


def record_claim(archive: Path, target: str, identity: str, journal: Path) -> str | None:
    """Record that ``journal`` migrates ``archive`` to this target; a warning when the side file cannot be written."""
    kept = [c for c in _claims(archive) if (c.get("target"), c.get("identity")) != (target, identity)]
    kept.append({"target": target, "identity": identity, "journal": os.path.realpath(journal)})
    path = claims_path(archive)
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(json.dumps({"migrations": kept}, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        return f"cannot record the journal beside the archive ({path}: {exc.strerror}); keep using {journal}"
    return None


def announce(journal: Journal, archive: Archive | None, stream: TextIO) -> None:
    """Say when an older journal adopted this target, and record which journal migrates the archive."""
    if journal.adopted:
        print(
            f"threadshim: notice: {journal.path} was made before journals recorded their target; "
            f"it now records {journal.target.split()[0] if journal.target else ''} {journal.identity}",
            file=stream,
        )
    if archive is not None and journal.target is not None and journal.identity is not None:
        warning = record_claim(archive.path, journal.target.split()[0], journal.identity, journal.path)
        if warning is not None:
            print(f"threadshim: warning: {warning}", file=stream)


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
