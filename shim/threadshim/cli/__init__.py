"""The ``threadshim`` command: inspect threads of every kind, export legacy threads, serve the emulator."""

from __future__ import annotations

import argparse
import asyncio
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from .._client import AsyncThreadShim, ThreadShim
from .._errors import ConfigurationError, InvalidRequest, InvalidThreadId, ThreadShimError, UnsupportedOperation
from ..export import IdList, describe, export_with_report, read_ids
from ._demo import run_demo
from ._output import show
from ._serve import add_serve, run_serve


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--api-key", help="API key (default: $OPENAI_API_KEY)")
    parser.add_argument("--base-url", help="API base URL (default: $OPENAI_BASE_URL or https://api.openai.com/v1)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    parser.add_argument("--debug", action="store_true", help="show the traceback of a failure")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="threadshim", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    get = commands.add_parser("get", help="show one thread of either kind")
    get.add_argument("id")
    listing = commands.add_parser("list", help="list ChatKit threads, merged with legacy threads from an ids file")
    listing.add_argument("--user")
    listing.add_argument("--legacy-ids", type=Path, help="file of legacy thread ids, one a line, oldest first")
    listing.add_argument("--order", choices=("asc", "desc"), default="desc")
    items = commands.add_parser("items", help="show a thread's messages or items")
    items.add_argument("id")
    exporting = commands.add_parser("export", help="export legacy threads and their messages to JSON lines")
    exporting.add_argument("--ids", type=Path, required=True, help="file of legacy thread ids, one a line")
    exporting.add_argument("--out", type=Path, required=True, help="the .jsonl file to write")
    exporting.add_argument("--concurrency", type=_positive, default=8)
    exporting.add_argument("--resume", action="store_true", help="finish an interrupted export into the same file")
    for command in (get, listing, items, exporting):
        _common(command)
    for command in (get, listing, items):
        command.add_argument("--archive", type=Path, help="read legacy threads from this export file, not the API")
    demo = commands.add_parser("demo", help="run the main job against an in-process emulator: no account needed")
    demo.add_argument("--out", type=Path, default=Path("demo-export.jsonl"))
    demo.add_argument("--debug", action="store_true")
    add_serve(commands)
    return parser


def _shim(args: argparse.Namespace) -> ThreadShim:
    return ThreadShim(api_key=args.api_key, base_url=args.base_url, archive=args.archive)


def _ids_file(path: Path) -> IdList:
    parsed = read_ids(path.read_text(encoding="utf-8").splitlines())
    for number, reason in parsed.rejected:
        print(f"threadshim: {path}:{number}: {reason} (skipped)", file=sys.stderr)
    return parsed


def _run_get(args: argparse.Namespace) -> int:
    with _shim(args) as shim:
        show([shim.retrieve(args.id)], "thread", as_json=args.json)
    return 0


def _run_list(args: argparse.Namespace) -> int:
    legacy = _ids_file(args.legacy_ids).ids if args.legacy_ids is not None else None
    with _shim(args) as shim:
        show(list(shim.list(user=args.user, order=args.order, legacy_ids=legacy)), "threads", as_json=args.json)
    return 0


def _run_items(args: argparse.Namespace) -> int:
    with _shim(args) as shim:
        show(list(shim.items(args.id)), f"items of {args.id}", as_json=args.json)
    return 0


def _run_export(args: argparse.Namespace) -> int:
    ids = _ids_file(args.ids)
    shim = AsyncThreadShim(api_key=args.api_key, base_url=args.base_url, concurrency=args.concurrency)
    summary, report = asyncio.run(
        export_with_report(shim, ids, args.out, concurrency=args.concurrency, resume=args.resume)
    )
    print(describe(summary, ids, report))
    return 0 if summary.ok else 1


def _run_demo(args: argparse.Namespace) -> int:
    return run_demo(args.out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 API or I/O failure, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    handlers = {
        "serve": run_serve,
        "get": _run_get,
        "list": _run_list,
        "items": _run_items,
        "export": _run_export,
        "demo": _run_demo,
    }
    error: BaseException
    try:
        return handlers[args.command](args)
    except (InvalidThreadId, InvalidRequest, ConfigurationError, UnsupportedOperation, FileExistsError) as exc:
        code, error = 2, exc
    except (ThreadShimError, OSError) as exc:
        code, error = 1, exc
    if getattr(args, "debug", False):
        traceback.print_exception(error)
    print(f"threadshim: error: {error}", file=sys.stderr)
    return code


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s code."""
    sys.exit(main())
