"""Scoring records against gold files: precision, recall and F1 per kind, under several matchings.

Predicted spans are moved to raw-file offsets (``Record.raw_span``) and compared with gold spans there, so
a cleaning mistake costs only what it really removes or keeps.

Matchings of span items (entities, money, percentages, periods, quantities; durations and sets on the gold
files annotated for them, those with a ``durations`` key; a set is a predicted period with a recurrence, and
such periods are left out of ``periods``):

- ``strict``: same offsets and, for entities, same label. Counted as in SemEval-2013 task 9.1 (and the
  nervaluate package): predictions in order, each takes the first unmatched gold item with the same
  offsets and label, else the first overlapping one as *incorrect*.
- ``partial``: SemEval "partial": labels ignored; same offsets count 1, overlapping offsets 0.5.
- ``overlap``: offsets overlap and, for entities, the label agrees; full credit.
- ``value``: offsets overlap and the normalized value agrees: entities label and canonical name; money
  currency and amount within 0.5%; percentages value, unit, kind and direction; periods first and last day;
  quantities unit and value within 0.5%; durations their ISO 8601 value; sets their recurrence.

Conversions match when both their money items match (in the same mode). Metadata fields (title, publisher,
published, dateline) and boilerplate (non-space raw characters kept as body, or removed) have one mode,
``exact``. Micro scores add the counts of all articles; macro scores average the per-article precision,
recall and F1 over the articles where the kind occurs in gold or prediction.

>>> Counts(tp=3, fp=1, fn=1).f1
0.75
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gold import OPTIONAL_KINDS, SPAN_KINDS, GoldError, GoldFile, GoldSet, check_gold, load_gold
from .readers import ArticleError, read_article
from .schema import Duration, Entity, Money, Percentage, Period, Piece, Quantity, Record

SPAN_MODES = ("strict", "partial", "overlap", "value")
EXACT = "exact"
METADATA_FIELDS = ("title", "publisher", "published", "dateline")
#: Amounts that differ by less than this share are the same value: articles round to 3-4 significant digits.
AMOUNT_TOLERANCE = 0.005

Item = Entity | Money | Percentage | Period | Quantity | Duration | GoldSet


@dataclass
class Counts:
    """True positives, false positives and false negatives (fractional under ``partial``)."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0
    #: nervaluate's names, for the strict and partial schemes: exact matches, overlapping ones (``incorrect``
    #: under strict, ``partial`` under partial), gold items nothing touched, predictions that touch no gold.
    correct: int = field(default=0, compare=False)
    incorrect: int = field(default=0, compare=False)
    partial: int = field(default=0, compare=False)
    missed: int = field(default=0, compare=False)
    spurious: int = field(default=0, compare=False)

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.correct += other.correct
        self.incorrect += other.incorrect
        self.partial += other.partial
        self.missed += other.missed
        self.spurious += other.spurious
        return self

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when gold has nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """None when neither gold nor prediction has anything; 0 when one side is empty."""
        if not (self.tp + self.fp + self.fn):
            return None
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator


@dataclass
class Score:
    """Micro counts and macro averages of one kind under one mode."""

    kind: str
    mode: str
    micro: Counts = field(default_factory=Counts)
    per_article: list[Counts] = field(default_factory=list)

    def _macro(self, metric: Callable[[Counts], float | None]) -> float | None:
        values = [metric(c) or 0.0 for c in self.per_article if c.tp + c.fp + c.fn]
        return sum(values) / len(values) if values else None

    @property
    def macro_precision(self) -> float | None:
        return self._macro(lambda c: c.precision)

    @property
    def macro_recall(self) -> float | None:
        return self._macro(lambda c: c.recall)

    @property
    def macro_f1(self) -> float | None:
        return self._macro(lambda c: c.f1)

    def f1_interval(self, rounds: int = 1000, seed: int = 0) -> tuple[float, float] | None:
        """A bootstrap 95% interval of the micro F1: articles drawn with replacement ``rounds`` times."""
        rng = random.Random(seed)
        values = []
        n = len(self.per_article)
        if not n:
            return None
        for _ in range(rounds):
            tp = fp = fn = 0.0
            for _ in range(n):
                c = self.per_article[rng.randrange(n)]
                tp, fp, fn = tp + c.tp, fp + c.fp, fn + c.fn
            if tp + fp + fn:
                values.append(2 * tp / (2 * tp + fp + fn))
        if not values:
            return None
        values.sort()
        return values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]

    def as_dict(self, interval: bool = False) -> dict[str, Any]:
        out = {
            "kind": self.kind, "mode": self.mode, "tp": self.micro.tp, "fp": self.micro.fp, "fn": self.micro.fn,
            "precision": self.micro.precision, "recall": self.micro.recall, "f1": self.micro.f1,
            "macro_precision": self.macro_precision, "macro_recall": self.macro_recall, "macro_f1": self.macro_f1,
            "articles": sum(1 for c in self.per_article if c.tp + c.fp + c.fn),
        }
        if self.mode in ("strict", "partial"):
            c = self.micro
            out["nervaluate"] = {"correct": c.correct, "incorrect": c.incorrect, "partial": c.partial,
                                 "missed": c.missed, "spurious": c.spurious}
        if interval:
            out["f1_ci95"] = self.f1_interval()
        return out


@dataclass
class Mark:
    """One item's outcome in an article, in raw offsets: ``tp`` and ``fn`` are gold items, ``fp`` predicted."""

    kind: str
    outcome: str
    start: int
    end: int
    text: str
    detail: str


@dataclass
class ArticleMarks:
    raw: str
    stretches: list[tuple[int, int]]
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Evaluation:
    """All scores, keyed ``(kind, mode)``, and the unmatched items per article for ``--errors``."""

    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    articles: int = 0
    warnings: list[str] = field(default_factory=list)
    #: The same scores per group of articles (``--by publisher``, ``--by article``).
    groups: dict[str, Evaluation] = field(default_factory=dict)
    #: Per article, when ``keep_marks`` is set (``--report``): its raw text, the gold's headline and body
    #: stretches, and every item's outcome under value matching.
    marks: dict[str, ArticleMarks] = field(default_factory=dict)
    keep_marks: bool = False
    #: Facts that are not right, by what went wrong: ``missed`` (a gold fact no predicted fact shares a figure
    #: with), ``spurious`` (a predicted fact that shares none with a gold one) and, for a pair that shares figures,
    #: the scored slots that differ (``subject``, ``period, subject``, ...).
    fact_errors: dict[str, int] = field(default_factory=dict)

    def ordered(self) -> list[Score]:
        """Scores in reading order: metadata, boilerplate, then each kind with its labels, modes in order."""
        base = ["metadata", "body", "boilerplate", "entities", "money", "conversions", "percentages", "periods",
                "quantities", "durations", "sets", "facts"]
        modes = [EXACT, *SPAN_MODES]

        def key(score: Score) -> tuple[int, str, int]:
            family, _, sub = score.kind.partition(":")
            rank = base.index(family) if family in base else len(base)
            sub_rank = METADATA_FIELDS.index(sub) if family == "metadata" and sub in METADATA_FIELDS else 0
            return rank, f"{sub_rank}{sub}", modes.index(score.mode)

        return sorted(self.scores.values(), key=key)

    def add(self, kind: str, mode: str, counts: Counts) -> None:
        score = self.scores.setdefault((kind, mode), Score(kind, mode))
        score.micro += counts
        score.per_article.append(counts)

    def fact_error_rows(self) -> list[tuple[str, int]]:
        """``fact_errors`` most frequent first (ties by name)."""
        return sorted(self.fact_errors.items(), key=lambda x: (-x[1], x[0]))

    def f1(self, kind: str, mode: str) -> float | None:
        """Micro F1 of one kind and mode; None when unknown or empty on both sides."""
        score = self.scores.get((kind, mode))
        return score.micro.f1 if score else None

    def as_dict(self, interval: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "scores": [s.as_dict(interval) for s in self.ordered()],
            "errors": self.errors,
            "warnings": self.warnings,
        }
        out["fact_errors"] = dict(self.fact_error_rows())
        if self.groups:
            out["groups"] = {name: g.as_dict(interval) | {"errors": {}} for name, g in sorted(self.groups.items())}
        return out


# --- matching ---------------------------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def semeval_counts(
    gold: Sequence[tuple[int, int, str]], pred: Sequence[tuple[int, int, str]], scheme: str
) -> tuple[Counts, set[int], set[int]]:
    """SemEval-2013 counts for ``(start, end, label)`` spans, ends exclusive; scheme ``strict`` or ``partial``.

    Returns the counts and the indexes of the gold and predicted items that were fully correct.

    >>> counts = semeval_counts([(0, 5, "GPE")], [(0, 3, "GPE")], "partial")[0]
    >>> counts.tp, counts.fp, counts.fn, counts.partial
    (0.5, 0.5, 0.5, 1)
    """
    matched: set[int] = set()
    correct_gold: set[int] = set()
    correct_pred: set[int] = set()
    tp = 0.0
    touched = 0
    for p_index, (p_start, p_end, p_label) in enumerate(pred):
        exact = next(
            (
                g
                for g, (g_start, g_end, g_label) in enumerate(gold)
                if g not in matched
                and (g_start, g_end) == (p_start, p_end)
                and (scheme == "partial" or g_label == p_label)
            ),
            None,
        )
        if exact is not None:
            matched.add(exact)
            correct_gold.add(exact)
            correct_pred.add(p_index)
            tp += 1
            continue
        touching = next(
            (g for g, (s, e, _) in enumerate(gold) if g not in matched and _overlap((s, e), (p_start, p_end)) > 0),
            None,
        )
        if touching is not None:  # "incorrect" under strict, "partial" (half credit) under partial
            matched.add(touching)
            touched += 1
            tp += 0.5 if scheme == "partial" else 0.0
    correct = len(correct_pred)
    counts = Counts(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp, correct=correct,
                    incorrect=touched if scheme == "strict" else 0, partial=touched if scheme == "partial" else 0,
                    missed=len(gold) - correct - touched, spurious=len(pred) - correct - touched)
    return counts, correct_gold, correct_pred


def greedy_match(
    gold: Sequence[Item], pred: Sequence[Item], agree: Callable[[Item, Item], bool]
) -> dict[int, int]:
    """One-to-one pairs ``{pred index: gold index}``: each prediction, in order, takes the unmatched gold item
    that overlaps it and agrees with it, preferring the same offsets, then the largest overlap."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for p_index, p in enumerate(pred):
        best: tuple[int, int] | None = None
        for g_index, g in enumerate(gold):
            if g_index in taken or _overlap((g.start, g.end), (p.start, p.end)) <= 0 or not agree(g, p):
                continue
            rank = (int((g.start, g.end) == (p.start, p.end)), _overlap((g.start, g.end), (p.start, p.end)))
            if best is None or rank > best:
                best, choice = rank, g_index
        if best is not None:
            pairs[p_index] = choice
            taken.add(choice)
    return pairs


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b))


def values_agree(gold: Item, pred: Item) -> bool:
    """Whether two items of one kind carry the same normalized value (see the module doc)."""
    if isinstance(gold, Entity) and isinstance(pred, Entity):
        names = [(x.canonical or x.text).casefold() for x in (gold, pred)]
        return gold.label == pred.label and names[0] == names[1]
    if isinstance(gold, Money) and isinstance(pred, Money):
        return gold.currency == pred.currency and _close(gold.amount, pred.amount)
    if isinstance(gold, Percentage) and isinstance(pred, Percentage):
        return (gold.value, gold.unit, gold.kind, gold.direction) == (pred.value, pred.unit, pred.kind, pred.direction)
    if isinstance(gold, Period) and isinstance(pred, Period):
        return (gold.first_day, gold.last_day) == (pred.first_day, pred.last_day)
    if isinstance(gold, Quantity) and isinstance(pred, Quantity):
        return gold.unit == pred.unit and _close(gold.value, pred.value)
    if isinstance(gold, Duration) and isinstance(pred, Duration):
        return gold.value == pred.value
    if isinstance(gold, GoldSet) and isinstance(pred, Period):
        return gold.recurrence == pred.recurrence
    return False


def _label(item: Item) -> str:
    return item.label if isinstance(item, Entity) else ""


def _same_label(gold: Item, pred: Item) -> bool:
    return _label(gold) == _label(pred)


def match_items(gold: Sequence[Item], pred: Sequence[Item], mode: str) -> tuple[Counts, dict[int, int]]:
    """Counts of one kind in one article, and the fully matched pairs ``{pred index: gold index}``."""
    if mode in ("strict", "partial"):
        counts, _, _ = semeval_counts(
            [(g.start, g.end, _label(g)) for g in gold], [(p.start, p.end, _label(p)) for p in pred], mode
        )
        exact = greedy_match(gold, pred, lambda g, p: (g.start, g.end) == (p.start, p.end) and _same_label(g, p))
        return counts, exact
    pairs = greedy_match(gold, pred, _same_label if mode == "overlap" else values_agree)
    return Counts(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs)), pairs


# --- scoring one article -------------------------------------------------------------------------------------


def _predicted(record: Record, kind: str) -> list[Item]:
    """A record's items of one scored kind: recurring periods are the kind ``sets``, not ``periods``."""
    if kind == "periods":
        return [p for p in record.periods if p.recurrence is None]
    if kind == "sets":
        return [p for p in record.periods if p.recurrence is not None]
    return list(getattr(record, kind))



def _describe(item: Item) -> str:
    extra = {
        Entity: lambda i: f"{i.label} canonical={i.canonical!r}",
        Money: lambda i: f"{i.amount:g} {i.currency}",
        Percentage: lambda i: f"{i.value:g} {i.unit} {i.kind} {i.direction}",
        Period: lambda i: f"{i.first_day}..{i.last_day}",
        Quantity: lambda i: f"{i.value:g} {i.unit}",
        Duration: lambda i: i.value,
        GoldSet: lambda i: f"every {i.recurrence}",
    }[type(item)](item) if not (isinstance(item, Period) and item.recurrence) else f"every {item.recurrence}"
    return f"{item.text!r} @{item.start} ({extra})"


def _to_raw(record: Record, items: Iterable[Item]) -> list[Item]:
    """Copies of the record's items with offsets in the raw file."""
    out = []
    for item in items:
        start, end = record.raw_span(item.start, item.end)
        out.append(item.model_copy(update={"start": start, "end": end}))
    return out


def _nonspace(raw: str, stretches: Iterable[tuple[int, int]]) -> set[int]:
    return {i for start, end in stretches for i in range(start, end) if not raw[i].isspace()}


def _body_pieces(record: Record) -> list[Piece]:
    """The pieces of the body: those after the headline, which is the first paragraph of ``text``."""
    end = record.headline.end if record.headline else 0
    return [p for p in record.pieces if p.start >= end]


def _metadata_value(name: str, source: GoldFile | Record) -> object:
    value = getattr(source.metadata if isinstance(source, GoldFile) else source, name)
    if name == "title" and isinstance(value, str):
        return " ".join(value.split())
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def score_article(evaluation: Evaluation, gold: GoldFile, raw: str, record: Record | None) -> None:
    """Add one article's counts to ``evaluation`` (a missing record counts as predicting nothing)."""
    errors: list[str] = []
    evaluation.articles += 1
    for name in METADATA_FIELDS:
        g = _metadata_value(name, gold)
        p = _metadata_value(name, record) if record else None
        right = g is not None and g == p
        evaluation.add(f"metadata:{name}", EXACT, Counts(tp=int(right), fp=int(p is not None and not right),
                                                         fn=int(g is not None and not right)))
        if not right and (g is not None or p is not None):
            errors.append(f"metadata {name}: gold {g!r}, predicted {p!r}")
    gold_body = _nonspace(raw, gold.body)
    pred_body = _nonspace(raw, ((p.raw_start, p.raw_start + p.length) for p in _body_pieces(record)) if record else ())
    everything = _nonspace(raw, [(0, len(raw))])
    for kind, g_set, p_set in (("body", gold_body, pred_body),
                               ("boilerplate", everything - gold_body, everything - pred_body)):
        evaluation.add(kind, EXACT, Counts(tp=len(g_set & p_set), fp=len(p_set - g_set), fn=len(g_set - p_set)))
    if pred_body - gold_body:
        errors.append(f"body: kept {len(pred_body - gold_body)} boilerplate characters")
    if gold_body - pred_body:
        errors.append(f"body: removed {len(gold_body - pred_body)} body characters")

    marks = None
    if evaluation.keep_marks:
        marks = evaluation.marks[gold.id] = ArticleMarks(raw, ([gold.headline] if gold.headline else []) + gold.body)
    money_pairs: dict[str, dict[int, int]] = {}
    for kind in SPAN_KINDS + OPTIONAL_KINDS:
        if kind in OPTIONAL_KINDS and getattr(gold, kind) is None:
            continue  # not annotated for this kind: its predictions are not scored either
        gold_items: list[Item] = list(getattr(gold, kind))
        pred_items: list[Item] = _to_raw(record, _predicted(record, kind)) if record else []
        groups: list[tuple[str, list[Item], list[Item]]] = [(kind, gold_items, pred_items)]
        if kind == "entities":
            labels = sorted({_label(i) for i in gold_items + pred_items})
            groups += [(f"entities:{label}", [g for g in gold_items if _label(g) == label],
                        [p for p in pred_items if _label(p) == label]) for label in labels]
        for name, g_items, p_items in groups:
            for mode in SPAN_MODES:
                counts, pairs = match_items(g_items, p_items, mode)
                evaluation.add(name, mode, counts)
                if name == "money":
                    money_pairs[mode] = pairs
                if name == kind and mode == "value":
                    errors += [f"{kind} FN {_describe(g)}" for i, g in enumerate(g_items) if i not in pairs.values()]
                    errors += [f"{kind} FP {_describe(p)}" for i, p in enumerate(p_items) if i not in pairs]
                    if marks is not None:
                        hit = set(pairs.values())
                        marks.marks += [Mark(kind, "tp" if i in hit else "fn", g.start, g.end, g.text, _describe(g))
                                        for i, g in enumerate(g_items)]
                        marks.marks += [Mark(kind, "fp", x.start, x.end, x.text, _describe(x))
                                        for i, x in enumerate(p_items) if i not in pairs]

    gold_conv = [(c.source, c.target) for c in gold.conversions]
    pred_conv = [(c.source, c.target) for c in record.conversions] if record else []
    for mode in SPAN_MODES:
        to_gold = money_pairs.get(mode, {})
        hits = {(to_gold.get(s), to_gold.get(t)) for s, t in pred_conv} & set(gold_conv)
        evaluation.add("conversions", mode, Counts(tp=len(hits), fp=len(pred_conv) - len(hits), fn=len(gold_conv) - len(hits)))
    if gold.facts is not None:
        errors += _score_facts(evaluation, gold, record, marks)
    if errors:
        evaluation.errors[gold.id] = errors


#: A fact's slots as scored, each in its own row ``facts:<slot>``; ``facts`` needs all but metric to agree.
SCORED_FACT_SLOTS = ("value", "change", "share", "period", "subject", "metric")


def _slot_agree(slot: str, gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if slot in ("subject", "metric"):
        return str(gold).casefold() == str(pred).casefold()
    if isinstance(gold, Percentage) and isinstance(pred, Percentage):
        return (gold.value, gold.unit, gold.direction) == (pred.value, pred.unit, pred.direction)
    return values_agree(gold, pred)


def _gold_facts(gold: GoldFile) -> list[dict[str, Any]]:
    """Each gold fact with its slots resolved to the file's items (raw offsets)."""
    values = {(i.start, i.end): i for i in [*gold.money, *gold.quantities]}
    percentages = {(i.start, i.end): i for i in gold.percentages}
    periods = {(i.start, i.end): i for i in gold.periods}
    out = []
    for fact in gold.facts or []:
        out.append({"value": values.get(tuple(fact.value)) if fact.value else None,  # type: ignore[arg-type]
                    "change": percentages.get(tuple(fact.change)) if fact.change else None,  # type: ignore[arg-type]
                    "share": percentages.get(tuple(fact.share)) if fact.share else None,  # type: ignore[arg-type]
                    "period": periods.get(tuple(fact.period)) if fact.period else None,  # type: ignore[arg-type]
                    "subject": fact.subject, "metric": fact.metric})
    return out


def _predicted_facts(record: Record | None) -> list[dict[str, Any]]:
    """Each predicted fact with its slots resolved to the record's items, moved to raw offsets."""
    if record is None:
        return []
    out = []
    for fact in record.facts:
        value = (record.money[fact.money] if fact.money is not None else
                 record.quantities[fact.quantity] if fact.quantity is not None else None)
        slots = {"value": value,
                 "change": record.percentages[fact.change] if fact.change is not None else None,
                 "share": record.percentages[fact.share] if fact.share is not None else None,
                 "period": record.periods[fact.period] if fact.period is not None else None}
        for slot in ("value", "change", "share", "period"):  # aligned with the gold's by raw offsets (and listed so)
            if slots[slot] is not None:
                slots[slot] = _to_raw(record, [slots[slot]])[0]
        out.append(slots | {"subject": fact.subject.canonical if fact.subject else None,
                            "metric": fact.metric.name if fact.metric else None})
    return out


def _describe_fact(fact: dict[str, Any]) -> str:
    parts = [f"{slot}={_describe(fact[slot]) if slot in ('value', 'change', 'share', 'period') else repr(fact[slot])}"
             for slot in SCORED_FACT_SLOTS if fact[slot] is not None]
    return "{" + ", ".join(parts) + "}"


def _score_facts(evaluation: Evaluation, gold: GoldFile, record: Record | None, marks: ArticleMarks | None
                 ) -> list[str]:
    """Facts row and one row per slot. Predicted and gold facts are paired by their figures' raw offsets (the
    pair sharing most overlapping figures first); a pair is a right fact when value, change, share and period
    agree in value and the subject by canonical name."""
    return score_fact_lists(evaluation, _gold_facts(gold), _predicted_facts(record))


def score_fact_lists(evaluation: Evaluation, g_facts: list[dict[str, Any]], p_facts: list[dict[str, Any]]
                     ) -> list[str]:
    """Add the facts row and the slot rows for one article's gold and predicted facts (slots resolved to items
    with raw offsets, as :func:`_gold_facts` gives them); return the error lines. Also used to compare two
    annotators' gold (``benchmarks/agreement.py``)."""

    def figures(fact: dict[str, Any]) -> list[tuple[int, int]]:
        return [(fact[s].start, fact[s].end) for s in ("value", "change", "share") if fact[s] is not None]

    candidates = sorted(((sum(1 for a in figures(g) for b in figures(p) if _overlap(a, b) > 0), gi, pi)
                         for gi, g in enumerate(g_facts) for pi, p in enumerate(p_facts)), reverse=True)
    pairs: dict[int, int] = {}
    for shared, gi, pi in candidates:
        if shared and gi not in pairs.values() and pi not in pairs:
            pairs[pi] = gi
    right = {pi for pi, gi in pairs.items()
             if all(_slot_agree(s, g_facts[gi][s], p_facts[pi][s]) for s in SCORED_FACT_SLOTS if s != "metric")}
    of_gold = {gi: pi for pi, gi in pairs.items()}
    evaluation.add("facts", "value", Counts(tp=len(right), fp=len(p_facts) - len(right), fn=len(g_facts) - len(right)))
    for slot in SCORED_FACT_SLOTS:
        counts = Counts()
        for pi, p in enumerate(p_facts):
            g = g_facts[pairs[pi]] if pi in pairs else None
            if p[slot] is not None and g is not None and _slot_agree(slot, g[slot], p[slot]):
                counts.tp += 1
            elif p[slot] is not None:
                counts.fp += 1
        for gi, g in enumerate(g_facts):
            pi = of_gold.get(gi)
            if g[slot] is not None and not (pi is not None and _slot_agree(slot, g[slot], p_facts[pi][slot])):
                counts.fn += 1
        evaluation.add(f"facts:{slot}", "value", counts)
    errors = []
    matched = set(pairs.values())
    tally = evaluation.fact_errors
    for pi, gi in sorted(pairs.items(), key=lambda x: x[1]):
        if pi not in right:
            differ = ", ".join(s for s in SCORED_FACT_SLOTS
                               if s != "metric" and not _slot_agree(s, g_facts[gi][s], p_facts[pi][s]))
            tally[differ] = tally.get(differ, 0) + 1
            errors.append(f"facts WRONG ({differ}) gold {_describe_fact(g_facts[gi])} "
                          f"predicted {_describe_fact(p_facts[pi])}")
    missed = [f"facts FN {_describe_fact(g)}" for gi, g in enumerate(g_facts) if gi not in matched]
    spurious = [f"facts FP {_describe_fact(p)}" for pi, p in enumerate(p_facts) if pi not in pairs]
    for name, lines in (("missed", missed), ("spurious", spurious)):
        if lines:
            tally[name] = tally.get(name, 0) + len(lines)
    return errors + missed + spurious


# --- the whole corpus ---------------------------------------------------------------------------------------


def evaluate(gold_dir: Path, records: dict[str, Record], corpus_dir: Path, ids: set[str] | None = None,
             by: str | None = None, marks: bool = False) -> Evaluation:
    """Score ``records`` (by id) against every gold file of ``gold_dir`` (or those whose id is in ``ids``).

    Args:
        gold_dir: folder of ``<id>.json`` gold files.
        records: predicted records keyed by id; an id with gold but no record counts as predicting nothing.
        corpus_dir: folder of the raw ``<id>.txt`` articles the gold is anchored in.
        ids: when given, only these articles are scored (an id without a gold file is a warning).
        by: ``"publisher"`` or ``"article"``: also score each group of articles on its own.
        marks: keep each article's items with their outcome (for ``--report``).

    Returns:
        The :class:`Evaluation`.

    Raises:
        GoldError: a gold file cannot be parsed.
    """
    evaluation = Evaluation(keep_marks=marks)
    golds = sorted(p for p in gold_dir.glob("*.json") if ids is None or p.stem in ids)
    if ids is not None and len(golds) < len(ids):
        missing = sorted(ids - {p.stem for p in golds})
        evaluation.warnings.append(f"{len(missing)} ids have no gold file: {', '.join(missing[:5])}")
    for path in golds:
        gold = load_gold(path)
        raw = _gold_article(path, gold, corpus_dir)
        record = records.get(gold.id)
        if record is None:
            evaluation.warnings.append(f"{gold.id}: no prediction; scored as predicting nothing")
        score_article(evaluation, gold, raw, record)
        if by is not None:
            name = gold.id if by == "article" else (gold.metadata.publisher or "(no publisher)")
            score_article(evaluation.groups.setdefault(name, Evaluation()), gold, raw, record)
    extra = sorted(set(records) - {p.stem for p in golds} - (set(records) - ids if ids is not None else set()))
    if extra:
        evaluation.warnings.append(f"{len(extra)} predictions have no gold file and are not scored: {', '.join(extra[:5])}")
    return evaluation


def _gold_article(path: Path, gold: GoldFile, corpus_dir: Path) -> str:
    """The raw article of a gold file, after checking that the gold file is sound against it.

    Raises:
        GoldError: the id is not the file's stem (an id such as ``../../x`` never reads outside the corpus
            folder), the article is missing or unreadable, or a span does not fit the article.
    """
    if gold.id != path.stem:
        raise GoldError(f"{path}: id {gold.id!r} is not the file's stem {path.stem!r}")
    article = corpus_dir / f"{path.stem}.txt"
    try:
        raw = read_article(article).text
    except ArticleError as exc:
        raise GoldError(f"{path}: its article cannot be read ({exc})") from exc
    problems = check_gold(gold, raw, path.stem)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise GoldError(f"{path}: {problems[0]}{more}; run `xjextract gold check`")
    return raw


def format_table(evaluation: Evaluation, interval: bool = False) -> str:
    """The human-readable table: one row per kind and mode (with ``interval``, the bootstrap 95% interval of
    the micro F1 after it)."""

    def pct(x: float | None) -> str:
        return "    -" if x is None else f"{100 * x:5.1f}"

    def num(x: float) -> str:
        return f"{x:g}"

    lines = [f"{evaluation.articles} articles. P/R/F1 in percent; macro = mean over articles where the kind occurs.",
             f"{'kind':28} {'mode':8} {'tp':>6} {'fp':>6} {'fn':>6} {'P':>5} {'R':>5} {'F1':>5} {'mF1':>5}"]
    previous = ""
    for score in evaluation.ordered():
        kind, mode, c = score.kind, score.mode, score.micro
        if kind.partition(":")[0] != previous.partition(":")[0]:
            lines.append("")
        previous = kind
        ci = ""
        if interval:
            bounds = score.f1_interval()
            ci = f"  [{pct(bounds[0]).strip()}, {pct(bounds[1]).strip()}]" if bounds else "  [-]"
        lines.append(f"{kind:28} {mode:8} {num(c.tp):>6} {num(c.fp):>6} {num(c.fn):>6} "
                     f"{pct(c.precision)} {pct(c.recall)} {pct(c.f1)} {pct(score.macro_f1)}{ci}")
    if evaluation.fact_errors:
        lines += ["", "facts not right, by what went wrong (missed: no predicted fact shares a figure with the gold one;",
                  "spurious: the reverse; else the slots of a paired fact that differ from the gold's):"]
        lines += [f"  {count:6d}  {name}" for name, count in evaluation.fact_error_rows()]
    if interval:
        lines.insert(1, "F1 95% interval: bootstrap over articles, 1,000 draws.")
    return "\n".join(lines)


def format_errors(evaluation: Evaluation) -> str:
    return "\n".join(f"{article}:\n" + "\n".join(f"  {e}" for e in errs) for article, errs in evaluation.errors.items())


def parse_floor(text: str) -> tuple[str, str, float]:
    """``KIND[@MODE]=X`` (mode ``strict`` by default; ``exact`` for metadata and boilerplate).

    >>> parse_floor("money@value=0.8"), parse_floor("body=0.95")
    (('money', 'value', 0.8), ('body', 'exact', 0.95))
    """
    key, _, value = text.partition("=")
    kind, _, mode = key.partition("@")
    if not mode:
        mode = EXACT if kind in ("body", "boilerplate") or kind.startswith("metadata:") else "strict"
    try:
        return kind, mode, float(value)
    except ValueError as exc:
        raise ValueError(f"--min-f1 wants KIND[@MODE]=NUMBER, got {text!r}") from exc


# --- the baseline gate --------------------------------------------------------------------------------------


def load_baseline(path: Path) -> dict[str, float]:
    """Floors ``{"kind@mode": f1}`` of a baseline file.

    Raises:
        ValueError: the file cannot be read or is not a floors file (the message names it).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data["floors"].items()}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        raise ValueError(f"{path}: not a baseline file of floors ({reason})") from exc


def gate(evaluation: Evaluation, floors: dict[str, float]) -> list[str]:
    """The floors the evaluation falls below (a kind missing from the evaluation counts as F1 0)."""
    failures = []
    for key, floor in sorted(floors.items()):
        kind, _, mode = key.partition("@")
        f1 = evaluation.f1(kind, mode) or 0.0
        if f1 + 1e-9 < floor:
            failures.append(f"{key}: F1 {f1:.3f} is below its floor {floor:.3f}")
    return failures


def raise_floors(evaluation: Evaluation, path: Path, allow_lower: bool = False) -> list[str]:
    """Set every floor to the current micro F1 (rounded down to 3 decimals); returns what changed.

    Raises:
        ValueError: a floor would go down and ``allow_lower`` is False.
    """
    old = load_baseline(path) if path.exists() else {}
    new = dict(old)
    for (kind, mode), score in evaluation.scores.items():
        if score.micro.f1 is not None:
            new[f"{kind}@{mode}"] = int(score.micro.f1 * 1000) / 1000
    lowered = [k for k in old if new.get(k, 0.0) < old[k]]
    if lowered and not allow_lower:
        raise ValueError("these floors would go down (pass --allow-lower to accept): " +
                         ", ".join(f"{k} {old[k]:.3f} -> {new.get(k, 0.0):.3f}" for k in lowered))
    changes = [f"{k}: {'new' if k not in old else f'{old[k]:.3f}'} -> {v:.3f}"
               for k, v in sorted(new.items()) if old.get(k) != v]
    doc = "Evaluation floors (micro F1) pinned by `xjextract evaluate --update-baseline`; tests/test_eval_gate.py enforces them."
    path.write_text(json.dumps({"_doc": doc, "floors": dict(sorted(new.items()))}, indent=1) + "\n", encoding="utf-8")
    return changes
