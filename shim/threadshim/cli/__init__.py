"""The ``threadshim`` command: inspect threads of every kind, export and verify legacy threads, serve the emulator.

Exit codes: 0 success, 1 an API, file or disk failure (or threads missed), 2 bad usage or a bad
input file, 130 interrupted. Every error is one line on stderr; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from .._errors import (
    ArchiveClaimed,
    ConfigurationError,
    IdsFileError,
    InvalidRequest,
    InvalidThreadId,
    JournalError,
    JournalWriteError,
    NotAnExport,
    NotFoundError,
    PathClash,
    ThreadShimError,
    UnsupportedOperation,
)
from .._version import __version__
from ._commands import COMMANDS, add_commands

DESCRIPTION = """\
Inspect threads of every kind (get, list, items), collect, export and verify legacy threads, migrate
them into Conversations, a ChatKit store or Agents SDK sessions exactly once, reconcile or undo a
migration, and serve a local emulator of the APIs.

Exit codes: 0 success, 1 an API, file or disk failure (or threads missed), 2 bad usage or a bad
input file, 130 interrupted. Every error is one line on stderr; --debug adds the traceback.
Run `threadshim COMMAND --help` for a command's options.
"""

_USAGE_ERRORS = (
    InvalidThreadId,
    InvalidRequest,
    ConfigurationError,
    UnsupportedOperation,
    FileExistsError,
    IdsFileError,
    NotAnExport,
    JournalError,
    PathClash,
    ArchiveClaimed,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="threadshim", description=DESCRIPTION, formatter_class=_Help)
    parser.add_argument("--version", action="version", version=f"threadshim {__version__}")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"), _Help)
    return parser


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help that keeps the description's lines and shows a default once, where there is one worth showing."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if "(default" in text or action.required or action.default in (None, False, argparse.SUPPRESS):
            return text
        return text + " (default: %(default)s)"


def _hint(error: BaseException, args: argparse.Namespace) -> str:
    base_url = getattr(args, "base_url", None) or ""
    if isinstance(error, NotFoundError) and "Invalid URL" in str(error) and not base_url.rstrip("/").endswith("/v1"):
        return " (the base URL usually ends in /v1, as in http://127.0.0.1:8787/v1)"
    full = isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO)
    if full and getattr(args, "command", None) in ("export", "migrate", "reconcile"):
        again = "with --resume" if args.command == "export" else "to continue"
        return f"; fix that (free some disk space, say) and re-run the same command {again}"
    return ""


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror}{where}"
    return str(error)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 failure, 2 bad usage, 130 interrupted)."""
    args = build_parser().parse_args(argv)
    logging.getLogger("psycopg").setLevel(logging.CRITICAL)  # its pool's retries: the one-line error says it all
    error: BaseException
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        resume = {
            "export": " re-run the same command with --resume to finish.",
            "migrate": " re-run the same command to continue where it stopped.",
            "reconcile": " re-run the same command to carry on where it stopped.",
        }.get(args.command, "")
        if args.command == "collect":  # it writes its archive whole or not at all
            print(
                "threadshim: interrupted; no archive was written (an earlier one at --out is as it was)",
                file=sys.stderr,
            )
        else:
            print(f"threadshim: interrupted; what was written is kept.{resume}", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say to it
        _quiet_stdout()
        return 0
    except ImportError as exc:
        if "extra" not in str(exc):
            raise
        code, error = 2, exc
    except JournalWriteError as exc:  # a disk's failure, not a slip of the user's
        code, error = 1, exc
    except _USAGE_ERRORS as exc:
        code, error = 2, exc
    except (ThreadShimError, OSError) as exc:
        code, error = 1, exc
    if getattr(args, "debug", False):
        traceback.print_exception(error)
    print(f"threadshim: error: {_describe(error)}{_hint(error, args)}", file=sys.stderr)
    return code


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not fail on the closed pipe again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s code."""
    sys.exit(main())
