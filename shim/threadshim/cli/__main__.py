"""``python -m threadshim.cli``: the same as the ``threadshim`` command."""

from . import entry_point

entry_point()
