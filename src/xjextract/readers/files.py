"""Finding the input files named on a command line: folders searched, special files skipped, one id each.

Ids: an input's id is its file stem; when several inputs share a stem (``a/x.txt`` and ``b/x.txt``), the first
in input order keeps it and the others get ``x-2``, ``x-3``, ... (the first such id no other input has), so
ids are distinct and the same inputs always get the same ids.

>>> [(f.id, str(f.path)) for f in assign_ids([Path("a/x.txt"), Path("b/x.txt"), Path("y.txt")])]
[('x', 'a/x.txt'), ('x-2', 'b/x.txt'), ('y', 'y.txt')]
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from . import path_text, shown


@dataclass(frozen=True)
class InputFile:
    """A file to read, with the record id it will get and the format to read it in (``sniff``: a page that
    turns out to be HTML is read as HTML)."""

    path: Path
    id: str
    format: Literal["page", "text", "jsonl", "html"] = "page"
    sniff: bool = False


@dataclass
class Discovery:
    """What :func:`discover` found: the files in input order, the paths that failed, and what was skipped."""

    files: list[InputFile] = field(default_factory=list)
    #: For each file, the index in ``paths`` of the path that named it (or the folder that held it).
    origins: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def discover(paths: Sequence[str], pattern: str | Sequence[str] = "*.txt", exclude: Iterable[Path] = ()) -> Discovery:
    """Expand file and folder paths, in order (folders are searched recursively for ``pattern``).

    A file named twice, or inside a folder also named, is taken once. Files in ``exclude`` (the output and
    its partial file) are never inputs; ``-`` (standard input) is left to the caller. Special files (FIFOs, devices, sockets) and dangling symbolic links
    are skipped with a note in ``skipped``: reading a FIFO would block forever.
    """
    found = Discovery()
    excluded = {_key(p) for p in exclude}
    seen: set[str] = set()
    candidates: list[tuple[Path, int]] = []
    for index, name in enumerate(paths):
        if name == "-":  # standard input: the caller reads it
            continue
        path = Path(name)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            reason = "dangling symbolic link" if path.is_symlink() else "no such file or folder"
            found.errors.append(f"{shown(path_text(path))}: {reason}")
            continue
        except OSError as exc:
            found.errors.append(f"{shown(path_text(path))}: cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            inside = []
            patterns = [pattern] if isinstance(pattern, str) else list(pattern)
            for file in sorted({f for p in patterns for f in path.rglob(p)}):
                try:
                    file_mode = file.stat().st_mode
                except OSError:
                    found.skipped.append(f"{shown(path_text(file))}: skipped: dangling symbolic link")
                    continue
                if stat.S_ISREG(file_mode):
                    inside.append(file)
                elif not stat.S_ISDIR(file_mode):
                    found.skipped.append(f"{shown(path_text(file))}: skipped: {_kind(file_mode)}")
            if not inside:
                found.skipped.append(f"{shown(path_text(path))}: folder holds no {' or '.join(patterns)} files")
            candidates += [(file, index) for file in inside]
        elif stat.S_ISREG(mode):
            candidates.append((path, index))
        else:
            found.skipped.append(f"{shown(path_text(path))}: skipped: {_kind(mode)}")
    unique = []
    for file, index in candidates:
        key = _key(file)
        if key not in seen and key not in excluded:
            seen.add(key)
            unique.append(file)
            found.origins.append(index)
    found.files = assign_ids(unique)
    return found


def _key(path: Path) -> str:
    return os.path.realpath(path)


def assign_ids(paths: Sequence[Path]) -> list[InputFile]:
    """One distinct id per path: the stem, then ``stem-2``, ``stem-3``, ... for later paths with that stem."""
    used: set[str] = set()
    out = []
    for path in paths:
        stem = path_text(path.stem)
        article_id, n = stem, 1
        while article_id in used:
            n += 1
            article_id = f"{stem}-{n}"
        used.add(article_id)
        out.append(InputFile(path, article_id))
    return out


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the same path, a link to it, or a hard link)."""
    try:
        return _key(a) == _key(b) or os.path.samefile(a, b)
    except OSError:
        return False
