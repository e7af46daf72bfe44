"""``python -m threadshim``: the same as the ``threadshim`` command."""

from .cli import entry_point

entry_point()
