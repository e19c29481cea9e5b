"""The ``xjextract`` command: parse arguments, call the library, write JSONL. Nothing else.

Exit codes: 0 all went well; 1 some input failed (the others were still written); 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .pipeline import ArticleError, RawArticle, decode_article, extract_article, read_article
from .schema import Record, json_schema
from .settings import Settings, load_settings

log = logging.getLogger("xjextract")


class UsageError(Exception):
    """Bad arguments or settings: reported with exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xjextract",
        description="Turn raw English articles of Chinese state media into structured, validated JSONL records.",
    )
    parser.add_argument("--version", action="version", version=f"xjextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ext = sub.add_parser("extract", help="extract records from article files (one JSON line per article)")
    ext.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders (searched for *.txt), or - for stdin")
    ext.add_argument("-o", "--output", type=Path, help="write JSONL here instead of stdout")
    ext.add_argument("--config", type=Path, help="TOML settings file laid over the defaults")
    ext.add_argument("--model", help="spaCy model package name or path (default: en_core_web_sm, else the re-upload)")
    ext.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")

    sub.add_parser("schema", help="print the JSON Schema of a record")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also when called in-process by tests)."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="xjextract: %(levelname)s: %(message)s")
    try:
        if args.command == "schema":
            print(json.dumps(json_schema(), indent=2))
            return 0
        if args.command == "extract":
            return _extract(args)
    except UsageError as exc:
        print(f"xjextract: error: {exc}", file=sys.stderr)
        return 2
    raise AssertionError(f"unhandled command {args.command}")  # argparse only lets known commands through


def _extract(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(args.config, model=args.model)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    inputs, failures = _inputs(args.paths)
    if not inputs and not failures:
        raise UsageError("no input: the paths hold no *.txt files")
    started = time.perf_counter()
    out: TextIO = sys.stdout
    if args.output:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            out = args.output.open("w", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from exc
    counts = {"written": 0, "sentences": 0, "removed": 0, "warnings": 0}
    try:
        for item in _progress(inputs, settings, quiet=args.quiet):
            try:
                raw = item if isinstance(item, RawArticle) else read_article(item)
                record = extract_article(raw, settings=settings)
            except ArticleError as exc:
                failures.append(str(exc))
                print(f"xjextract: error: {exc}", file=sys.stderr)
                continue
            out.write(record.model_dump_json() + "\n")
            _count(counts, record)
    finally:
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        where = f" -> {args.output}" if args.output else ""
        print(
            f"xjextract: {counts['written']} records{where}, {len(failures)} failed, "
            f"{counts['sentences']} sentences, {counts['removed']} boilerplate stretches removed, "
            f"{counts['warnings']} warnings, {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return 1 if failures else 0


def _count(counts: dict[str, int], record: Record) -> None:
    counts["written"] += 1
    counts["sentences"] += len(record.sentences)
    counts["removed"] += len(record.removed)
    counts["warnings"] += len(record.warnings)


def _inputs(paths: Sequence[str]) -> tuple[list[Path | RawArticle], list[str]]:
    """Expand the command-line paths, in order; missing paths become failures (reported at once)."""
    inputs: list[Path | RawArticle] = []
    failures: list[str] = []
    seen: set[str] = set()
    for name in paths:
        if name == "-":
            try:
                inputs.append(decode_article(sys.stdin.buffer.read(), "<stdin>", "stdin"))
            except ArticleError as exc:
                failures.append(str(exc))
                print(f"xjextract: error: {exc}", file=sys.stderr)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                log.warning("%s: folder holds no *.txt files", path)
            files = found
        elif path.exists():
            files = [path]
        else:
            message = f"{path}: no such file or folder"
            failures.append(message)
            print(f"xjextract: error: {message}", file=sys.stderr)
            continue
        for file in files:
            key = str(file.resolve())
            if key not in seen:  # a file named twice (or inside a folder also named) is extracted once
                seen.add(key)
                inputs.append(file)
    return inputs, failures


def _progress(items: list[Path | RawArticle], settings: Settings, quiet: bool) -> Iterator[Path | RawArticle]:
    """The items, behind a progress bar on stderr when it is a terminal and there are many."""
    if quiet or len(items) < settings.min_files_for_progress or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc="xjextract", unit="article", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
