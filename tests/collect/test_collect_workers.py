"""Collect read by worker processes, large files cut into parts: the same archive and report as one process."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from threadshim._json import text
from threadshim.collect import collect
from threadshim.collect import fanout as fanout_module
from threadshim.collect import pile as pile_module
from threadshim.collect import run as run_module
from threadshim.collect import units as units_module
from threadshim.collect.containers import Invalid
from threadshim.collect.units import Done, Files, Part, Unit, units

from .test_collect_rules import message, thread


def _thread_id(number: int) -> str:
    return f"thread_{number:024d}"


def _lines(threads: range, *, bad_at: int | None = None) -> tuple[str, int]:
    """JSON Lines of ``threads`` (a thread, then three messages each); the line number of the bad line put in."""
    lines: list[str] = []
    bad = 0
    for number in threads:
        lines.append(json.dumps(thread(_thread_id(number), 1000 + number, topic=f"t{number}")))
        for position in range(3):
            lines.append(json.dumps(message(_thread_id(number), number * 10 + position, f"m{position}", 2000 + number)))
        if number == bad_at:
            lines.append("{this is not JSON")
            bad = len(lines)
    return "".join(line + "\n" for line in lines), bad


@pytest.fixture
def saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A folder of every kind of input, with units of 2 KB so that files are cut into many parts."""
    monkeypatch.setattr(units_module, "UNIT_BYTES", 2048)
    folder = tmp_path / "saved"
    folder.mkdir()
    big, bad = _lines(range(0, 40), bad_at=31)
    (folder / "a-big.jsonl").write_text("\n\n" + big)  # blank lines first: the first part decides on a value
    pretty = [thread(_thread_id(n), 1000 + n) for n in range(40, 60)]
    (folder / "b-pretty.json").write_text(json.dumps(pretty, indent=2))  # not JSON Lines, cut into parts all the same
    with gzip.open(folder / "c-packed.jsonl.gz", "wt") as packed:
        packed.write(_lines(range(60, 70))[0])
    for number in range(70, 80):
        own = folder / "threads" / _thread_id(number)
        own.mkdir(parents=True)
        (own / "thread.json").write_text(json.dumps(thread(_thread_id(number), 1000 + number)))
        page = {"object": "list", "data": [message(_thread_id(number), number * 10, "only", 2000 + number)]}
        (own / "messages.json").write_text(json.dumps(page))
    return folder, bad


def _report(out: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(out.with_name(out.name + ".collect.json").read_text())
    report.pop("out", None)
    return report


def test_the_inputs_are_cut_into_parts_at_line_ends_each_knowing_its_first_line(saved: tuple[Path, int]) -> None:
    folder, _ = saved
    big = folder / "a-big.jsonl"
    planned = list(units([str(big), str(folder / "c-packed.jsonl.gz"), Invalid("gone", "no such file or folder")]))
    parts = [unit for unit in planned if isinstance(unit, Part)]
    data = big.read_bytes()
    assert len(parts) >= len(data) // 4096 > 3
    assert [p.start for p in parts] == [0] + [p.end for p in parts[:-1]]
    assert all(p.end == data.index(b"\n", p.start + 2048) + 1 for p in parts[:-1])  # the first line end past 2 KB
    assert parts[-1].end == len(data) and all(data[p.end - 1 : p.end] == b"\n" for p in parts)
    assert [p.first_line for p in parts] == [data[: p.start].count(b"\n") + 1 for p in parts]
    assert planned[len(parts) :] == [
        Files((str(folder / "c-packed.jsonl.gz"),), streamed=True),
        Invalid("gone", "no such file or folder"),
    ]


_IN_A_PROCESS = """
import json, sys
from threadshim.collect import run, units
units.UNIT_BYTES = 2048
made = []
run.worker_pool = lambda n, made_by=run.worker_pool: made.append(made_by(n)) or made[-1]
summary = run.collect([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]))
print(json.dumps([made[-1] is not None, summary.records, [[i.place, i.reason] for i in summary.invalid]]))
"""


@pytest.mark.parametrize("workers", [0, 2])
def test_workers_and_parts_give_what_one_process_reading_whole_files_gives(
    saved: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    folder, bad = saved
    cut = tmp_path / "cut.jsonl"
    if workers:  # in a fresh process, which has no other threads: forking is safe there
        done = subprocess.run([sys.executable, "-c", _IN_A_PROCESS, str(folder), str(cut), str(workers)],
                              capture_output=True, text=True, check=True)  # fmt: skip
        pooled, records, invalid = json.loads(done.stdout)
        assert pooled
    else:  # here, every part read in this process
        summary = collect([folder], cut, workers=0)
        records, invalid = summary.records, [[i.place, i.reason] for i in summary.invalid]
    monkeypatch.setattr(units_module, "UNIT_BYTES", 1 << 30)  # no parts, and every file in one unit
    whole = collect([folder], tmp_path / "whole.jsonl", workers=0)
    assert cut.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert _report(cut) == _report(tmp_path / "whole.jsonl")
    assert records == whole.records == 240 and (whole.threads, whole.messages) == (80, 160)
    big = folder / "a-big.jsonl"
    assert [(place, reason[:8]) for place, reason in invalid] == [(f"{big}:{bad + 2}", "not JSON")]  # 2 blank lines
    assert [(i.place, i.reason) for i in whole.invalid] == [tuple(i) for i in invalid]
    lines = [json.loads(line) for line in cut.read_text().splitlines()]
    assert [line["id"] for line in lines] == [_thread_id(n) for n in range(80)]
    assert lines[5]["thread"]["metadata"] == {"topic": "t5"} and len(lines[5]["messages"]) == 3


def test_a_file_not_json_lines_is_read_whole_by_its_first_part_and_its_other_parts_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units_module, "UNIT_BYTES", 512)
    pretty = tmp_path / "pretty.json"
    values = [thread(_thread_id(n), 1000 + n) for n in range(30)] + ["not an object"]
    pretty.write_text(json.dumps(values, indent=2))
    assert len([u for u in units([str(pretty)]) if isinstance(u, Part)]) > 5
    summary = collect([pretty], tmp_path / "out.jsonl", workers=0)  # every part read here
    assert (summary.threads, summary.records) == (30, 31)
    assert [(i.place, i.reason) for i in summary.invalid] == [(f"{pretty}:1[30]", "a JSON string, not an object")]


def test_workers_must_be_a_whole_number(tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps(thread(_thread_id(1), 1)) + "\n")
    for bad in (-1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="workers must be a whole number"):
            collect([dump], tmp_path / "out.jsonl", workers=bad)  # type: ignore[arg-type]
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ({"b": 1, "a": [1.5, "é"]}, '{"a":[1.5,"é"],"b":1}'),
        ({"x": float("nan"), "y": float("inf")}, '{"x":NaN,"y":Infinity}'),  # orjson would write null
        ({"n": None, "big": 2**70}, '{"big":1180591620717411303424,"n":null}'),  # past 64 bits
        ({"s": "\ud800"}, '{"s":"\ud800"}'),  # a lone surrogate, as json writes it
    ],
)
def test_json_text_writes_what_json_writes_in_value(value: Any, written: str) -> None:
    assert text(value, sort_keys=True) == written
    back = json.loads(written)
    assert json.loads(text(value, sort_keys=True)) == back or value.get("x") != value.get("x")


def test_a_first_part_of_blank_lines_reads_on_to_the_end_and_the_other_parts_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units_module, "UNIT_BYTES", 512)
    dump = tmp_path / "late.jsonl"
    body, bad = _lines(range(5), bad_at=3)
    dump.write_text("\n" * 1500 + body)
    assert len([u for u in units([str(dump)]) if isinstance(u, Part)]) > 3
    summary = collect([dump], tmp_path / "out.jsonl")
    assert (summary.threads, summary.messages, summary.records) == (5, 15, 20)
    assert [(i.place, i.reason[:8]) for i in summary.invalid] == [(f"{dump}:{1500 + bad}", "not JSON")]


def test_the_cli_takes_workers_and_refuses_a_count_below_zero_in_one_line(
    saved: tuple[Path, int], tmp_path: Path
) -> None:
    folder, _ = saved
    command = [sys.executable, "-m", "threadshim", "collect", str(folder), "--out", str(tmp_path / "cli.jsonl")]
    done = subprocess.run([*command, "--workers", "2"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and done.stdout.startswith("collected 80 threads"), done.stderr  # one line not JSON
    collect([folder], tmp_path / "here.jsonl", workers=0)
    assert (tmp_path / "cli.jsonl").read_bytes() == (tmp_path / "here.jsonl").read_bytes()
    refused = subprocess.run([*command, "--workers", "-1"], capture_output=True, text=True, timeout=120, check=False)
    assert refused.returncode == 2  # argparse's usage, then the one line that says what is wrong
    assert refused.stderr.splitlines()[-1].endswith("argument --workers: expected a whole number of at least 0, got -1")


def test_ctrl_c_to_the_whole_process_group_stops_the_workers_too_in_one_line_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    saved = tmp_path / "big.jsonl"
    saved.write_text(_lines(range(6000))[0])  # about 7 MB: seconds of work with workers
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    command = [sys.executable, "-m", "threadshim", "collect", str(saved), "--out", str(tmp_path / "out.jsonl")]
    env = {**os.environ, "TMPDIR": str(scratch)}
    run = subprocess.Popen([*command, "--workers", "2"], stderr=subprocess.PIPE, text=True, env=env,
                           start_new_session=True)  # fmt: skip
    while not any(scratch.iterdir()) and run.poll() is None:  # the pile's folder: reading has begun
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: to the run and its workers
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert "Traceback" not in err and err.splitlines()[-1] == (
        "threadshim: interrupted; no archive was written (an earlier one at --out is as it was)"
    )
    assert not (tmp_path / "out.jsonl").exists() and list(scratch.iterdir()) == []


def test_a_pool_in_this_process_reads_and_writes_what_one_process_does(
    saved: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers' side (texts written beside the pile, lines made a chunk at a time) run by threads here."""
    folder, _ = saved
    again = [  # second copies, read by a worker in one unit: settled in order, as one process would
        message(_thread_id(3), 30, "m0", 2003),  # the same as the first copy: a duplicate
        message(_thread_id(3), 31, "a longer text than m1", 2003),  # says more: it is kept
        message(_thread_id(4), 40, "-", 2004),  # says less: the first copy stays
        message(_thread_id(5), 99, "new", 1),  # a new message, then a copy that says more, then that copy again
        message(_thread_id(5), 99, "newer", 1),
        message(_thread_id(5), 99, "newer", 1),
    ]
    nameless = {k: v for k, v in message(_thread_id(6), 0, "no id", 2006).items() if k != "id"}
    (folder / "d-again.jsonl").write_text("".join(json.dumps(m) + "\n" for m in [*again, nameless]))
    pretty = [thread(_thread_id(n), 1000 + n, topic="a topic to make it longer") for n in range(80, 120)]
    (folder / "e-pretty.json").write_text(json.dumps(pretty, indent=2))  # cut: its first part reads it whole
    assert len([u for u in units([str(folder / "e-pretty.json")]) if isinstance(u, Part)]) > 2
    alone = collect([folder], tmp_path / "alone.jsonl", workers=0)
    assert alone.duplicates == 2 and len(alone.conflicts) == 3 and not alone.invalid[1:]
    monkeypatch.setattr(pile_module, "CHUNK", 7)  # many chunks, each written by a worker and appended in order
    pools: list[ThreadPoolExecutor] = []

    def threads(workers: int) -> ThreadPoolExecutor:
        pools.append(ThreadPoolExecutor(workers))
        return pools[-1]

    monkeypatch.setattr(run_module, "worker_pool", threads)
    read_by_workers: list[Unit] = []
    read_aside = fanout_module.read_aside

    def counted(folder: str, unit: Unit) -> Done:
        read_by_workers.append(unit)
        return read_aside(folder, unit)

    monkeypatch.setattr(fanout_module, "read_aside", counted)
    pooled = collect([folder], tmp_path / "pooled.jsonl", workers=2)
    assert len(pools) == 1 and (pooled.threads, pooled.messages, pooled.records) == (120, 162, 287)
    assert len(read_by_workers) > 10  # every unit but the compressed file
    assert (tmp_path / "pooled.jsonl").read_bytes() == (tmp_path / "alone.jsonl").read_bytes()
    assert _report(tmp_path / "pooled.jsonl") == _report(tmp_path / "alone.jsonl")
    assert (pooled.synthesized, pooled.duplicates, pooled.conflicts) == (alone.synthesized, 2, alone.conflicts)
