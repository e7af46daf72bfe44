"""threadshim: one interface over legacy Assistants threads and ChatKit threads."""

__version__ = "0.1.0"

__all__ = ["__version__"]
