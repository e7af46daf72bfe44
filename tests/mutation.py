"""``make mutation``: mutmut over the modules whose bugs lose or corrupt data or mislead users; scores per module.

mutmut 3 derives module names from file paths and only knows ``src/`` layouts, so this copies the
package into ``.mutation/src/threadshim`` beside the tests, cassettes and generated client, runs
``mutmut run`` there, and reads each module's results from mutmut's ``.meta`` files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
MODULES = [
    "_errors.py",
    "_retry.py",
    "_routing.py",
    "_mapping.py",
    "_mapping_conversations.py",
    "_exportformat.py",
    "_writer.py",
    "archive.py",
    "export.py",
    "_journal.py",
    "_journal_schema.py",
    "_journal_target_rows.py",
    "targets/_annotations.py",
    "targets/common.py",
    "targets/base.py",
    "targets/conversations/plan.py",
    "targets/conversations/writer.py",
    "targets/conversations/log.py",
    "targets/chatkit/plan.py",
    "targets/chatkit/rows.py",
    "targets/chatkit/target.py",
    "collect/containers.py",
    "collect/objects.py",
    "collect/pile.py",
    "collect/rows.py",
    "collect/run.py",
    "collect/records.py",
    "collect/units.py",
    "collect/fanout.py",
    "collect/writer.py",
    "collect/texts.py",
    "collect/lines.py",
    "migrate/engine.py",
    "migrate/planners.py",
    "migrate/align.py",
    "migrate/compare.py",
    "migrate/reconcile.py",
    "migrate/repair.py",
    "migrate/undo.py",
    "targets/conversations/held.py",
    "targets/chatkit/held.py",
    "targets/agents/plan.py",
    "targets/agents/target.py",
    "targets/agents/chain.py",
    "targets/agents/lookup.py",
    "targets/shared.py",
    "chatkit/_store.py",
]
SLOW_OR_STRUCTURAL = [  # subprocesses do not see mutants; these read the source tree or take minutes
    "tests/test_fuzz.py",
    "tests/cli/test_crash.py",
    "tests/cli/test_migrate_cli.py::test_kill_9_three_times_then_a_rerun_moves_each_message_exactly_once",
    "tests/chatkit/test_import_crash.py",
    "tests/cli/test_reconcile_cli.py::test_undo_killed_three_times_then_run_again_removes_exactly_what_the_migration_made",
    "tests/agents/test_sessions_runs.py::test_kill_9_three_times_then_a_rerun_leaves_each_message_exactly_once_in_order",
    "tests/agents/test_sessions_concatenate.py::test_kill_9_three_times_then_a_rerun_leaves_each_session_its_threads_once_oldest_first",
    "tests/test_architecture.py",
    "tests/test_cassettes.py::test_recording_again_reproduces_every_committed_cassette",
    "tests/cli/test_people.py::test_ctrl_c_during_an_export_is_one_line_and_exit_130",
    "tests/cli/test_people.py::test_serve_on_a_busy_port_is_one_line_and_exit_1",
    "tests/cli/test_people.py::test_serve_announces_after_binding_and_lists_what_it_seeded",
    "tests/shim/test_people_api.py::test_the_plugin_works_in_a_users_own_test_file",
    "tests/test_readme.py",
    "tests/cli/test_rough_edges.py",
]


def _config(modules: list[str]) -> str:
    # "-k not postgres": the SQLite half of the store contract runs the same store code; the
    # PostgreSQL half would start a cluster for every mutant.
    only = ",\n".join(f'    "src/threadshim/{name}"' for name in modules)
    deselect = "".join(f'    "--deselect", "{test}",\n' for test in SLOW_OR_STRUCTURAL)
    return (
        '[tool.mutmut]\nsource_paths = ["src/"]\n'
        f"only_mutate = [\n{only},\n]\n"
        'also_copy = ["generated/", "cassettes/", "openapi.yaml", "codegen/", "tests/"]\n'
        f'pytest_add_cli_args_test_selection = [\n    "tests/",\n{deselect}    "-p", "no:cacheprovider",\n'
        '    "-k", "not postgres",\n]\n'
        "[tool.pytest.ini_options]\n"
        'asyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "function"\n'
        'filterwarnings = ["ignore:The Assistants API is deprecated:DeprecationWarning"]\n'
    )


def prepare(modules: list[str]) -> None:
    """Lay out ``.mutation/`` afresh: the package under ``src/``, and what the tests read."""
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "src").mkdir(parents=True)
    shutil.copytree(ROOT / "shim" / "threadshim", WORK / "src" / "threadshim")
    for name in ("tests", "cassettes", "generated", "codegen"):
        shutil.copytree(ROOT / name, WORK / name, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
    shutil.copy2(ROOT / "openapi.yaml", WORK / "openapi.yaml")
    (WORK / "pyproject.toml").write_text(_config(modules), encoding="utf-8")


def scores(modules: list[str]) -> dict[str, dict[str, int]]:
    """Per module, how many mutants mutmut judged killed, timed out, survived, or never ran a test on."""
    from mutmut.stats import status_by_exit_code

    found: dict[str, dict[str, int]] = {}
    for name in modules:
        meta = WORK / "mutants" / "src" / "threadshim" / f"{name}.meta"
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        counts = {"killed": 0, "timeout": 0, "survived": 0, "not covered": 0}
        for code in codes.values():
            status = status_by_exit_code[code]
            bucket = status if status in counts else "not covered" if status in ("no tests", "not checked") else None
            if bucket is not None:
                counts[bucket] += 1
        found[name] = counts
    return found


def _row(name: str, counts: dict[str, int]) -> str:
    caught = counts["killed"] + counts["timeout"]
    everything = caught + counts["survived"] + counts["not covered"]
    share = f"{caught / everything:.0%}" if everything else "-"
    cells = [name, *(str(counts[key]) for key in ("killed", "timeout", "survived", "not covered")), share]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str]) -> int:
    """Run mutmut over ``argv``'s modules (default: all of ``MODULES``) and print the table the README keeps."""
    unknown = sorted(set(argv) - set(MODULES))
    if unknown:
        print(f"not a mutated module: {', '.join(unknown)}; choose from {', '.join(MODULES)}", file=sys.stderr)
        return 2
    modules = argv or MODULES
    prepare(modules)
    started = time.monotonic()
    mutmut = Path(sys.executable).parent / "mutmut"
    result = subprocess.run([str(mutmut), "run", "--max-children", "2"], cwd=WORK, check=False)
    minutes = (time.monotonic() - started) / 60
    print(f"\nmutmut run: exit {result.returncode} in {minutes:.1f} min")
    print("| module | killed | timed out | survived | not covered | caught |\n|---|---|---|---|---|---|")
    totals = {"killed": 0, "timeout": 0, "survived": 0, "not covered": 0}
    for name, counts in scores(modules).items():
        for key, value in counts.items():
            totals[key] += value
        print(_row(name, counts))
    print(_row("all", totals))
    print(f"surviving mutants: cd {WORK.relative_to(ROOT)} && mutmut results; mutmut show NAME")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
