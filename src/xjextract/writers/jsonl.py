"""JSONL output: one record per line, written atomically, resumable.

Lines are split on ``\\n`` only, by every reader: the characters that some readers also take for line breaks
(U+0085, U+2028, U+2029; Python's ``str.splitlines`` is one) are written as JSON escapes, so a record whose
text holds them is still one line for everyone.

A run writes to a partial file beside the output (``.NAME.partial``) and renames it into place when the run
ends, so the output is either the previous file or the complete new one, never a torn mix. When a run fails
(disk full, interrupted, a worker killed), the partial file is kept: ``--resume`` continues from it (or from
a complete earlier output), skipping the ids already written.

>>> escape_separators('{"text": "a\\u2028b"}')
'{"text": "a\\\\u2028b"}'
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from ..schema import Record

#: Characters JSON allows raw inside strings that ``str.splitlines`` (and some JSON-lines readers) treat as
#: line breaks.
_SEPARATORS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def escape_separators(line: str) -> str:
    """``line`` with U+0085, U+2028 and U+2029 written as JSON escapes (they can only occur inside strings)."""
    for char, escape in _SEPARATORS.items():
        if char in line:
            line = line.replace(char, escape)
    return line


def record_line(record: Record) -> str:
    """One record as one JSON line (without the final newline)."""
    return escape_separators(record.model_dump_json())


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a JSONL file, split on ``\\n`` only, read as a stream; blank lines skipped.

    Raises:
        OSError: the file cannot be read.
        UnicodeDecodeError: it is not UTF-8.
    """
    with path.open("r", encoding="utf-8", newline="\n") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n").rstrip("\r")
            if line.strip():
                yield number, line


def partial_path(output: Path) -> Path:
    """Where a run writes before the output is complete: a hidden file beside it."""
    return output.with_name(f".{output.name}.partial")


def completed(path: Path) -> tuple[list[str], int]:
    """The complete record lines of an earlier output and the byte length they take: a torn last line (no
    final newline, or not a JSON object with an ``id``) and anything after it do not count."""
    lines: list[str] = []
    size = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                text = raw.decode("utf-8")
                record_id = json.loads(text).get("id")
            except (UnicodeDecodeError, ValueError, AttributeError):
                break
            if not isinstance(record_id, str):
                break
            lines.append(text.rstrip("\n"))
            size += len(raw)
    return lines, size


class AtomicJsonlWriter:
    """Write record lines to ``output`` through a partial file, renamed into place by :meth:`commit`.

    With ``resume``, the lines of an earlier partial file (or, when there is none, of the existing output)
    are kept and their ids reported in :attr:`done`; new lines are appended after them.
    """

    def __init__(self, output: Path, resume: bool = False) -> None:
        self.output = output
        self.partial = partial_path(output)
        self.done: set[str] = set()
        self.kept = 0
        self._handle: IO[str] | None = None
        output.parent.mkdir(parents=True, exist_ok=True)
        if resume and self.partial.exists():
            lines, size = completed(self.partial)
            with self.partial.open("r+b") as handle:
                handle.truncate(size)  # drop a torn last line
            self._handle = self.partial.open("a", encoding="utf-8", newline="\n")
        else:
            lines = completed(output)[0] if resume and output.exists() else []
            self._handle = self.partial.open("w", encoding="utf-8", newline="\n")
            for line in lines:
                self._handle.write(line + "\n")
        self.done = {json.loads(line)["id"] for line in lines}
        self.kept = len(lines)

    def write(self, line: str) -> None:
        assert self._handle is not None, "writer closed"
        self._handle.write(line + "\n")

    def commit(self) -> None:
        """Flush the partial file to disk and rename it over the output."""
        assert self._handle is not None, "writer closed"
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        self._handle = None
        os.replace(self.partial, self.output)

    def abandon(self) -> None:
        """Close the partial file and leave it for ``--resume``; the output stays as it was."""
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError:  # the disk is full: what was flushed is what resume will find
                pass
            self._handle = None

    def __enter__(self) -> AtomicJsonlWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None and self._handle is not None:
            self.commit()
        else:
            self.abandon()
