"""``threadshim serve``: the emulator over HTTP. The emulator is imported only when this command runs.

It checks that the port can be had first, and announces the address only once the server
listens, so a busy port or a missing server package is one line and exit 1, never a banner
followed by a traceback.
"""

from __future__ import annotations

import argparse
import sys


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a probability from 0 to 1, got {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a probability from 0 to 1, got {text}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a non-negative number of seconds, got {text}")
    return value


def add_serve(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], formatter: type[argparse.HelpFormatter]
) -> None:
    """Add the ``serve`` subcommand."""
    serve_cmd = commands.add_parser(
        "serve", help="serve a local emulator of the thread APIs under /v1", formatter_class=formatter
    )
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve_cmd.add_argument("--port", type=int, default=8787, help="port to listen on (0: any free port)")
    serve_cmd.add_argument(
        "--seed",
        help="data to start with: 'demo', 'legacy:NxM' (N threads of M messages), or 'archive:FILE' (an export)",
    )
    serve_cmd.add_argument("--db", default=":memory:", help="SQLite file to keep state in")
    serve_cmd.add_argument("--deterministic", action="store_true", help="fixed clock and id sequence")
    serve_cmd.add_argument("--latency", type=_seconds, default=0.0, help="seconds added to every API response")
    serve_cmd.add_argument("--rate-429", type=_probability, default=0.0, help="share of requests answered 429")
    serve_cmd.add_argument("--rate-500", type=_probability, default=0.0, help="share of requests answered 500")
    serve_cmd.add_argument("--rate-503", type=_probability, default=0.0, help="share of requests answered 503")
    serve_cmd.add_argument("--drop-rate", type=_probability, default=0.0, help="share of connections dropped")
    serve_cmd.add_argument("--rpm", type=int, help="limit each key to this many requests a minute (429s past it)")
    serve_cmd.add_argument(
        "--burst",
        type=int,
        help="requests that may go at once under --rpm (default: a minute's worth; rpm/60 is a second's)",
    )
    serve_cmd.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help="accept only this bearer key (repeat for more); by default any non-empty key is accepted",
    )


def _print_seeded(seeded: dict[str, list[str]], url: str) -> None:
    for name in ("legacy_thread_ids", "chatkit_thread_ids"):
        ids = seeded.get(name, [])
        shown = " ".join(ids) if len(ids) <= 12 else f"{' '.join(ids[:3])} … ({len(ids)} in all)"
        print(f"seeded {len(ids)} {name.split('_')[0]} threads: {shown}")
    print(f"every seeded id: GET {url.removesuffix('/v1')}/_emulator/seeded")


def run_serve(args: argparse.Namespace) -> int:
    """Seed, bind and serve the emulator until interrupted."""
    from ..testing import Emulator, Faults, MissingServer, bind, seed_named, serve

    try:
        faults = Faults(args.latency, args.rate_429, args.rate_500, args.rate_503, args.drop_rate)
    except ValueError as exc:
        print(f"threadshim serve: {exc}", file=sys.stderr)
        return 2
    keys = set(args.api_keys) if args.api_keys else None
    if args.rpm is not None and args.rpm < 1:
        print("threadshim serve: --rpm must be at least 1", file=sys.stderr)
        return 2
    if args.burst is not None and (args.burst < 1 or args.rpm is None):
        print("threadshim serve: --burst must be at least 1, and needs --rpm", file=sys.stderr)
        return 2
    emulator = Emulator(
        database=args.db, deterministic=args.deterministic, faults=faults, api_keys=keys, rpm=args.rpm, burst=args.burst
    )
    seeded = None
    if args.seed:
        try:
            seeded = seed_named(emulator, args.seed)
        except ValueError as exc:
            print(f"threadshim serve: {exc}", file=sys.stderr)
            return 2
    try:  # find out now, in one line, if the port cannot be had
        probe = bind(args.host, args.port)
    except OSError as exc:
        print(f"threadshim serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    port = probe.getsockname()[1]
    probe.close()

    def announce(url: str) -> None:
        if seeded is not None:
            _print_seeded(seeded, url)
        if keys is None and args.host not in ("127.0.0.1", "localhost", "::1"):
            print(f"threadshim serve: warning: listening on {args.host}, accepting any bearer key; pass --api-key KEY")
        print(f"emulator on {url} (Ctrl-C to stop)", flush=True)

    try:
        serve(emulator, args.host, port, on_listening=announce)
    except MissingServer as exc:
        print(f"threadshim serve: {exc}", file=sys.stderr)
        return 1
    return 0
