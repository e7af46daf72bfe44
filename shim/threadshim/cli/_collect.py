"""``threadshim collect`` and ``threadshim ids --scan``: thin layers over :mod:`threadshim.collect`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from .._errors import InvalidRequest
from .._paths import refuse_clashes
from ..collect import ColumnMap, collect, describe, query_rows, report_path, row_file, scan_ids
from ..collect.containers import Found, Invalid
from ._inputs import ids_file, whole


def add_collect(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]
) -> None:
    """Add ``collect`` and ``ids``."""
    gather = commands.add_parser(
        "collect",
        help="turn saved API dumps, SDK output or your own rows into one export the move can use",
        formatter_class=formatter,
    )
    gather.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files, folders, .gz/.zip/.tar archives")
    gather.add_argument("--out", type=Path, required=True, help="the export (.jsonl) to write")
    gather.add_argument("--expect", type=Path, help="ids file of the thread_… ids you hold: list those not covered")
    gather.add_argument("--rows", type=Path, action="append", default=[], help="a CSV, TSV or JSON Lines file of rows")
    gather.add_argument("--sql", help="a query whose rows are messages (with --db and --map)")
    gather.add_argument("--db", metavar="URL", help="sqlite:///FILE or postgresql://… for --sql")
    gather.add_argument("--map", dest="mapping", help="thread_id=COL,role=COL,text=COL[,created_at=COL,…]")
    gather.add_argument(
        "--workers", type=whole(0), metavar="N", help="processes reading beside this one (default: 1 a CPU, up to 4)"
    )
    harvest = commands.add_parser(
        "ids", help="harvest the thread_… ids still referenced in files or a database", formatter_class=formatter
    )
    harvest.add_argument("--scan", type=Path, nargs="*", default=[], metavar="PATH", help="files and folders to read")
    harvest.add_argument("--sql", help="a query whose every column is searched (with --db)")
    harvest.add_argument("--db", metavar="URL", help="sqlite:///FILE for --sql")
    harvest.add_argument("--out", type=Path, required=True, help="the ids file to write (one id a line)")


def _rows(args: argparse.Namespace) -> list[Iterator[Found | Invalid]]:
    if not (args.rows or args.sql):
        if args.mapping:
            raise InvalidRequest("--map applies to --rows or --sql; name the rows to read")
        return []
    if not args.mapping:
        raise InvalidRequest("--rows and --sql need --map thread_id=COL,role=COL,text=COL")
    mapping = ColumnMap.parse(args.mapping)
    sources = [row_file(path, mapping) for path in args.rows]
    if args.sql:
        if not args.db:
            raise InvalidRequest("--sql needs --db sqlite:///FILE or postgresql://…")
        sources.append(query_rows(args.db, args.sql, mapping))
    return sources


def run_collect(args: argparse.Namespace) -> int:
    """Collect, print the one-line summary (and each invalid record on stderr); exit 0, 1 or 2."""
    for path in args.rows:
        if not path.is_file():
            raise InvalidRequest(f"--rows {path} is not a file")
    if not args.paths and not args.rows and not args.sql:
        raise InvalidRequest("name what to collect: PATH..., --rows FILE or --sql QUERY --db URL")
    expect = ids_file(args.expect).ids if args.expect is not None else None
    refuse_clashes({"--expect": args.expect, **{f"--rows {p}": p for p in args.rows}}, {"--out": args.out})
    summary = collect(args.paths, args.out, rows=_rows(args), expect=expect, progress=sys.stderr, workers=args.workers)
    for bad in summary.invalid[:20]:
        print(f"threadshim: {bad.place}: {bad.reason} (not collected)", file=sys.stderr)
    if len(summary.invalid) > 20:
        print(f"threadshim: … and {len(summary.invalid) - 20} more; the report lists every one", file=sys.stderr)
    for legacy_id in summary.missing[:20]:
        print(f"threadshim: {legacy_id}: no saved data covers it (missing)", file=sys.stderr)
    print(describe(summary, report_path(args.out)))
    if summary.threads == 0:
        print("threadshim: nothing usable was found; no archive was written", file=sys.stderr)
    return summary.exit_code


def run_ids(args: argparse.Namespace) -> int:
    """Harvest ids into ``--out``; print how many each source held."""
    if not args.scan and not args.sql:
        raise InvalidRequest("name where to look: --scan PATH... or --sql QUERY --db URL")
    refuse_clashes({f"the input {p}": p for p in args.scan}, {"--out": args.out})
    scanned = scan_ids(args.scan, db=args.db, sql=args.sql)
    temporary = args.out.with_name(f".{args.out.name}.scanning")
    temporary.write_text("".join(f"{legacy_id}\n" for legacy_id in scanned.ids), encoding="utf-8")
    temporary.replace(args.out)
    for source, count in scanned.per_source.items():
        print(f"{source}: {count} id(s)")
    print(f"{len(scanned.ids)} distinct thread id(s) written to {args.out}")
    return 0 if scanned.ids else 2
