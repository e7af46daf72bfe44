"""``threadshim migrate``: move legacy threads into Conversations or a ChatKit store, exactly once, with a journal."""

from __future__ import annotations

import argparse
import gc
import inspect
import sys
from pathlib import Path
from typing import Any

from .._errors import InvalidRequest
from .._journal import Journal
from .._paths import refuse_clashes, sqlite_file
from ..migrate import describe, migrate, report_path, write_report
from ..migrate.engine import TARGETS
from ._asyncrun import run as run_async
from ._inputs import ids_file, whole


def add_migrate(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]
) -> argparse.ArgumentParser:
    """Add the ``migrate`` subcommand; return its parser (the caller adds the key, URL and retry options)."""
    cmd = commands.add_parser(
        "migrate",
        help="move legacy threads into Conversations or a ChatKit store, exactly once (re-run to continue)",
        formatter_class=formatter,
    )
    cmd.add_argument("--to", choices=TARGETS, required=True, help="where the threads go")
    cmd.add_argument("--journal", type=Path, required=True, help="SQLite file recording what went where")
    source = cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("--archive", type=Path, help="migrate every thread of this export file")
    source.add_argument("--ids", type=Path, help="file of legacy thread ids to read from the Assistants API")
    cmd.add_argument("--dry-run", action="store_true", help="print the plan and the losses; send nothing")
    cmd.add_argument("--allow-lossy", action="store_true", help="migrate threads that would lose message content")
    cmd.add_argument(
        "--report",
        type=Path,
        help="where the report goes (default: JOURNAL.report.json; a dry run's: JOURNAL.dry-run.json)",
    )
    cmd.add_argument(
        "--new-journal",
        action="store_true",
        help="start another journal for an archive already migrated to this target: every thread is sent again",
    )
    conversations = cmd.add_argument_group("with --to conversations")
    conversations.add_argument(
        "--concurrency", type=whole(1), help=f"threads moved at once, a ceiling (default: {DEFAULTS['concurrency']})"
    )
    chatkit = cmd.add_argument_group("with --to chatkit")
    chatkit.add_argument("--store", metavar="URL", help="the ChatKit store: sqlite:///chatkit.db or postgresql://…")
    chatkit.add_argument(
        "--title-key", help=f"metadata key holding a thread's title (default: {DEFAULTS['title_key']})"
    )
    chatkit.add_argument(
        "--user-key", help=f"metadata key holding the user a thread belongs to (default: {DEFAULTS['user_key']})"
    )
    chatkit.add_argument(
        "--default-user", help=f"store user of threads whose metadata names none (default: {DEFAULTS['default_user']})"
    )
    chatkit.add_argument(
        "--group", type=whole(1), help=f"threads written per store transaction (default: {DEFAULTS['group']})"
    )
    chatkit.add_argument(
        "--workers",
        type=whole(0),
        help=f"processes reading and planning ahead, 0 for none (default: {DEFAULTS['workers']})",
    )
    return cmd


_ONLY: dict[str, tuple[str, ...]] = {
    "conversations": ("concurrency",),
    "chatkit": ("store", "title_key", "user_key", "default_user", "group", "workers"),
}
DEFAULTS: dict[str, Any] = {
    name: inspect.signature(migrate).parameters[name].default for names in _ONLY.values() for name in names
}
"""The library's defaults, shown in the help; an option left out is not passed, so the library's apply."""


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The target's own options that were given; one given for the other target is refused in one line."""
    for target, names in _ONLY.items():
        for name in names:
            if target != args.to and getattr(args, name) is not None:
                raise InvalidRequest(f"--{name.replace('_', '-')} applies to --to {target}, not --to {args.to}")
    if args.to == "chatkit" and args.store is None:
        raise InvalidRequest("--to chatkit needs --store (sqlite:///chatkit.db or postgresql://user@host/db)")
    return {name: getattr(args, name) for name in _ONLY[args.to] if getattr(args, name) is not None}


def _check_paths(args: argparse.Namespace, report: Path) -> None:
    store = sqlite_file(args.store)
    inputs = {"the archive": args.archive, "the ids file": args.ids, "the journal": args.journal, "the store": store}
    refuse_clashes(inputs, {"the report": report})


def run_migrate(args: argparse.Namespace) -> int:
    """Run the migration; exit 0 when every thread is migrated, 1 when some failed, went missing or were skipped."""
    options = _options(args)
    report = args.report or report_path(args.journal, dry_run=args.dry_run)
    _check_paths(args, report)
    ids = ids_file(args.ids).ids if args.ids is not None else None
    gc.collect()
    gc.freeze()  # what the program has loaded lives to the end: the collector need not walk it again and again
    summary = run_async(
        migrate(
            journal=args.journal,
            archive=args.archive,
            ids=ids,
            to=args.to,
            api_key=args.api_key,
            base_url=args.base_url,
            allow_lossy=args.allow_lossy,
            dry_run=args.dry_run,
            max_retries=args.max_retries,
            timeout=args.timeout,
            new_journal=args.new_journal,
            **options,
        )
    )
    todo = ids if ids is not None else [p.legacy_id for p in summary.plans]
    if summary.dry_run:
        for planned in summary.plans:
            for loss in planned.losses:
                print(f"{planned.legacy_id}: {loss.message_id}: {loss.reason}")
        write_report(report, summary, None, todo)
    else:
        with Journal(args.journal, read_only=True) as journal:
            done = todo if ids is not None else [e.legacy_id for e in journal.entries()]
            write_report(report, summary, journal, done)
    for legacy_id, error in summary.failed:
        print(f"threadshim: {legacy_id} failed: {error}", file=sys.stderr)
    print(describe(summary, report))
    return 0 if summary.ok else 1
