"""Gold files: their model, the validator behind ``xjextract gold check``, and ``gold draft``.

A gold file describes one corpus article with every span anchored in the **raw** file (see gold/README.md),
so that the scorer can charge a cleaning mistake exactly what it removes or keeps.

>>> GoldFile.model_validate({"id": "a", "metadata": {"title": None, "publisher": None, "published": None,
...     "dateline": None}, "body": [[0, 5]]}).body
[(0, 5)]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .readers import ArticleError, read_article
from .resources import load_json
from .schema import (Conversion, Dateline, Duration, Entity, Money, Percentage, Period, Published, Quantity, Record,
                     Span, _iso_duration)
from .timex import timex_for

SPAN_KINDS = ("entities", "money", "percentages", "periods", "quantities")
#: Kinds a gold file may leave unannotated: absent (None) means "not annotated", not "none there".
OPTIONAL_KINDS = ("durations", "sets")


class GoldSet(Span):
    """A recurring time ("every year"): gold/README.md "Sets"."""

    recurrence: Annotated[str, AfterValidator(_iso_duration)]


#: The slots a fact may inherit from context (gold/README.md "Facts").
INHERITABLE_SLOTS = ("subject", "metric", "period")


class GoldFact(BaseModel):
    """One statistical fact: raw spans of the file's items in its slots (gold/README.md "Facts")."""

    model_config = ConfigDict(extra="forbid")

    value: tuple[int, int] | None = None
    change: tuple[int, int] | None = None
    share: tuple[int, int] | None = None
    period: tuple[int, int] | None = None
    subject: str | None = None
    metric: str | None = None
    inherited: list[str] = Field(default_factory=list)


class GoldError(Exception):
    """A gold file that cannot be read or parsed; the message names the file."""


class GoldMetadata(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None
    publisher: str | None
    published: Published
    dateline: Dateline | None


class GoldFile(BaseModel):
    """One article's gold annotation. Offsets index the raw corpus file."""

    model_config = ConfigDict(extra="forbid")

    id: str
    metadata: GoldMetadata
    #: The raw stretch the title is read from; its items are items of the article (gold/README.md).
    headline: tuple[int, int] | None = None
    body: list[tuple[int, int]]
    entities: list[Entity] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)
    conversions: list[Conversion] = Field(default_factory=list)
    percentages: list[Percentage] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    #: None: the file is not annotated for durations and sets (gold/README.md "Durations").
    durations: list[Duration] | None = None
    sets: list[GoldSet] | None = None
    #: None: the file is not annotated for facts (gold/README.md "Facts").
    facts: list[GoldFact] | None = None
    notes: str = ""


def load_gold(path: Path) -> GoldFile:
    """Read and parse one gold file.

    Raises:
        GoldError: unreadable, not JSON, or not of the gold model (the message names the file and field).
    """
    try:
        return GoldFile.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors(include_url=False)
        )
        raise GoldError(f"{path}: {problems}") from exc


def check_gold(gold: GoldFile, raw: str, stem: str | None = None) -> list[str]:
    """Everything wrong with one gold file against its raw article; an empty list when it is sound.

    Checks: id matches the file, body stretches are ordered, disjoint and trimmed, every span's text is the
    raw text at its offsets and lies inside the body, lists are sorted with no duplicate spans, vocabularies
    (labels, units, bases, qualifiers) are known, periods' timex follow from their days, conversions index
    two different money items.
    """
    vocab = load_json("vocabulary.json")
    problems: list[str] = []
    if stem is not None and gold.id != stem:
        problems.append(f"id {gold.id!r} is not the file's stem {stem!r}")
    previous_end = -1
    for start, end in gold.body:
        if not 0 <= start < end <= len(raw):
            problems.append(f"body stretch [{start}, {end}] lies outside the file (length {len(raw)})")
            continue
        if start < previous_end:
            problems.append(f"body stretch [{start}, {end}] overlaps or precedes the one before")
        if raw[start].isspace() or raw[end - 1].isspace():
            problems.append(f"body stretch [{start}, {end}] starts or ends with white space")
        previous_end = end
    if gold.headline is not None:
        start, end = gold.headline
        if not 0 <= start < end <= len(raw):
            problems.append(f"headline [{start}, {end}] lies outside the file (length {len(raw)})")
        elif raw[start].isspace() or raw[end - 1].isspace():
            problems.append(f"headline [{start}, {end}] starts or ends with white space")
        elif any(s < end and start < e for s, e in gold.body):
            problems.append(f"headline [{start}, {end}] overlaps a body stretch")
    stretches = gold.body + ([gold.headline] if gold.headline else [])
    if (gold.durations is None) != (gold.sets is None):
        problems.append("durations and sets are annotated together: give both keys or neither")
    for kind in SPAN_KINDS + OPTIONAL_KINDS:
        items = getattr(gold, kind) or []
        seen: set[tuple[int, int]] = set()
        last_start = -1
        for i, item in enumerate(items):
            where = f"{kind}[{i}] {item.text!r} at {item.start}:{item.end}"
            if raw[item.start : item.end] != item.text:
                problems.append(f"{where}: the raw file has {raw[item.start : item.end]!r} there")
            if not any(s <= item.start and item.end <= e for s, e in stretches):
                problems.append(f"{where}: not inside a body stretch or the headline")
            if (item.start, item.end) in seen:
                problems.append(f"{where}: duplicate span")
            if item.start < last_start:
                problems.append(f"{where}: list not sorted by start")
            if item.text != item.text.strip():
                problems.append(f"{where}: span starts or ends with white space")
            seen.add((item.start, item.end))
            last_start = item.start
            problems.extend(f"{where}: {p}" for p in _item_problems(item, vocab))
    for i, conv in enumerate(gold.conversions):
        if max(conv.source, conv.target) >= len(gold.money) or conv.source == conv.target:
            problems.append(f"conversions[{i}] {conv.source}->{conv.target}: must index two different money items")
    problems.extend(_fact_problems(gold))
    return problems


def _fact_problems(gold: GoldFile) -> list[str]:
    """Each fact's slots name items of the file of the right kind; no figure in two facts; known metrics."""
    if not gold.facts:
        return []
    metrics = set(load_json("metrics.json")["metrics"])
    values = {(m.start, m.end) for m in gold.money} | {(q.start, q.end) for q in gold.quantities}
    targets = {(gold.money[c.target].start, gold.money[c.target].end) for c in gold.conversions
               if c.target < len(gold.money)}
    kinds = {(p.start, p.end): p.kind for p in gold.percentages}
    periods = {(p.start, p.end) for p in gold.periods}
    problems: list[str] = []
    used: dict[tuple[int, int], int] = {}
    previous = -1
    for i, fact in enumerate(gold.facts):
        where = f"facts[{i}]"
        figures = [s for s in (fact.value, fact.change, fact.share) if s is not None]
        if not figures:
            problems.append(f"{where}: has no value, change or share")
            continue
        if fact.value is not None and tuple(fact.value) not in values:
            problems.append(f"{where}: value {list(fact.value)} is not the span of a money or quantities item")
        elif fact.value is not None and tuple(fact.value) in targets:
            problems.append(f"{where}: value {list(fact.value)} is a conversion's target (it belongs to its source)")
        for slot in ("change", "share"):
            span = getattr(fact, slot)
            if span is not None and kinds.get(tuple(span)) != slot:
                found = kinds.get(tuple(span))
                problems.append(f"{where}: {slot} {list(span)} is not a percentage of kind {slot!r}"
                                + (f" (it is {found!r})" if found else ""))
        if fact.period is not None and tuple(fact.period) not in periods:
            problems.append(f"{where}: period {list(fact.period)} is not the span of a periods item")
        if fact.metric is not None and fact.metric not in metrics:
            problems.append(f"{where}: unknown metric {fact.metric!r} (metrics.json)")
        if [s for s in INHERITABLE_SLOTS if s in fact.inherited] != fact.inherited:
            problems.append(f"{where}: inherited {fact.inherited} must list some of {list(INHERITABLE_SLOTS)} in that order")
        for span in figures:
            if tuple(span) in used:
                problems.append(f"{where}: {list(span)} is already in facts[{used[tuple(span)]}]")
            used[tuple(span)] = i
        first = min(s[0] for s in figures)
        if first < previous:
            problems.append(f"{where}: facts not in order of their first figure")
        previous = first
    return problems


def _item_problems(item: object, vocab: dict[str, list[str]]) -> Iterable[str]:
    """Vocabulary and value checks of one item."""
    if isinstance(item, Entity):
        if item.label not in vocab["entity_labels"]:
            yield f"unknown label {item.label!r}"
    elif isinstance(item, Money):
        if item.amount <= 0:
            yield f"amount {item.amount} is not positive"
        if item.qualifier is not None and item.qualifier not in vocab["qualifiers"]:
            yield f"unknown qualifier {item.qualifier!r}"
    elif isinstance(item, Percentage):
        if item.basis is not None and item.basis not in vocab["percentage_bases"]:
            yield f"unknown basis {item.basis!r}"
        if item.direction is not None and item.kind != "change":
            yield f"direction {item.direction!r} on a {item.kind!r} percentage"
    elif isinstance(item, Period):
        if item.first_day and item.last_day:
            expected = timex_for(item.first_day, item.last_day)
            if item.timex != expected:
                yield f"timex {item.timex!r} does not follow from the days: expected {expected!r}"
    elif isinstance(item, Quantity):
        if item.unit not in vocab["quantity_units"]:
            yield f"unknown unit {item.unit!r}"


def check_gold_dir(gold_dir: Path, corpus_dir: Path) -> dict[str, list[str]]:
    """Problems per gold file (and per corpus file without gold); an empty dict when all are sound."""
    problems: dict[str, list[str]] = {}
    golds = {p.stem: p for p in sorted(gold_dir.glob("*.json"))}
    for stem in sorted({p.stem for p in corpus_dir.glob("*.txt")} - set(golds)):
        problems[str(corpus_dir / f"{stem}.txt")] = ["no gold file for this article"]
    for stem, path in golds.items():
        raw_path = corpus_dir / f"{stem}.txt"
        try:
            gold = load_gold(path)
        except GoldError as exc:
            problems[str(path)] = [str(exc).removeprefix(f"{path}: ")]
            continue
        if not raw_path.exists():
            problems[str(path)] = [f"no article {raw_path} for this gold file"]
            continue
        try:
            raw = read_article(raw_path).text
        except ArticleError as exc:
            problems[str(path)] = [f"its article cannot be read ({exc})"]
            continue
        found = check_gold(gold, raw, stem)
        if found:
            problems[str(path)] = found
    return problems


def draft_gold(record: Record) -> GoldFile:
    """A gold skeleton from a pipeline record, spans moved to raw offsets, for a human to correct."""

    def to_raw(item: Entity | Money | Percentage | Period | Quantity) -> dict[str, object]:
        start, end = record.raw_span(item.start, item.end)
        return item.model_dump(mode="json", exclude={"usd", "sentence"}) | {"start": start, "end": end}

    spans = {kind: [to_raw(item) for item in getattr(record, kind)] for kind in SPAN_KINDS}
    return GoldFile.model_validate(
        {
            "id": record.id,
            "metadata": {
                "title": record.title,
                "publisher": record.publisher,
                "published": record.published,
                "dateline": record.dateline.model_dump(mode="json") if record.dateline else None,
            },
            "headline": next(((p.raw_start, p.raw_start + p.length) for p in record.pieces if record.headline
                              and p.start < record.headline.end), None),
            "body": [(p.raw_start, p.raw_start + p.length) for p in record.pieces
                     if not record.headline or p.start >= record.headline.end],
            **spans,
            "conversions": [{"source": c.source, "target": c.target} for c in record.conversions],
            "notes": f"DRAFT by xjextract {__version__} on {date.today().isoformat()}: read the article and correct "
            "every item by hand (gold/README.md), then delete this note.",
        }
    )


def dump_gold(gold: GoldFile) -> str:
    """Gold JSON in the house layout: two-space indent, one item (or body stretch) per line, the headline's
    offsets on its own line; unannotated optional kinds left out."""
    data = gold.model_dump(mode="json")
    for kind in (*OPTIONAL_KINDS, "facts"):  # absent = not annotated
        if data[kind] is None:
            del data[kind]
    for period in data["periods"]:
        if period.get("recurrence") is None:  # gold keeps recurring times in "sets"
            period.pop("recurrence", None)
    for kind in SPAN_KINDS + OPTIONAL_KINDS:  # offsets first, as a reader scans them; no sentence index in gold
        if data.get(kind):
            data[kind] = [{"start": i["start"], "end": i["end"], "text": i["text"]}
                          | {k: v for k, v in i.items() if k != "sentence"} for i in data[kind]]
    lines = ["{"]
    keys = list(data)
    for n, key in enumerate(keys):
        value = data[key]
        comma = "," if n < len(keys) - 1 else ""
        if isinstance(value, list) and value and not all(isinstance(v, int) for v in value):
            lines.append(f"  {json.dumps(key)}: [")
            lines.extend(
                f"    {json.dumps(v, ensure_ascii=False)}{',' if i < len(value) - 1 else ''}" for i, v in enumerate(value)
            )
            lines.append(f"  ]{comma}")
        elif isinstance(value, dict):
            body = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            lines.append(f"  {json.dumps(key)}: {body}{comma}")
        else:  # a scalar, an empty list, the headline's [start, end]
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
