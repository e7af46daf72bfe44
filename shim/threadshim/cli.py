"""The ``threadshim`` command: inspect threads of both kinds, export legacy threads, serve the emulator."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from ._client import AsyncThreadShim, ThreadShim
from ._errors import ConfigurationError, InvalidRequest, InvalidThreadId, ThreadShimError, UnsupportedOperation
from ._models import UnifiedItem, UnifiedThread
from .export import export, read_ids, unified_item, unified_thread
from .testing import Emulator, Faults, seed_demo, seed_named, serve


def _probability(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a probability from 0 to 1, got {text}")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a non-negative number of seconds, got {text}")
    return value


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve_cmd = commands.add_parser("serve", help="serve a local emulator of both thread APIs under /v1")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8787)
    serve_cmd.add_argument("--seed", help="data to start with: 'demo', or 'legacy:NxM' (N threads of M messages)")
    serve_cmd.add_argument("--db", default=":memory:", help="SQLite file to keep state in (default: in memory)")
    serve_cmd.add_argument("--deterministic", action="store_true", help="fixed clock and id sequence")
    serve_cmd.add_argument("--latency", type=_seconds, default=0.0, help="seconds added to every API response")
    serve_cmd.add_argument("--rate-429", type=_probability, default=0.0)
    serve_cmd.add_argument("--rate-500", type=_probability, default=0.0)
    serve_cmd.add_argument("--rate-503", type=_probability, default=0.0)
    serve_cmd.add_argument("--drop-rate", type=_probability, default=0.0, help="share of connections dropped")


def _run_serve(args: argparse.Namespace) -> int:
    try:
        faults = Faults(args.latency, args.rate_429, args.rate_500, args.rate_503, args.drop_rate)
    except ValueError as exc:
        print(f"threadshim serve: {exc}", file=sys.stderr)
        return 2
    emulator = Emulator(database=args.db, deterministic=args.deterministic, faults=faults)
    if args.seed:
        try:
            seeded = seed_named(emulator, args.seed)
        except ValueError as exc:
            print(f"threadshim serve: {exc}", file=sys.stderr)
            return 2
        print(
            f"seeded {len(seeded['legacy_thread_ids'])} legacy and {len(seeded['chatkit_thread_ids'])} ChatKit threads"
        )
    print(f"emulator on http://{args.host}:{args.port}/v1 (Ctrl-C to stop)", flush=True)
    serve(emulator, args.host, args.port)
    return 0


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
    _add_serve(commands)
    return parser


def _shim(args: argparse.Namespace) -> ThreadShim:
    return ThreadShim(api_key=args.api_key, base_url=args.base_url, archive=args.archive)


def _row(value: UnifiedThread | UnifiedItem) -> dict[str, Any]:
    return unified_thread(value) if isinstance(value, UnifiedThread) else unified_item(value)


def _show(args: argparse.Namespace, values: list[UnifiedThread] | list[UnifiedItem], title: str) -> None:
    if args.json:
        for value in values:
            print(json.dumps({**_row(value), "raw": value.raw}, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    if values and isinstance(values[0], UnifiedItem):
        columns = ["id", "kind", "role", "created_at", "text"]
    else:
        columns = ["id", "source", "created_at", "title", "status", "user"]
    for column in columns:
        table.add_column(column, overflow="fold")
    for value in values:
        row = _row(value)
        row["status"] = row.get("status", {}).get("type") if isinstance(row.get("status"), dict) else None
        table.add_row(*["" if row.get(c) is None else str(row[c])[:120] for c in columns])
    Console().print(table)


def _run_get(args: argparse.Namespace) -> int:
    with _shim(args) as shim:
        _show(args, [shim.retrieve(args.id)], "thread")
    return 0


def _run_list(args: argparse.Namespace) -> int:
    legacy = None
    if args.legacy_ids is not None:
        parsed = read_ids(args.legacy_ids.read_text(encoding="utf-8").splitlines())
        for number, reason in parsed.rejected:
            print(f"threadshim: {args.legacy_ids}:{number}: {reason} (skipped)", file=sys.stderr)
        legacy = parsed.ids
    with _shim(args) as shim:
        _show(args, list(shim.list(user=args.user, order=args.order, legacy_ids=legacy)), "threads")
    return 0


def _run_items(args: argparse.Namespace) -> int:
    with _shim(args) as shim:
        _show(args, list(shim.items(args.id)), f"items of {args.id}")
    return 0


def _export(args: argparse.Namespace, shim: AsyncThreadShim) -> int:
    parsed = read_ids(args.ids.read_text(encoding="utf-8").splitlines())
    for number, reason in parsed.rejected:
        print(f"threadshim: {args.ids}:{number}: {reason} (skipped)", file=sys.stderr)

    async def run() -> Any:
        async with shim:
            return await export(shim, parsed.ids, args.out, concurrency=args.concurrency, resume=args.resume)

    summary = asyncio.run(run())
    report = args.out.with_name(args.out.name + ".report.json")
    problems = {"not_found": summary.not_found, "failed": [{"id": i, "error": e} for i, e in summary.failed]}
    report.write_text(json.dumps({**problems, "rejected_lines": parsed.rejected}, indent=2) + "\n", encoding="utf-8")
    print(
        f"exported {summary.exported}, already there {summary.skipped}, not found {len(summary.not_found)}, "
        f"failed {len(summary.failed)}, malformed lines {len(parsed.rejected)}, duplicates {parsed.duplicates}"
        f" (report: {report})"
    )
    return 0 if summary.ok else 1


def _run_export(args: argparse.Namespace) -> int:
    return _export(args, AsyncThreadShim(api_key=args.api_key, base_url=args.base_url, concurrency=args.concurrency))


def _run_demo(args: argparse.Namespace) -> int:
    emulator = Emulator(deterministic=True)
    facts = seed_demo(emulator)
    print("Started an in-process emulator of both APIs with the demo data set (no account, no network).")
    transport = emulator.transport()
    shim = ThreadShim(api_key="sk-demo", http_client=httpx.Client(transport=transport))
    view = argparse.Namespace(json=False)
    print("\n$ threadshim list --user user_456 --legacy-ids ids.txt   (ChatKit threads merged with legacy ones)")
    _show(view, list(shim.list(user="user_456", legacy_ids=facts["legacy_thread_ids"])), "threads of user_456")
    print(f"\n$ threadshim get {facts['chatkit_thread_ids'][2]}")
    _show(view, [shim.retrieve(facts["chatkit_thread_ids"][2])], "a ChatKit thread")
    print(f"\n$ threadshim items {facts['legacy_thread_ids'][0]}")
    _show(view, list(shim.items(facts["legacy_thread_ids"][0])), "a legacy thread's messages")
    ids = args.out.with_name(args.out.name + ".ids")
    ids.write_text("\n".join(facts["legacy_thread_ids"]) + "\n", encoding="utf-8")
    print(f"\n$ threadshim export --ids {ids} --out {args.out} --resume")
    exporting = argparse.Namespace(ids=ids, out=args.out, concurrency=4, resume=True)
    status = _export(exporting, AsyncThreadShim(api_key="sk-demo", http_client=httpx.AsyncClient(transport=transport)))
    print("\nThe Assistants API is gone; read legacy threads back from the archive, ChatKit ones from the API:")
    print(f"$ threadshim list --user user_456 --archive {args.out}")
    with ThreadShim(api_key="sk-demo", http_client=httpx.Client(transport=transport), archive=args.out) as archived:
        _show(view, list(archived.list(user="user_456")), "threads of user_456, legacy ones from the archive")
        first = facts["legacy_thread_ids"][0]
        thread, messages = archived.retrieve(first), list(archived.items(first))
        print(f"Read back from the archive: {thread.id} '{thread.title}' with {len(messages)} messages.")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 API or I/O failure, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    handlers = {
        "serve": _run_serve,
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


if __name__ == "__main__":
    entry_point()
