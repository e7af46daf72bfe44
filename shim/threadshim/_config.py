"""Client settings, resolved from arguments and then the environment, as the official SDK does."""

from __future__ import annotations

import os

import attrs
import httpx

from ._errors import ConfigurationError, register_secret
from ._limits import DEFAULT_MAX_RESPONSE_BYTES
from ._version import __version__

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)


@attrs.frozen
class Settings:
    """Where and how to reach the API. The key never appears in ``repr``."""

    api_key: str = attrs.field(repr=False)
    base_url: str
    organization: str | None = None
    project: str | None = None
    timeout: httpx.Timeout | None = None
    """None: the HTTP client's own timeout (threadshim's own clients use ``DEFAULT_TIMEOUT``)."""
    max_retries: int = 2
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        require_key: bool = True,
    ) -> Settings:
        """Fill what was not passed from OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID."""
        key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY", "")
        if not key and require_key:
            raise ConfigurationError(
                "no API key: set the OPENAI_API_KEY environment variable, or pass one "
                "(api_key=... in Python, --api-key on the command line)"
            )
        if not isinstance(key, str) or not key.isascii() or not key.isprintable() or key != key.strip():
            raise ConfigurationError(
                "the API key holds a line break, a control or a non-ASCII character, or spaces at either end; "
                "check how it was set (it is not shown here)"
            )
        register_secret(key)
        if not isinstance(max_response_bytes, int) or max_response_bytes < 1:
            raise ConfigurationError(f"max_response_bytes must be a positive whole number; got {max_response_bytes!r}")
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be a whole number, 0 or more; got {max_retries!r}")
        url = base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL
        if not url.startswith(("http://", "https://")):
            raise ConfigurationError(f"base_url must start with http:// or https://; got {url!r}")
        resolved = timeout if timeout is None or isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        return cls(
            api_key=key,
            base_url=url.rstrip("/"),
            organization=organization or os.environ.get("OPENAI_ORG_ID"),
            project=project or os.environ.get("OPENAI_PROJECT_ID"),
            timeout=resolved,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
        )

    def headers(self) -> dict[str, str]:
        """The headers every request carries."""
        headers = {"User-Agent": f"threadshim/{__version__}"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        return headers
