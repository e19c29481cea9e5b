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
from .evaluate import evaluate, format_errors, format_table, gate, load_baseline, parse_floor, raise_floors
from .gold import GoldError, check_gold_dir, draft_gold, dump_gold
from .nlp import ModelNotFoundError, resolve_model
from .parallel import COUNTED, Outcome, auto_workers, run_dask, run_local
from .pipeline import ArticleError, RawArticle, decode_article, extract_article, iter_results, read_article
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
    ext.add_argument("--workers", default="auto", metavar="N",
                     help="worker processes (default auto: one per core once there are enough articles)")
    ext.add_argument("--dask", metavar="ADDRESS", help="run on the Dask cluster whose scheduler is at ADDRESS")

    sub.add_parser("schema", help="print the JSON Schema of a record")

    gold = sub.add_parser("gold", help="gold files: check them, or draft one for a new article")
    gold_sub = gold.add_subparsers(dest="gold_command", required=True, metavar="ACTION")
    check = gold_sub.add_parser("check", help="validate every gold file against its raw article")
    check.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    check.add_argument("--corpus", type=Path, help="raw articles (default: the corpus folder beside the gold folder)")
    draft = gold_sub.add_parser("draft", help="write a gold skeleton pre-filled from the pipeline, to correct by hand")
    draft.add_argument("article", type=Path, help="the raw article (.txt)")
    draft.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")
    draft.add_argument("--force", action="store_true", help="overwrite an existing file")

    ev = sub.add_parser("evaluate", help="score predictions (or the pipeline itself) against gold files")
    ev.add_argument("predictions", nargs="?", type=Path, help="JSONL records; without it the pipeline is run")
    ev.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    ev.add_argument("--corpus", type=Path, help="raw articles (default: the corpus folder beside the gold folder)")
    ev.add_argument("--errors", action="store_true", help="list false positives and negatives per article")
    ev.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ev.add_argument("--min-f1", action="append", default=[], metavar="KIND[@MODE]=X",
                    help="exit 1 when micro F1 of KIND (mode strict, or exact for metadata/body) is below X")
    ev.add_argument("--baseline", type=Path, help="floors file: exit 1 when any F1 is below its floor")
    ev.add_argument("--update-baseline", action="store_true", help="raise the --baseline floors to the current F1")
    ev.add_argument("--allow-lower", action="store_true", help="with --update-baseline: let floors go down")
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
        if args.command == "gold":
            return _gold_check(args) if args.gold_command == "check" else _gold_draft(args)
        if args.command == "evaluate":
            return _evaluate(args)
    except (UsageError, ModelNotFoundError) as exc:
        print(f"xjextract: error: {exc}", file=sys.stderr)
        return 2
    raise AssertionError(f"unhandled command {args.command}")  # argparse only lets known commands through


def _extract(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(args.config, model=args.model)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    resolve_model(settings)  # a missing model is a usage error now, not a crash in the middle of the run
    inputs, failures = _inputs(args.paths)
    if not inputs and not failures:
        raise UsageError("no input: the paths hold no *.txt files")
    workers = _workers(args.workers, len(inputs))
    started = time.perf_counter()
    out: TextIO = sys.stdout
    if args.output:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            out = args.output.open("w", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from exc
    totals = dict.fromkeys(COUNTED, 0)
    written = 0
    outcomes = run_dask(inputs, settings, args.dask) if args.dask else run_local(inputs, settings, workers)
    try:
        for line, error, counts in _progress(outcomes, len(inputs), settings, quiet=args.quiet):
            if error is not None:
                failures.append(error)
                print(f"xjextract: error: {error}", file=sys.stderr)
                continue
            out.write(line + "\n")  # type: ignore[operator]
            written += 1
            for key, value in counts.items():
                totals[key] += value
    finally:
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        where = f" -> {args.output}" if args.output else ""
        mode = f"Dask at {args.dask}" if args.dask else f"{workers} worker{'s' if workers > 1 else ''}"
        counted = ", ".join(f"{totals[k]} {k}" for k in COUNTED)
        print(f"xjextract: {written} records{where}, {len(failures)} failed; {counted}; "
              f"{time.perf_counter() - started:.1f} s, {mode}", file=sys.stderr)
    return 1 if failures else 0


def _workers(value: str, n_articles: int) -> int:
    if value == "auto":
        return auto_workers(n_articles)
    try:
        workers = int(value)
    except ValueError:
        workers = 0
    if workers < 1:
        raise UsageError(f"--workers wants a positive number or 'auto', got {value!r}")
    return workers


def _corpus_dir(args: argparse.Namespace) -> Path:
    corpus: Path = args.corpus or args.gold.resolve().parent / "corpus"
    if not args.gold.is_dir():
        raise UsageError(f"{args.gold}: no such gold folder")
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: no such corpus folder (give --corpus)")
    return corpus


def _gold_check(args: argparse.Namespace) -> int:
    problems = check_gold_dir(args.gold, _corpus_dir(args))
    for path, found in problems.items():
        for problem in found:
            print(f"{path}: {problem}")
    n = len(list(args.gold.glob("*.json")))
    print(f"xjextract: {n} gold files checked, {len(problems)} with problems", file=sys.stderr)
    return 1 if problems else 0


def _gold_draft(args: argparse.Namespace) -> int:
    if args.output and args.output.exists() and not args.force:
        raise UsageError(f"{args.output}: exists; a gold file is hand-corrected work (use --force to overwrite)")
    try:
        record = extract_article(read_article(args.article), settings=Settings())
    except ArticleError as exc:
        print(f"xjextract: error: {exc}", file=sys.stderr)
        return 1
    text = dump_gold(draft_gold(record))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"xjextract: draft written to {args.output}: correct every item by hand", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _read_predictions(path: Path) -> dict[str, Record]:
    records: dict[str, Record] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read predictions: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                record = Record.model_validate_json(line)
            except ValueError as exc:
                raise UsageError(f"{path}:{number}: not a valid record: {str(exc).splitlines()[0]}") from exc
            records[record.id] = record
    return records


def _evaluate(args: argparse.Namespace) -> int:
    corpus = _corpus_dir(args)
    floors = [parse_floor(f) for f in args.min_f1] if args.min_f1 else []
    if args.predictions:
        records = _read_predictions(args.predictions)
    else:
        # The same batched path as `extract`; an article that fails is scored as predicting nothing.
        articles = [corpus / f"{p.stem}.txt" for p in sorted(args.gold.glob("*.json"))]
        raws = [read_article(a) for a in articles if a.exists()]
        records = {raw.id: result for raw, result in iter_results(raws, Settings()) if isinstance(result, Record)}
    try:
        evaluation = evaluate(args.gold, records, corpus)
    except GoldError as exc:
        raise UsageError(str(exc)) from exc
    print(json.dumps(evaluation.as_dict(), indent=1) if args.json else format_table(evaluation))
    if args.errors and not args.json:
        print("\nErrors (value matching; FN = gold item missed, FP = predicted item not in gold):")
        print(format_errors(evaluation))
    for warning in evaluation.warnings:
        print(f"xjextract: warning: {warning}", file=sys.stderr)
    failed = [f"{k}@{m}: F1 {evaluation.f1(k, m) or 0:.3f} < {x}" for k, m, x in floors if (evaluation.f1(k, m) or 0) < x]
    if args.baseline:
        if args.update_baseline:
            try:
                for change in raise_floors(evaluation, args.baseline, args.allow_lower):
                    print(f"xjextract: floor {change}", file=sys.stderr)
            except ValueError as exc:
                raise UsageError(str(exc)) from exc
        else:
            failed += gate(evaluation, load_baseline(args.baseline))
    for failure in failed:
        print(f"xjextract: below floor: {failure}", file=sys.stderr)
    return 1 if failed else 0


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


def _progress(outcomes: Iterator[Outcome], total: int, settings: Settings, quiet: bool) -> Iterator[Outcome]:
    """The outcomes, behind a progress bar on stderr when it is a terminal and there are many articles."""
    if quiet or total < settings.min_files_for_progress or not sys.stderr.isatty():
        yield from outcomes
        return
    from tqdm import tqdm

    yield from tqdm(outcomes, total=total, desc="xjextract", unit="article", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
