"""``threadshim reconcile``: check every migrated thread against its target, and ``migrate --undo``/``--repair``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import attrs

from .._errors import InvalidRequest
from .._paths import refuse_clashes, sqlite_file
from ..migrate.checking import journal_target
from ..migrate.reconcile import reconcile, report_path
from ..migrate.reconcile_summary import write_json
from ..migrate.repair import repair
from ..migrate.undo import undo, undo_path
from ._asyncrun import run as run_async
from ._inputs import ids_file, whole


def add_reconcile(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]
) -> argparse.ArgumentParser:
    """Add the ``reconcile`` subcommand; return its parser (the caller adds the key, URL and retry options)."""
    cmd = commands.add_parser(
        "reconcile",
        help="check that every migrated thread's target holds exactly what the archive says it must",
        formatter_class=formatter,
    )
    cmd.add_argument("--journal", type=Path, required=True, help="the journal of the migration to check")
    cmd.add_argument("--archive", type=Path, help="the export that was migrated (without it: the Assistants API)")
    cmd.add_argument("--store", metavar="URL", help="the ChatKit store a --to chatkit migration wrote")
    cmd.add_argument("--sessions", metavar="URL", help="the Agents SDK sessions a --to agents migration wrote")
    cmd.add_argument("--sample", type=whole(1), help="check this many migrated threads, chosen at random")
    cmd.add_argument("--seed", type=int, help="the seed of the --sample (printed by a run; to check the same ones)")
    cmd.add_argument("--strict", action="store_true", help="fail on items the migration did not write, too")
    cmd.add_argument("--concurrency", type=whole(1), help="requests in flight at once (default: the migration's)")
    cmd.add_argument("--report", type=Path, help="where the JSON report goes (default: JOURNAL.reconcile.json)")
    return cmd


def _clashes(args: argparse.Namespace, report: Path) -> None:
    inputs = {
        "the archive": args.archive,
        "the journal": args.journal,
        "the store": sqlite_file(getattr(args, "store", None)),
        "the sessions database": sqlite_file(getattr(args, "sessions", None)),
    }
    refuse_clashes(inputs, {"the report": report})


def _account(args: argparse.Namespace) -> dict[str, Any]:
    return {"api_key": args.api_key, "base_url": args.base_url, "max_retries": args.max_retries,
            "timeout": args.timeout}  # fmt: skip


def run_reconcile(args: argparse.Namespace) -> int:
    """Check the migration; exit 0 when every checked thread is equal (or only extra, unless --strict)."""
    report = args.report or report_path(args.journal)
    _clashes(args, report)
    summary = run_async(
        reconcile(
            journal=args.journal, archive=args.archive, store=args.store, sessions=args.sessions,
            sample=args.sample, seed=args.seed,
            strict=args.strict, concurrency=args.concurrency, **_account(args),
        )
    )  # fmt: skip
    kind, identity, _ = journal_target(args.journal)
    write_json(report, summary.report(args.journal, kind.name, identity))
    for check in summary.checks:
        if check.result in ("differs", "unreadable"):
            first = check.differences[0].detail if check.differences else check.reason
            print(f"threadshim: {check.legacy_id} ({check.target_id}): {check.result}: {first}", file=sys.stderr)
    extra = summary.classes()["extra"]
    if extra and not args.strict:
        print(f"threadshim: notice: {extra} threads hold items the migration did not write (not an error; "
              "--strict makes it one)", file=sys.stderr)  # fmt: skip
    print(summary.line(report))
    return 0 if summary.ok else 1


def undo_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--undo``, ``--repair``, ``--only`` and ``--force`` to ``migrate``."""
    group = parser.add_argument_group("taking a migration back, or finishing it (the target is the journal's)")
    choice = group.add_mutually_exclusive_group()
    choice.add_argument("--undo", action="store_true", help="remove what the journal says the migration created")
    choice.add_argument(
        "--repair", action="store_true", help="send what is missing at the end of migrated threads (see reconcile)"
    )
    group.add_argument("--only", type=Path, metavar="IDS_FILE", help="with --undo or --repair: only these threads")
    group.add_argument("--force", action="store_true", help="with --undo: remove threads others wrote to, too")


def _refuse_other_flags(args: argparse.Namespace, given: dict[str, Any]) -> None:
    job = "--undo" if args.undo else "--repair"
    others = {
        "--ids": args.ids,
        "--allow-lossy": args.allow_lossy,
        "--new-journal": args.new_journal,
        "--dry-run": args.dry_run and args.repair,
        "--force": args.force and args.repair,
    }
    for flag, value in others.items():
        if value:
            hint = ": `threadshim reconcile` shows what it would finish" if flag == "--dry-run" else ""
            raise InvalidRequest(f"{flag} does not apply to {job}{hint}")
    kind, _, _ = journal_target(args.journal)
    if args.to is not None and args.to != kind.name:
        raise InvalidRequest(f"{args.journal} records a migration to {kind.name}, not --to {args.to}")
    for name in given:
        if name not in {field.name for field in attrs.fields(kind.options)}:
            raise InvalidRequest(f"--{name.replace('_', '-')} does not apply to a journal of a {kind.name} migration")


def run_undo_or_repair(args: argparse.Namespace, given: dict[str, Any]) -> int:
    """``migrate --undo`` or ``migrate --repair``: exit 0 when every thread asked for is done, 1 otherwise."""
    _refuse_other_flags(args, given)
    report = args.report or (undo_path(args.journal) if args.undo else args.journal.with_name(
        args.journal.name + ".repair.json"))  # fmt: skip
    _clashes(args, report)
    only = ids_file(args.only).ids if args.only is not None else None
    common = {"journal": args.journal, "archive": args.archive, "only": only, **given, **_account(args)}
    if args.undo:
        done = run_async(undo(dry_run=args.dry_run, force=args.force, **common))
        for legacy_id, why in done.refused + done.failed:
            print(f"threadshim: {legacy_id}: not removed: {why}", file=sys.stderr)
        value: dict[str, Any] = {"dry_run": done.dry_run, "removed": done.removed, "already_gone": done.gone,
                                 "refused": done.refused, "failed": done.failed,
                                 "uncertain_creates": done.uncertain_creates}  # fmt: skip
        line, ok = done.line(), done.ok
    else:
        fixed = run_async(repair(**common))
        for legacy_id, why in fixed.refused:
            print(f"threadshim: {legacy_id}: {why}", file=sys.stderr)
        value = {"repaired": fixed.repaired, "equal": fixed.equal, "refused": fixed.refused}
        line, ok = fixed.line(), fixed.ok
    write_json(report, value)
    print(f"{line}; report {report}")
    return 0 if ok else 1
