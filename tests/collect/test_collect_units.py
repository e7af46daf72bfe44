"""How collect cuts its inputs into units, and the thread that writes the archive."""

from __future__ import annotations

import errno
import gzip
import io
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from threadshim.collect import units as units_module
from threadshim.collect.containers import Invalid
from threadshim.collect.fanout import ahead
from threadshim.collect.units import Files, Part, size_of, units
from threadshim.collect.writer import Writer


def _file(folder: Path, name: str, size: int) -> str:
    path = folder / name
    path.write_bytes((b"x" * 99 + b"\n") * (size // 100) + b"y" * (size % 100))
    return str(path)


def test_small_files_go_together_to_a_unit_size_and_large_ones_are_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units_module, "UNIT_BYTES", 2048)
    a, b, c = _file(tmp_path, "a", 1000), _file(tmp_path, "b", 1000), _file(tmp_path, "c", 100)
    exact = _file(tmp_path, "exact", 4096)  # twice a unit: still read whole
    large = _file(tmp_path, "large", 5000)
    e, g = _file(tmp_path, "e", 3000), _file(tmp_path, "g", 10)
    with gzip.open(tmp_path / "f.gz", "wb") as packed:
        packed.write(b"{}\n")
    gone = Invalid("gone", "no such file or folder")
    planned = list(units([a, b, c, exact, large, e, str(tmp_path / "f.gz"), gone, g]))
    assert planned == [
        Files((a, b, c)),  # 2,100 bytes: at least a unit
        Files((exact,)),
        Part(large, 0, 2100, 1),  # the first line end past 2,048 bytes
        Part(large, 2100, 4200, 22),
        Part(large, 4200, 5000, 43),
        Files((e,)),
        Files((str(tmp_path / "f.gz"),), streamed=True),
        gone,
        Files((g,)),
    ]
    monkeypatch.setattr(units_module, "UNIT_FILES", 2)
    assert list(units([g, g, g])) == [Files((g, g)), Files((g,))]
    assert size_of(gone) == 0 and size_of(str(tmp_path / "missing")) == 0 and size_of(large) == 5000


def test_the_writer_writes_every_line_in_order_and_raises_what_writing_raised() -> None:
    written = io.BytesIO()
    with Writer(written) as writer:
        for number in range(500):
            writer.write(b"%d\n" % number)
        writer.close()
    assert written.getvalue() == b"".join(b"%d\n" % n for n in range(500))

    class Full(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            raise OSError(28, "No space left on device")

    with Writer(Full()) as failing:
        failing.write(b"one\n")
        with pytest.raises(OSError, match="No space left"):
            for _ in range(1000):  # raised at a later write, or at close
                failing.write(b"more\n")
            failing.close()


def test_a_batch_ends_before_whatever_is_not_batched_and_at_exactly_a_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units_module, "UNIT_BYTES", 2048)
    small, exact, large = _file(tmp_path, "s", 10), _file(tmp_path, "exact", 4096), _file(tmp_path, "l", 5000)
    half, rest = _file(tmp_path, "half", 1000), _file(tmp_path, "rest", 1047)
    gone = Invalid("gone", "no such file or folder")
    assert list(units([small, gone, small])) == [Files((small,)), gone, Files((small,))]
    assert list(units([small, exact, small])) == [Files((small, exact)), Files((small,))]
    assert [type(u) for u in units([small, large])] == [Files, Part, Part, Part]
    assert list(units([half, rest, small])) == [Files((half, rest, small))]  # 2,047 bytes, then 2,057
    assert list(units([half, _file(tmp_path, "more", 1048), small])) == [
        Files((half, str(tmp_path / "more"))),  # exactly 2,048 bytes: a unit
        Files((small,)),
    ]
    monkeypatch.setattr(units_module, "UNIT_BYTES", 1000)
    assert list(units([str(tmp_path)])) == [Files((str(tmp_path),))]  # a folder's size, but no file to cut


def test_a_unit_whose_file_is_gone_when_it_is_read_is_one_invalid_record(tmp_path: Path) -> None:
    gone = str(tmp_path / "gone.jsonl")
    for unit in (Part(gone, 0, 10, 1), Part(gone, 10, 20, 2)):
        done = units_module.read(unit)
        assert (len(done.records), done.objects, done.to_end) == (1, 0, False)
        assert isinstance(done.records[0], Invalid) and done.records[0].place == gone
        assert done.records[0].reason.startswith("cannot be read (") and "No such file" in done.records[0].reason


@pytest.mark.parametrize("kernel", ["copies", "cannot", "stops part-way", "absent"])
def test_the_writer_appends_a_file_whole_and_removes_it_however_the_kernel_copy_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel: str
) -> None:
    real = os.copy_file_range

    def part_way(source: int, target: int, count: int) -> int:
        if os.lseek(source, 0, os.SEEK_CUR) > 0:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real(source, target, min(count, 1000))

    def cannot(source: int, target: int, count: int) -> int:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    if kernel == "absent":
        monkeypatch.delattr(os, "copy_file_range")
    elif kernel != "copies":
        monkeypatch.setattr(os, "copy_file_range", cannot if kernel == "cannot" else part_way)
    chunks = [bytes([65 + n]) * (2500 + n) for n in range(3)]
    for number, chunk in enumerate(chunks):
        (tmp_path / f"lines-{number}").write_bytes(chunk)
    with (tmp_path / "out").open("wb", buffering=0) as handle, Writer(handle) as writer:
        writer.write(b"first\n")
        for number in range(3):
            writer.move(str(tmp_path / f"lines-{number}"))
        writer.write(b"last\n")
        writer.close()
    assert (tmp_path / "out").read_bytes() == b"first\n" + b"".join(chunks) + b"last\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_work_ahead_is_handed_back_in_order_never_more_than_depth_jobs_ahead(depth: int) -> None:
    pulled: list[int] = []

    def jobs() -> Iterator[int]:
        for number in range(10):
            pulled.append(number)
            yield number

    handed: list[tuple[int, int | None]] = []
    with ThreadPoolExecutor(2) as pool:
        for job, future in ahead(jobs(), pool, depth, lambda n: n * 10, lambda n: n % 3 != 1):
            assert len(pulled) == min(10, job + max(depth, 1))  # the one handed back and those behind it
            handed.append((job, None if future is None else future.result()))
    assert handed == [(n, None if n % 3 == 1 else n * 10) for n in range(10)]
    assert [future for _, future in ahead(range(3), None, depth, str, lambda _: True)] == [None, None, None]
