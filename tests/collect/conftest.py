"""The throwaway PostgreSQL cluster of the store tests, for rows read with a query."""

from ..chatkit.conftest import postgres_cluster, postgres_url

__all__ = ["postgres_cluster", "postgres_url"]
