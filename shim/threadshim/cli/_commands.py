"""The subcommands: their options, and what each one runs (thin layers over the library)."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .._client import AsyncThreadShim, ThreadShim
from .._operations import OnMissing
from .._paths import refuse_clashes
from .._routing import Kind
from ..archive import DamagedArchiveWarning
from ..export import describe, export_with_report, report_path
from ..verify import verify
from ._asyncrun import run as run_async
from ._collect import add_collect, run_collect, run_ids
from ._demo import run_demo
from ._inputs import ids_file, whole
from ._migrate import add_migrate, run_migrate
from ._output import show
from ._reconcile import add_reconcile, run_reconcile
from ._serve import add_serve, run_serve

Formatter = type[argparse.HelpFormatter]


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text}")
    return value


def _api_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--api-key", help="API key (default: $OPENAI_API_KEY)")
    parser.add_argument("--base-url", help="API base URL (default: $OPENAI_BASE_URL or https://api.openai.com/v1)")
    parser.add_argument("--max-retries", type=whole(0), default=2, help="retries of a failed request")
    parser.add_argument("--timeout", type=_seconds, default=600.0, help="seconds one request may take in all")
    parser.add_argument("--debug", action="store_true", help="show the traceback of a failure")


def _reader_options(parser: argparse.ArgumentParser) -> None:
    _api_options(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object a line (every field and raw)")
    parser.add_argument(
        "--archive", type=Path, help="read legacy threads from this export file, not the API (no key needed)"
    )
    parser.add_argument(
        "--journal", type=Path, help="a `threadshim migrate` journal: migrated thread_… ids read where they went"
    )
    parser.add_argument(
        "--store", metavar="URL", help="a ChatKit store (sqlite:///… or postgresql://…) to read thr_… threads from"
    )
    parser.add_argument(
        "--sessions", metavar="URL", help="the Agents SDK sessions a --to agents journal's threads went to"
    )


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], formatter: Formatter) -> None:
    """Add every subcommand to ``commands``."""
    get = commands.add_parser("get", help="show one thread of any kind", formatter_class=formatter)
    get.add_argument("id", help="thread_…, cthr_… or conv_…")
    listing = commands.add_parser(
        "list", help="list ChatKit threads merged with legacy threads, by creation time", formatter_class=formatter
    )
    listing.add_argument("--user", help="only this user's threads (legacy: the metadata key 'user')")
    listing.add_argument(
        "--legacy-ids", type=Path, help="file of thread_… and conv_… ids, one a line, in any order (neither API lists)"
    )
    listing.add_argument("--order", choices=("asc", "desc"), default="desc", help="oldest or newest first")
    listing.add_argument("--skip-missing", action="store_true", help="pass over legacy ids that no longer exist")
    items = commands.add_parser("items", help="show a thread's messages or items", formatter_class=formatter)
    items.add_argument("id", help="thread_…, cthr_… or conv_…")
    for command in (get, listing, items):
        _reader_options(command)
    exporting = commands.add_parser(
        "export", help="export legacy threads and every message to a JSON-lines file", formatter_class=formatter
    )
    exporting.add_argument("--ids", type=Path, required=True, help="file of legacy thread ids, one a line")
    exporting.add_argument("--out", type=Path, required=True, help="the .jsonl file to write")
    exporting.add_argument("--concurrency", type=whole(1), default=8, help="threads fetched at once")
    exporting.add_argument("--resume", action="store_true", help="finish an interrupted export into the same file")
    _api_options(exporting)
    checking = commands.add_parser(
        "verify", help="check an export: threads, messages, damaged or duplicate lines", formatter_class=formatter
    )
    checking.add_argument("file", type=Path, help="the .jsonl file `threadshim export` wrote")
    demo = commands.add_parser(
        "demo", help="run the main job against an in-process emulator: no account needed", formatter_class=formatter
    )
    demo.add_argument(
        "--out", type=Path, metavar="DIR", help="an empty folder for the demo's files (default: a new temporary one)"
    )
    demo.add_argument("--debug", action="store_true", help="show the traceback of a failure")
    add_collect(commands, formatter)
    _api_options(add_migrate(commands, formatter))
    _api_options(add_reconcile(commands, formatter))
    add_serve(commands, formatter)


@contextmanager
def _archive_warnings() -> Iterator[None]:
    """Print an archive's damage warning as one line on stderr instead of Python's warning format."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DamagedArchiveWarning)
        try:
            yield
        finally:
            said = {str(w.message): None for w in caught if issubclass(w.category, DamagedArchiveWarning)}
            for message in said:  # once each, however many readers opened the archive
                print(f"threadshim: warning: {message}", file=sys.stderr)


def _with_archive_warnings(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    with _archive_warnings():
        return run(args)


def _shim(args: argparse.Namespace) -> ThreadShim:
    shim = ThreadShim(
        api_key=args.api_key,
        base_url=args.base_url,
        archive=args.archive,
        journal=args.journal,
        store=args.store,
        sessions=args.sessions,
        max_retries=args.max_retries,
        timeout=args.timeout,
    )
    if shim.offline:
        places = (("the archive", args.archive), ("the store", args.store), ("the sessions", args.sessions))
        named = [name for name, given in places if given]
        only = " and ".join(named)
        verb = "are" if len(named) > 1 else "is"
        print(f"threadshim: note: no API key, so only {only} {verb} read", file=sys.stderr)
    return shim


def _run_get(args: argparse.Namespace) -> int:
    with _archive_warnings(), _shim(args) as shim:
        show([shim.retrieve(args.id)], "thread", as_json=args.json)
    return 0


def _run_list(args: argparse.Namespace) -> int:
    held: tuple[Kind, ...] = ("assistants", "conversations")
    legacy = ids_file(args.legacy_ids, held).ids if args.legacy_ids is not None else None
    missing: OnMissing = "skip" if args.skip_missing else "raise"
    with _archive_warnings(), _shim(args) as shim:
        threads = list(shim.list(user=args.user, order=args.order, legacy_ids=legacy, on_missing=missing))
        show(threads, "threads", as_json=args.json)
    return 0


def _run_items(args: argparse.Namespace) -> int:
    with _archive_warnings(), _shim(args) as shim:
        show(list(shim.items(args.id)), f"items of {args.id}", as_json=args.json)
    return 0


def _run_export(args: argparse.Namespace) -> int:
    refuse_clashes({"the ids file": args.ids}, {"--out": args.out, "the report": report_path(args.out)})
    ids = ids_file(args.ids)
    shim = AsyncThreadShim(
        api_key=args.api_key,
        base_url=args.base_url,
        concurrency=min(args.concurrency, max(len(ids.ids), 1)),
        max_retries=args.max_retries,
        timeout=args.timeout,
    )
    summary, report = run_async(
        export_with_report(shim, ids, args.out, concurrency=args.concurrency, resume=args.resume)
    )
    print(describe(summary, ids, report))
    return 0 if summary.ok else 1


def _run_verify(args: argparse.Namespace) -> int:
    verified = verify(args.file)
    print(verified.describe())
    return 0 if verified.ok else 1


def _run_demo(args: argparse.Namespace) -> int:
    return run_demo(args.out)


COMMANDS: dict[str, Callable[[Any], int]] = {
    "get": _run_get,
    "list": _run_list,
    "items": _run_items,
    "export": _run_export,
    "verify": _run_verify,
    "collect": run_collect,
    "ids": run_ids,
    "migrate": lambda args: _with_archive_warnings(run_migrate, args),
    "reconcile": lambda args: _with_archive_warnings(run_reconcile, args),
    "serve": run_serve,
    "demo": _run_demo,
}
