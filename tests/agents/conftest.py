"""What the sessions tests share: a sessions database on SQLite and on the throwaway PostgreSQL cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..chatkit.conftest import postgres_cluster, postgres_url

__all__ = ["postgres_cluster", "postgres_url"]


@pytest.fixture(params=["sqlite", "postgres"])
def sessions_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty sessions database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'agents.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
