"""``threadshim serve``: the emulator over HTTP. The emulator is imported only when this command runs."""

from __future__ import annotations

import argparse
import sys


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


def add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` subcommand."""
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
    serve_cmd.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help="accept only this bearer key (repeat for more); by default any non-empty key is accepted",
    )


def run_serve(args: argparse.Namespace) -> int:
    """Seed and serve the emulator until interrupted."""
    from ..testing import Emulator, Faults, seed_named, serve

    try:
        faults = Faults(args.latency, args.rate_429, args.rate_500, args.rate_503, args.drop_rate)
    except ValueError as exc:
        print(f"threadshim serve: {exc}", file=sys.stderr)
        return 2
    keys = set(args.api_keys) if args.api_keys else None
    emulator = Emulator(database=args.db, deterministic=args.deterministic, faults=faults, api_keys=keys)
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
