"""The ``xjextract`` command: parse arguments, call the library, write JSONL. Nothing else.

Exit codes: 0 all went well; 1 some input failed (the others were still written); 2 bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
from dataclasses import replace
from datetime import date
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from . import __version__
from .evaluate import evaluate, format_errors, format_table, gate, load_baseline, parse_floor, raise_floors
from .gold import GoldError, check_gold_dir, draft_gold, dump_gold
from .nlp import ModelNotFoundError, resolve_model
from .parallel import COUNTED, DaskUnavailable, Outcome, auto_workers, run_dask, run_local
from .pipeline import ArticleError, RawArticle, extract_article, iter_results, read_article
from .readers import shown
from .readers.files import InputFile, discover, same_file
from .readers.inputs import FORMATS, PATTERNS, Format, expand, input_format, read_stdin
from .metadata import normalize_published
from .writers.jsonl import AtomicJsonlWriter, partial_path, read_lines
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
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output (-v info, -vv debug); internal errors show their traceback")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ext = sub.add_parser("extract", help="extract records from article files (one JSON line per article)")
    ext.add_argument("paths", nargs="+", metavar="PATH",
                     help="article files, folders (searched for the format's files, recursively), or - for stdin")
    ext.add_argument("--format", choices=FORMATS, default="auto",
                     help="page: a scraped page saved as text; text: plain text, every line is body; jsonl: one "
                          "article per line ({\"text\": ...}); html: a saved HTML page; auto (default): by "
                          "extension (.jsonl, .html/.htm, else page; a .txt that starts like HTML is read as html)")
    ext.add_argument("--text-format", choices=("page", "text"), default="page",
                     help="with JSONL: how each line's text is read (default page)")
    ext.add_argument("--published", metavar="DATE",
                     help="publication date (YYYY-MM-DD) for inputs that give none: the last resort, after the "
                          "input's metadata, a date the page prints and a date its URL encodes")
    ext.add_argument("-o", "--output", type=Path,
                     help="write JSONL here (atomically: the file is replaced when the run ends) instead of stdout")
    ext.add_argument("--resume", action="store_true",
                     help="with -o: keep the records already in OUT (or in the partial file of a failed run) and "
                          "extract only the articles whose id is not there yet")
    ext.add_argument("--strict", action="store_true",
                     help="an article with no body left after cleaning is an error, not an empty record")
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

    show = sub.add_parser("show", help="a static HTML view of articles with their items highlighted")
    show.add_argument("inputs", nargs="+", type=Path, help="article files (extracted first) or JSONL records")
    show.add_argument("-o", "--output", type=Path, default=Path("view.html"), help="the page (default: view.html)")
    show.add_argument("--published", help="publication date for inputs that give none (as extract)")

    tab = sub.add_parser("table", help="flat tables of records (articles, money, conversions, percentages, periods, "
                         "quantities, durations, entities, facts) as Parquet, CSV or DuckDB")
    tab.add_argument("records", nargs="+", type=Path, help="JSONL records written by xjextract extract")
    tab.add_argument("-o", "--output", type=Path, required=True,
                     help="a folder of <table>.parquet or <table>.csv files, or a .duckdb database file")
    tab.add_argument("--format", choices=("parquet", "csv", "duckdb"),
                     help="default: from the output's suffix (.duckdb, .csv), else parquet")
    tab.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    ev = sub.add_parser("evaluate", help="score predictions (or the pipeline itself) against gold files")
    ev.add_argument("predictions", nargs="?", type=Path, help="JSONL records; without it the pipeline is run")
    ev.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    ev.add_argument("--corpus", type=Path, help="raw articles (default: the corpus folder beside the gold folder)")
    ev.add_argument("--manifest", type=Path,
                    help="JSONL with each article's id and url (default: manifest.jsonl beside the corpus folder, "
                         "if there is one): the URLs the pipeline is given, as a scraper would")
    ev.add_argument("--ids", metavar="IDS",
                    help="score only these articles: id,id,... or @FILE (one id per line) or @FILE.json[:KEY] (a "
                         "JSON list, or the list under KEY: @devset/split.json:heldout)")
    ev.add_argument("--errors", action="store_true", help="list false positives and negatives per article")
    ev.add_argument("--by", choices=("publisher", "article"), help="also print the scores of each publisher (or article)")
    ev.add_argument("--report", type=Path, metavar="HTML",
                    help="also write an HTML page: the table and each article with its items marked TP, FN or FP")
    ev.add_argument("--ci", action="store_true", help="a bootstrap 95%% interval on each micro F1 (1,000 draws over articles)")
    ev.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ev.add_argument("--min-f1", action="append", default=[], metavar="KIND[@MODE]=X",
                    help="exit 1 when micro F1 of KIND (mode strict, or exact for metadata/body) is below X")
    ev.add_argument("--baseline", type=Path, help="floors file: exit 1 when any F1 is below its floor")
    ev.add_argument("--update-baseline", action="store_true", help="raise the --baseline floors to the current F1")
    ev.add_argument("--allow-lower", action="store_true", help="with --update-baseline: let floors go down")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also when called in-process by tests).

    No traceback reaches the user: bad usage is one line and exit 2, a failure one line and exit 1 (with
    ``-v`` an internal error also shows its traceback).
    """
    args = _parser().parse_args(argv)
    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    try:
        return _command(args)
    except (UsageError, ModelNotFoundError, DaskUnavailable) as exc:
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 1
    except BrokenPipeError:
        # The reader of our output went away (`| head`): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _error("output closed by the reader (broken pipe)")
        return 1
    except Exception as exc:  # noqa: BLE001 - the last guard: a bug is one line, not a traceback
        log.info("internal error", exc_info=True)
        _error(f"internal error, please report: {type(exc).__name__}: {exc}"
               + ("" if args.verbose else " (run with -v for the traceback)"))
        return 1


class _Formatter(logging.Formatter):
    """``xjextract: warning: ...``, the shape of every other message; tracebacks only with ``-v``."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"xjextract: {record.levelname.lower()}: {record.getMessage()}"
        if record.exc_info and logging.getLogger().isEnabledFor(logging.INFO):
            text += "\n" + self.formatException(record.exc_info)
        return text


def _error(message: str) -> None:
    print(f"xjextract: error: {message}", file=sys.stderr)


def _command(args: argparse.Namespace) -> int:
    if args.command == "schema":
        print(json.dumps(json_schema(), indent=2))
        return 0
    if args.command == "extract":
        return _extract(args)
    if args.command == "gold":
        return _gold_check(args) if args.gold_command == "check" else _gold_draft(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "table":
        return _table(args)
    if args.command == "show":
        return _show(args)
    raise AssertionError(f"unhandled command {args.command}")  # argparse only lets known commands through


def _extract(args: argparse.Namespace) -> int:
    try:
        published = normalize_published(args.published) if args.published else None
        settings = load_settings(args.config, model=args.model,
                                 published=date.fromisoformat(published[:10]) if published else None)
    except ValueError as exc:
        raise UsageError(f"--published: {exc}" if "published" in str(exc) else str(exc)) from exc
    resolve_model(settings)  # a missing model is a usage error now, not a crash in the middle of the run
    output: Path | None = None if args.output in (None, Path("-")) else args.output
    if args.resume and output is None:
        raise UsageError("--resume needs -o OUT: it continues the records already in OUT")
    if args.paths.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    files, stdin, failures = _inputs(args.paths, output, args.format, args.text_format)
    if not files and stdin is None and not failures:
        raise UsageError(f"no input: the paths hold no {' or '.join(PATTERNS[args.format])} files")
    writer = _writer(output, args.resume)
    done = writer.done if writer else set()
    expected = sum(_articles_in(f) for f in files) + (1 if stdin is not None else 0)
    workers = _workers(args.workers, expected, settings)
    started = time.perf_counter()
    out: TextIO = sys.stdout
    totals = dict.fromkeys((*COUNTED, "no body"), 0)
    written = 0
    items = (i for i in _items(files, stdin, args.text_format) if isinstance(i, ArticleError) or i.id not in done)
    outcomes = run_dask(items, settings, args.dask) if args.dask else run_local(items, settings, workers)
    try:
        for outcome in _progress(outcomes, expected, settings, quiet=args.quiet):
            error = outcome.error
            if error is None and outcome.counts.get("no body") and args.strict:
                error = f"{outcome.name}: no article body found (--strict)"
            if error is not None:
                failures.append(error)
                _error(error)
                continue
            for note in outcome.notes:
                log.warning("%s: %s", outcome.name, note)
            if outcome.counts.get("no body"):
                log.warning("%s: no article body found; its record has an empty text", outcome.name)
            line = outcome.line or ""
            if writer:
                writer.write(line)
            else:
                out.write(line + "\n")
            written += 1
            for key, value in outcome.counts.items():
                totals[key] += value
        if writer:
            writer.commit()
    except OSError as exc:
        if writer is None:
            raise
        writer.abandon()
        _error(f"{shown(str(output))}: cannot write: {exc.strerror or exc}; {_kept(writer, written)}")
        return 1
    except KeyboardInterrupt:
        if writer is None:
            raise
        writer.abandon()
        _error(f"interrupted; {_kept(writer, written)}")
        return 1
    if not args.quiet:
        where = f" -> {shown(str(output))}" if output else ""
        kept = f" ({writer.kept} kept from the earlier run)" if writer and writer.kept else ""
        mode = f"Dask at {args.dask}" if args.dask else f"{workers} worker{'s' if workers > 1 else ''}"
        counted = ", ".join(f"{totals[k]} {k}" for k in COUNTED)
        print(f"xjextract: {written + (writer.kept if writer else 0)} records{where}{kept}, {len(failures)} failed, "
              f"{totals['no body']} with no body; {counted}; {time.perf_counter() - started:.1f} s, {mode}",
              file=sys.stderr)
    return 1 if failures else 0


def _writer(output: Path | None, resume: bool) -> AtomicJsonlWriter | None:
    if output is None:
        return None
    try:
        return AtomicJsonlWriter(output, resume=resume)
    except OSError as exc:
        raise UsageError(f"{shown(str(output))}: cannot write: {exc.strerror or exc}") from exc


def _kept(writer: AtomicJsonlWriter, written: int) -> str:
    return (f"{shown(str(writer.output))} is unchanged; the {writer.kept + written} records written so far are in "
            f"{shown(str(writer.partial))} (rerun with --resume to go on)")


#: For sizing the worker pool without reading a JSONL file twice: a scraped article line is about this long.
_JSONL_BYTES_PER_ARTICLE = 4000


def _articles_in(file: InputFile) -> int:
    """How many articles a file holds: one, or for JSONL an estimate from its size."""
    if file.format != "jsonl":
        return 1
    try:
        return max(1, file.path.stat().st_size // _JSONL_BYTES_PER_ARTICLE)
    except OSError:
        return 1


def _items(files: list[InputFile], stdin: tuple[int, list[RawArticle | ArticleError]] | None, text_format: str
           ) -> Iterator[InputFile | RawArticle | ArticleError]:
    """The work items in input order: files (JSONL ones line by line), standard input at its place."""
    position, articles = stdin if stdin is not None else (len(files), [])
    yield from expand(files[:position], text_format)  # type: ignore[arg-type]
    yield from articles
    yield from expand(files[position:], text_format)  # type: ignore[arg-type]


def _workers(value: str, n_articles: int, settings: Settings) -> int:
    """The worker count: ``auto``, or the number asked for, capped at the number of chunks (a worker with
    nothing to do only costs its start-up)."""
    if value == "auto":
        return auto_workers(n_articles)
    try:
        workers = int(value)
    except ValueError:
        workers = 0
    if workers < 1:
        raise UsageError(f"--workers wants a positive number or 'auto', got {value!r}")
    chunks = -(-n_articles // settings.batch_articles)
    return max(1, min(workers, chunks))


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
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{shown(str(args.output))}: cannot write: {exc.strerror or exc}") from exc
        print(f"xjextract: draft written to {args.output}: correct every item by hand", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _show(args: argparse.Namespace) -> int:
    from .writers.html import render_page

    records: list[Record] = []
    articles: list[Path] = []
    for path in args.inputs:
        if path.suffix == ".jsonl" and _holds_records(path):
            records.extend(_read_predictions(path, path.parent).values())
        else:
            articles.append(path)
    if articles:
        published = normalize_published(args.published) if args.published else None
        settings = load_settings(published=date.fromisoformat(published[:10]) if published else None)
        raws = [read_article(p) for p in articles]
        for raw, result in iter_results(raws, settings):
            if isinstance(result, Record):
                records.append(result)
            else:
                _error(str(result))
    if not records:
        raise UsageError("nothing to show")
    _write_text(args.output, render_page(records))
    print(f"xjextract: {len(records)} articles -> {shown(str(args.output))}", file=sys.stderr)
    return 0


def _write_text(path: Path, text: str) -> None:
    """Write a page; a path that cannot be written is a usage error naming it."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{shown(str(path))}: cannot write: {exc.strerror or exc}") from exc


def _holds_records(path: Path) -> bool:
    """Whether a JSONL file holds records (its first line has a schema_version), not articles to read."""
    for _, line in read_lines(path):
        try:
            first = json.loads(line)
        except ValueError:
            return False
        return isinstance(first, dict) and "schema_version" in first
    return False


def _table(args: argparse.Namespace) -> int:
    from .writers.table import export_tables

    out: Path = args.output
    fmt = args.format or {".duckdb": "duckdb", ".csv": "csv"}.get(out.suffix.lower(), "parquet")
    if any(out.resolve() == p.resolve() for p in args.records):
        raise UsageError(f"{shown(str(out))}: is one of the records files; give another output")
    failures: list[str] = []

    def records() -> Iterator[Record]:
        for path in args.records:
            try:
                for number, line in read_lines(path):
                    try:
                        yield Record.model_validate_json(line)
                    except ValueError as exc:  # one bad line costs that line, not the table
                        failures.append(f"{shown(str(path))}:{number}: not a valid record: {str(exc).splitlines()[0]}")
                        _error(failures[-1])
            except (OSError, UnicodeDecodeError) as exc:
                failures.append(f"{shown(str(path))}: cannot read: {exc}")
                _error(failures[-1])

    try:
        counts = export_tables(records(), out, fmt)
    except (OSError, RuntimeError) as exc:
        raise UsageError(f"{shown(str(out))}: cannot write the tables: {exc}") from exc
    if not args.quiet:
        rows = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        print(f"xjextract: {fmt} -> {shown(str(out))}: {rows}; {len(failures)} bad lines", file=sys.stderr)
    return 1 if failures else 0


def _read_predictions(path: Path, corpus: Path) -> dict[str, Record]:
    """Records of a JSONL file, read line by line (lines end at ``\n`` only, as the writer guarantees).

    Another system's output needs only ``id``, ``text`` and the item lists it predicts; other fields, at the top
    or inside items, are ignored. Without ``pieces``, its offsets index ``text``, which must be the raw article
    or a stretch of it. A bad line is a usage error naming the file, the line and the field.
    """
    records: dict[str, Record] = {}
    try:
        for number, line in read_lines(path):
            where = f"{shown(str(path))}:{number}"
            try:
                data = json.loads(line)
            except ValueError as exc:
                raise UsageError(f"{where}: not JSON ({exc})") from exc
            records_data = _prediction_fields(data, where, corpus)
            try:
                record = Record.model_validate(records_data)
            except ValidationError as exc:
                err = exc.errors(include_url=False)[0]
                field = ".".join(str(x) for x in err["loc"]) or "record"
                more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
                raise UsageError(f"{where}: {field}: {err['msg']}{more}") from exc
            records[record.id] = record
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{shown(str(path))}: cannot read predictions: {exc}") from exc
    return records


def _prediction_fields(data: object, where: str, corpus: Path) -> dict[str, object]:
    """The fields of a prediction line that a Record has, with what a minimal prediction leaves out filled in."""
    if not isinstance(data, dict):
        raise UsageError(f"{where}: not a JSON object")
    for key in ("id", "text"):
        if not isinstance(data.get(key), str):
            raise UsageError(f"{where}: {key}: a string is required")
    fields = Record.model_fields
    out = {k: v for k, v in data.items() if k in fields}
    for kind in ("entities", "money", "percentages", "periods", "quantities", "durations", "removed", "sentences",
                 "conversions", "pieces"):
        model = fields[kind].annotation.__args__[0]  # type: ignore[union-attr]
        if isinstance(out.get(kind), list):
            out[kind] = [{k: v for k, v in item.items() if k in model.model_fields} if isinstance(item, dict) else item
                         for item in out[kind]]  # type: ignore[union-attr]
    text: str = data["text"]
    out.setdefault("source", {"path": where, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    if "pieces" not in data:
        out["pieces"] = _pieces_in_raw(text, corpus / f"{data['id']}.txt", where)
    return out


def _pieces_in_raw(text: str, raw_path: Path, where: str) -> list[dict[str, int]]:
    """Pieces for a prediction that gives none: its text is the raw article, or one stretch of it."""
    try:
        raw = read_article(raw_path).text
    except ArticleError as exc:
        raise UsageError(f"{where}: no 'pieces', and its raw article cannot be read to place the offsets ({exc})") from exc
    shift = raw.find(text)
    if shift < 0:
        raise UsageError(f"{where}: no 'pieces', and its text is not the raw article {shown(str(raw_path))} nor a "
                         "stretch of it: give 'pieces' (start, raw_start, length) to place its offsets")
    pieces, start = [], 0
    for block in text.split("\n\n"):
        if block:
            pieces.append({"start": start, "raw_start": shift + start, "length": len(block)})
        start += len(block) + 2
    return pieces


def _manifest_urls(path: Path, explicit: bool) -> dict[str, str]:
    """``{id: url}`` of a manifest (JSONL with ``id`` and ``url``); empty when an implicit one is absent."""
    if not path.exists():
        if explicit:
            raise UsageError(f"{shown(str(path))}: no such manifest")
        return {}
    urls: dict[str, str] = {}
    try:
        for number, line in read_lines(path):
            try:
                entry = json.loads(line)
                urls[str(entry["id"])] = str(entry["url"])
            except (ValueError, KeyError, TypeError) as exc:
                raise UsageError(f"{shown(str(path))}:{number}: not a manifest line with id and url ({exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{shown(str(path))}: cannot read: {exc}") from exc
    return urls


def _ids(spec: str) -> set[str]:
    """The ids of ``--ids``: a comma-separated list, ``@FILE`` (one per line) or ``@FILE.json[:KEY]``."""
    if not spec.startswith("@"):
        return {i.strip() for i in spec.split(",") if i.strip()}
    name, key = spec[1:], ""
    if ".json:" in name:
        name, key = name.split(".json:", 1)
        name += ".json"
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            data = json.loads(text)
            data = data[key] if key else data
            if not isinstance(data, list):
                raise ValueError(f"the ids must be a JSON list{f' under {key!r}' if key else ''}")
            return {str(i) for i in data}
        return {line.strip() for line in text.splitlines() if line.strip()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"--ids {spec}: {exc}") from exc


def _evaluate(args: argparse.Namespace) -> int:
    corpus = _corpus_dir(args)
    try:
        floors = [parse_floor(f) for f in args.min_f1]
        baseline = load_baseline(args.baseline) if args.baseline and not args.update_baseline else None
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    ids = _ids(args.ids) if args.ids else None
    if args.predictions:
        records = _read_predictions(args.predictions, corpus)
        if ids is None:  # score the articles the predictions cover, not every gold file
            ids = set(records)
    else:
        # The same batched path as `extract`; an article that fails is scored as predicting nothing.
        urls = _manifest_urls(args.manifest or corpus.resolve().parent / "manifest.jsonl", explicit=bool(args.manifest))
        raws = []
        for gold_path in sorted(args.gold.glob("*.json")):
            if ids is not None and gold_path.stem not in ids:
                continue
            try:
                raw = read_article(corpus / f"{gold_path.stem}.txt")
            except ArticleError:
                continue  # evaluate() below names the gold file whose article is missing
            raws.append(replace(raw, url=urls.get(raw.id)))
        records = {raw.id: result for raw, result in iter_results(raws, Settings()) if isinstance(result, Record)}
    try:
        evaluation = evaluate(args.gold, records, corpus, ids, by=args.by, marks=args.report is not None)
    except GoldError as exc:
        raise UsageError(str(exc)) from exc
    if args.report is not None:
        from .writers.html import render_report

        _write_text(args.report, render_report(evaluation))
    print(json.dumps(evaluation.as_dict(args.ci), indent=1) if args.json else format_table(evaluation, args.ci))
    if args.by and not args.json:
        for name, group in sorted(evaluation.groups.items()):
            print(f"\n== {args.by} {name}\n{format_table(group, args.ci)}")
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
            except (ValueError, OSError) as exc:
                raise UsageError(str(exc)) from exc
        elif baseline is not None:
            failed += gate(evaluation, baseline)
    for failure in failed:
        print(f"xjextract: below floor: {failure}", file=sys.stderr)
    return 1 if failed else 0


def _inputs(paths: Sequence[str], output: Path | None, requested: Format, text_format: str
            ) -> tuple[list[InputFile], tuple[int, list[RawArticle | ArticleError]] | None, list[str]]:
    """Expand the command-line paths, in order: the files to read (each with its format), standard input's
    articles and their place among the files, and the paths that failed. Missing paths are errors, special
    files are skipped (both reported at once); the output file is never an input, and naming it is a usage
    error."""
    if output is not None:
        clash = next((p for p in paths if p != "-" and Path(p).is_file() and same_file(Path(p), output)), None)
        if clash is not None:
            raise UsageError(f"-o {shown(str(output))} is also an input: writing it would destroy that article")
    found = discover(paths, PATTERNS[requested], exclude=[output, partial_path(output)] if output else [])
    for message in found.errors:
        _error(message)
    for message in found.skipped:
        log.warning("%s", message)
    files = [replace(f, format=input_format(f.path, requested), sniff=requested == "auto") for f in found.files]
    failures = list(found.errors)
    stdin = None
    if "-" in paths:  # standard input takes its place among the files
        position = sum(1 for o in found.origins if o < paths.index("-"))
        stdin = (position, list(read_stdin(sys.stdin.buffer.read(), requested, text_format)))  # type: ignore[arg-type]
    return files, stdin, failures


def _progress(outcomes: Iterator[Outcome], total: int, settings: Settings, quiet: bool) -> Iterator[Outcome]:
    """The outcomes, behind a progress bar on stderr when it is a terminal and there are many articles."""
    if quiet or total < settings.min_files_for_progress or not sys.stderr.isatty():
        yield from outcomes
        return
    from tqdm import tqdm

    yield from tqdm(outcomes, total=total, desc="xjextract", unit="article", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
