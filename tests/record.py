"""Record every scenario's cassette: ``make cassettes`` (emulator) or ``THREADSHIM_RECORD=real`` (the real API).

Against the emulator it runs in deterministic mode, so recording twice gives the same files.
Against the real API (``THREADSHIM_RECORD=real OPENAI_API_KEY=sk-… make cassettes``) only the
scenarios that need no seeded data are recorded, and requests and responses are scrubbed the same way.
"""

from __future__ import annotations

import os
import sys

from tests.harness import record
from tests.scenarios import ALL_SCENARIOS


def main(names: list[str]) -> None:
    """Record the named scenarios, or all of them."""
    real = os.environ.get("THREADSHIM_RECORD") == "real"
    if real and not os.environ.get("OPENAI_API_KEY"):
        raise SystemExit("THREADSHIM_RECORD=real needs OPENAI_API_KEY")
    chosen = [s for s in ALL_SCENARIOS if not names or s.name in names]
    if real:
        chosen = [s for s in chosen if s.setup is None]
    for scenario in chosen:
        record(scenario, real=real)
        print(f"recorded {scenario.cassette.relative_to(scenario.cassette.parent.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
