"""``threadshim migrate``: move legacy threads into Conversations, a ChatKit store or Agents sessions, exactly once."""

from __future__ import annotations

import argparse
import gc
import sys
import warnings
from pathlib import Path
from typing import Any

import attrs

from .._errors import InvalidRequest
from .._journal import Journal
from .._paths import refuse_clashes, sqlite_file
from ..archive import Archive
from ..migrate import describe, migrate, report_path, write_report
from ..targets import TARGETS, TargetKind, target_kind
from ._asyncrun import run as run_async
from ._inputs import ids_file, whole
from ._reconcile import run_undo_or_repair, undo_options


def add_migrate(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]
) -> argparse.ArgumentParser:
    """Add the ``migrate`` subcommand; return its parser (the caller adds the key, URL and retry options)."""
    cmd = commands.add_parser(
        "migrate",
        help="move legacy threads into Conversations, a ChatKit store or Agents SDK sessions, exactly once",
        formatter_class=formatter,
    )
    cmd.add_argument(
        "--to", choices=list(TARGETS), help="where the threads go (with --undo or --repair: the journal's)"
    )
    cmd.add_argument("--journal", type=Path, required=True, help="SQLite file recording what went where")
    source = cmd.add_mutually_exclusive_group()
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
    owners = _owners()
    for kind in TARGETS.values():
        own = [f for f in _cli_fields(kind) if owners[f.name] == [kind.name]]
        _add_options(cmd.add_argument_group(f"with --to {kind.name}"), own)
    shared = {name: kinds for name, kinds in owners.items() if len(kinds) > 1}
    for names in sorted({tuple(kinds) for kinds in shared.values()}):
        fields = [f for f in _cli_fields(TARGETS[names[0]]) if tuple(owners[f.name]) == names]
        _add_options(cmd.add_argument_group("with --to " + " or --to ".join(names)), fields)
    undo_options(cmd)
    return cmd


def _owners() -> dict[str, list[str]]:
    """Each command-line option of a target, and the targets that take it (an option may serve several)."""
    owners: dict[str, list[str]] = {}
    for kind in TARGETS.values():
        for field in _cli_fields(kind):
            owners.setdefault(field.name, []).append(kind.name)
    return owners


def _cli_fields(kind: TargetKind) -> list[attrs.Attribute[Any]]:
    return [f for f in attrs.fields(kind.options) if f.metadata.get("cli", True)]


def _add_options(group: argparse._ArgumentGroup, fields: list[attrs.Attribute[Any]]) -> None:
    """One flag per option (its help and default from the options class)."""
    for field in fields:
        extra: dict[str, Any] = {"metavar": field.metadata["metavar"]} if "metavar" in field.metadata else {}
        if "low" in field.metadata:
            extra["type"] = whole(field.metadata["low"])
        if field.metadata.get("flag"):
            extra["action"] = "store_true"
            extra["default"] = None  # not given: the option's own default
        default = "" if field.default is None or field.metadata.get("flag") else f" (default: {field.default})"
        group.add_argument(f"--{field.name.replace('_', '-')}", help=field.metadata["help"] + default, **extra)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The target's own options that were given; one given for another target is refused in one line."""
    chosen = target_kind(args.to)
    for name, kinds in _owners().items():
        if chosen.name not in kinds and getattr(args, name, None) is not None:
            flag = name.replace("_", "-")
            raise InvalidRequest(f"--{flag} applies to --to {' or --to '.join(kinds)}, not --to {args.to}")
    if args.to == "chatkit" and args.store is None:
        raise InvalidRequest("--to chatkit needs --store (sqlite:///chatkit.db or postgresql://user@host/db)")
    given = {f.name: getattr(args, f.name) for f in _cli_fields(chosen)}
    return {name: value for name, value in given.items() if value is not None}


def _check_paths(args: argparse.Namespace, report: Path) -> None:
    store, sessions = sqlite_file(getattr(args, "store", None)), sqlite_file(getattr(args, "sessions", None))
    inputs = {"the archive": args.archive, "the ids file": args.ids, "the journal": args.journal, "the store": store,
              "the sessions database": sessions}  # fmt: skip
    refuse_clashes(inputs, {"the report": report})


def _given(args: argparse.Namespace) -> dict[str, Any]:
    """Every target option given on the command line (whichever target it belongs to)."""
    fields = {f.name for kind in TARGETS.values() for f in _cli_fields(kind)}
    return {name: getattr(args, name) for name in sorted(fields) if getattr(args, name, None) is not None}


def _archive_order(found: list[str], archive: Path | None) -> list[str]:
    """``found`` in the archive's order (the order the run took them), those not in it after, as found."""
    if archive is None:
        return found
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the run has said what is damaged
        position = {legacy_id: n for n, legacy_id in enumerate(Archive(archive).ids())}
    return sorted(found, key=lambda legacy_id: position.get(legacy_id, len(position)))


def run_migrate(args: argparse.Namespace) -> int:
    """Run the migration; exit 0 when every thread is migrated, 1 when some failed, went missing or were skipped."""
    if args.undo or args.repair:
        return run_undo_or_repair(args, _given(args))
    if args.only is not None or args.force:
        raise InvalidRequest(f"{'--only' if args.only is not None else '--force'} applies to --undo (or --repair)")
    if args.to is None:
        raise InvalidRequest("say where the threads go: --to " + " or --to ".join(TARGETS))
    if args.archive is None and args.ids is None:
        raise InvalidRequest("say which threads to migrate: --archive legacy.jsonl or --ids ids.txt")
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
    for warning in summary.warnings:
        print(f"threadshim: warning: {warning}", file=sys.stderr)
    if summary.dry_run:
        for planned in summary.plans:
            for loss in planned.losses:
                print(f"{planned.legacy_id}: {loss['message_id']}: {loss['reason']}")
        write_report(report, summary, None, todo)
    else:
        with Journal(args.journal, read_only=True) as journal:
            done = todo if ids is not None else _archive_order([e.legacy_id for e in journal.entries()], args.archive)
            write_report(report, summary, journal, done)
    for legacy_id, error in summary.failed:
        print(f"threadshim: {legacy_id} failed: {error}", file=sys.stderr)
    print(describe(summary, report))
    return 0 if summary.ok else 1
