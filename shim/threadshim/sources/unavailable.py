"""A place that cannot be reached as configured (no API key): every operation says so, and it lists nothing."""

from __future__ import annotations

from .._errors import ConfigurationError
from .._routing import Kind
from ._base import Source


class Unavailable(Source):
    """Stands in for an API when no key is configured, so that an archive can still be read offline."""

    can_list = False

    def __init__(self, kind: Kind, name: str, *, named_by_callers: bool = True) -> None:
        self.kind = kind
        self.name = name
        self.named_by_callers = named_by_callers

    def unsupported(self, action: str) -> ConfigurationError:
        """No key, so nothing can be asked of the API."""
        return ConfigurationError(
            f"cannot {action}: {self.name} needs an API key; set OPENAI_API_KEY or pass one "
            "(api_key=... in Python, --api-key on the command line)"
        )


class NoStore(Unavailable):
    """Stands in for a ChatKit store when none is named, so ``thr_…`` ids say what to pass."""

    def unsupported(self, action: str) -> ConfigurationError:
        """No store named, so ``thr_…`` threads cannot be found."""
        return ConfigurationError(
            f"cannot {action}: 'thr_…' threads live in a ChatKit store; name it "
            "(store='sqlite:///chatkit.db' or a postgresql:// URL in Python, --store on the command line)"
        )
