"""Every JSON value saved in files, folders and archives, each with the place it was found.

Folders are walked in name order; ``.gz`` files are read through, ``.zip`` and ``.tar`` (``.tar.gz``,
``.tgz``) members one by one. A file holds one JSON value, several concatenated (JSON Lines
included, one value a line, read line by line however large the file), or text that is not JSON:
each value comes with its place (``file:line``, ``archive.zip!member:line``), and what cannot be
read comes as an :class:`Invalid` with its place and reason, so the caller can count it and go on.
"""

from __future__ import annotations

import gzip
import heapq
import json
import os
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from .._json import STORED_DEPTH, loads

Stream = IO[bytes] | gzip.GzipFile
MAX_WHOLE_FILE = 1 << 30
"""A file that is not JSON Lines is parsed whole: one larger than this is refused (save it as JSON Lines)."""


@attrs.frozen
class Found:
    """A JSON value and where it was found; ``synthesized``: a thread made from rows, not saved as one."""

    place: str
    value: Any
    synthesized: bool = False


@attrs.frozen
class Invalid:
    """Something that could not be read as JSON, where it was, and why."""

    place: str
    reason: str


def _walk(folder: str) -> Iterator[str]:
    """Every file under ``folder`` (links to folders not followed), in the order its paths sort part by part.

    Each folder's names are sorted and its subfolders walked in their place, so only the names of
    the folders being walked are held, never a list of every file (a hundred thousand paths and the
    keys to sort them were tens of megabytes at once). A folder that cannot be listed is passed over.
    """
    folders: list[str] = []
    files: list[str] = []  # names alone, no tuple for each: a folder of 50,000 names is a few megabytes less
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.name)
                elif entry.is_file():
                    files.append(entry.name)
    except OSError:
        return
    folders.sort()
    files.sort()
    named = heapq.merge(((name, True) for name in folders), ((name, False) for name in files))
    for name, is_folder in named:
        path = os.path.join(folder, name)
        yield from _walk(path) if is_folder else (path,)


def walk_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | Invalid]:
    """The files ``paths`` name, folders walked in name order, as they are found; a path that is neither is an
    :class:`Invalid`.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(str(path))
        elif path.is_file():
            yield str(path)
        else:
            yield Invalid(str(path), "no such file or folder")


def files_in(paths: Iterable[str | os.PathLike[str]]) -> list[str | Invalid]:
    """:func:`walk_files` as a list."""
    return list(walk_files(paths))


def found_in(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Found | Invalid]:
    """Every value (or invalid record) in ``paths``: files, folders (recursively), and archives."""
    for file in files_in(paths):
        yield from (file,) if isinstance(file, Invalid) else read_file(file)


def read_file(path: str | Path) -> Iterator[Found | Invalid]:
    """Every value (or invalid record) in one file, or in each member of an archive file."""
    name = os.path.basename(path).lower()
    try:
        if name.endswith(".zip"):
            yield from _zip(path)
        elif name.endswith((".tar", ".tar.gz", ".tgz")):
            yield from _tar(path)
        elif name.endswith(".gz"):
            with gzip.open(path, "rb") as stream:
                yield from values(stream, str(path))
        else:
            with open(path, "rb") as stream:
                yield from values(stream, str(path))
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError) as exc:
        yield Invalid(str(path), f"cannot be read ({exc})")


def _zip(path: str | Path) -> Iterator[Found | Invalid]:
    with zipfile.ZipFile(path) as archive:
        for member in sorted(archive.namelist()):
            if member.endswith("/"):
                continue
            with archive.open(member) as stream:
                inner: Stream = gzip.GzipFile(fileobj=stream) if member.lower().endswith(".gz") else stream
                yield from values(inner, f"{path}!{member}")


def _tar(path: str | Path) -> Iterator[Found | Invalid]:
    with tarfile.open(path, "r:*") as archive:
        members = sorted((m for m in archive.getmembers() if m.isfile()), key=lambda m: m.name)
        for member in members:
            stream = archive.extractfile(member)
            if stream is None:
                continue
            with stream:
                inner: Stream = gzip.GzipFile(fileobj=stream) if member.name.lower().endswith(".gz") else stream
                yield from values(inner, f"{path}!{member.name}")


def values(
    stream: Stream, place: str, *, first_line: int = 1, json_lines: bool = False, stop: int | None = None
) -> Iterator[Found | Invalid]:
    """The values a stream holds: line by line while every line is a whole value, else the rest parsed whole.

    A part of a larger file (see ``units``) starts at ``first_line`` and, after the file's first
    part has shown it is JSON Lines, with ``json_lines``. ``stop``: the first part's end (a line's
    end); reading stops there once a line has been a whole value, and goes on to the file's end if
    none has.
    """
    number, read = first_line - 1, 0
    for raw in stream:
        number += 1
        read += len(raw)
        text = raw.strip()
        if number == 1 and text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
        if text:
            try:
                value = loads(text, STORED_DEPTH)
            except ValueError as exc:
                if not json_lines:  # not JSON Lines: the rest is parsed whole
                    yield from _whole(raw + stream.read(MAX_WHOLE_FILE), place, number)
                    return
                yield Invalid(f"{place}:{number}", f"not JSON ({_short(exc)})")  # JSON Lines with a bad line
            else:
                json_lines = True  # once a whole line has been a value, a bad line after it is one bad line
                yield Found(f"{place}:{number}", value)
        if read == stop and json_lines:
            return


def _whole(data: bytes, place: str, first_line: int) -> Iterator[Found | Invalid]:
    """Concatenated JSON values (pretty-printed ones, say) from ``first_line`` on.

    What is not JSON is skipped to the end of its line, and parsing goes on from the next.
    """
    if len(data) >= MAX_WHOLE_FILE:
        yield Invalid(place, f"is over {MAX_WHOLE_FILE >> 20} MiB and not JSON Lines; save it one value a line")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Invalid(place, f"is not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    decoder = json.JSONDecoder()
    at, size = 0, len(text)
    while True:
        while at < size and text[at] in " \t\r\n\ufeff":
            at += 1
        if at >= size:
            return
        line = first_line + text.count("\n", 0, at)
        try:
            value, end = decoder.raw_decode(text, at)
            loads(text[at:end], STORED_DEPTH)  # the same depth limit as every other value
        except (ValueError, RecursionError) as exc:
            yield Invalid(f"{place}:{line}", f"not JSON ({_short(exc)})")
            newline = text.find("\n", at)
            at = size if newline < 0 else newline + 1
            continue
        yield Found(f"{place}:{line}", value)
        at = end


def _short(exc: Exception) -> str:
    """What is wrong, and at which column of its line."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


__all__ = ["Found", "Invalid", "files_in", "found_in", "read_file", "values", "walk_files"]
