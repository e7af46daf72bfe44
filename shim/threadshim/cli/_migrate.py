"""``threadshim migrate``: move legacy threads into Conversations or a ChatKit store, exactly once, with a journal."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from pathlib import Path

from .._errors import InvalidRequest
from .._journal import Journal
from ..migrate import describe, migrate, report_path, write_report
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
    cmd.add_argument("--to", choices=("conversations", "chatkit"), required=True, help="where the threads go")
    cmd.add_argument("--store", metavar="URL", help="with --to chatkit: sqlite:///chatkit.db or postgresql://…")
    cmd.add_argument("--journal", type=Path, required=True, help="SQLite file recording what went where")
    source = cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("--archive", type=Path, help="migrate every thread of this export file")
    source.add_argument("--ids", type=Path, help="file of legacy thread ids to read from the Assistants API")
    cmd.add_argument("--concurrency", type=whole(1), default=8, help="threads moved at once (a ceiling)")
    cmd.add_argument("--dry-run", action="store_true", help="print the plan and the losses; send nothing")
    cmd.add_argument("--allow-lossy", action="store_true", help="migrate threads that would lose message content")
    cmd.add_argument("--report", type=Path, help="where the report goes (default: JOURNAL.report.json)")
    chatkit = cmd.add_argument_group("with --to chatkit")
    chatkit.add_argument("--title-key", default="title", help="metadata key holding a thread's title")
    chatkit.add_argument("--user-key", default="user", help="metadata key holding the user a thread belongs to")
    chatkit.add_argument("--default-user", default="default", help="store user of threads whose metadata names none")
    chatkit.add_argument("--group", type=whole(1), default=500, help="threads written per store transaction")
    chatkit.add_argument("--workers", type=whole(0), default=2, help="processes reading and planning ahead (0: none)")
    return cmd


def run_migrate(args: argparse.Namespace) -> int:
    """Run the migration; exit 0 when every thread is migrated, 1 when some failed, went missing or were skipped."""
    if (args.store is not None) != (args.to == "chatkit"):
        raise InvalidRequest(
            "--store goes with --to chatkit, and --to chatkit needs --store (sqlite:///… or postgresql://…)"
        )
    ids = ids_file(args.ids).ids if args.ids is not None else None
    gc.collect()
    gc.freeze()  # what the program has loaded lives to the end: the collector need not walk it again and again
    summary = asyncio.run(
        migrate(
            journal=args.journal,
            archive=args.archive,
            ids=ids,
            to=args.to,
            api_key=args.api_key,
            base_url=args.base_url,
            concurrency=args.concurrency,
            allow_lossy=args.allow_lossy,
            dry_run=args.dry_run,
            max_retries=args.max_retries,
            timeout=args.timeout,
            store=args.store,
            title_key=args.title_key,
            user_key=args.user_key,
            default_user=args.default_user,
            group=args.group,
            workers=args.workers,
        )
    )
    report = args.report or report_path(args.journal)
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
