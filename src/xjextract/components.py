"""spaCy components: every registration of xjextract, thin factories over the stage functions.

Each component stores its items on the Doc (``doc._.xj_money`` ...) as plain dicts with the record's field
names, ``sentence`` included (so ``doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)``
carry them), and as span groups (``doc.spans``), so it can be used on its own. In the order of
:data:`PIPELINE` after a model's ``ner`` they give what ``xjextract extract`` gives for the same text and date
(tests/test_components.py compares them on the corpus).

The publication date is ``doc._.xj_published`` (a ``date`` or an ISO string), set by the caller, or the
``"published"`` of the context given with ``nlp.pipe(((text, {"published": "2024-07-18"}), ...),
as_tuples=True)``:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("xj_money")
>>> doc = nlp("Trade reached 200 billion yuan (about 27.56 billion U.S. dollars).")
>>> [(m["text"], m["currency"]) for m in doc._.xj_money], [s.label_ for s in doc.spans["xj_money"]]
([('200 billion yuan', 'CNY'), ('27.56 billion U.S. dollars', 'USD')], ['CNY', 'USD'])
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from .clean import locate_dateline
from .durations import extract_durations
from .fx import apply_reference_rates
from .money import extract_money
from .percentages import extract_percentages
from .periods import extract_periods
from .quantities import extract_quantities
from .resources import load_json
from .schema import Conversion, Money, Period
from .segment import segment_sentences

#: Doc extensions, all None until a component sets them. ``xj_published`` (a date) is set by the caller.
EXTENSIONS = ("xj_published", "xj_entities", "xj_money", "xj_conversions", "xj_periods", "xj_percentages",
              "xj_quantities", "xj_durations", "xj_warnings")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

#: The components in the order that gives the CLI's output, after a model's ``ner`` (``xj_gazetteer`` goes
#: before it): periods after money (conversions are checked against the periods' ends), entities last (an
#: entity never lies inside an amount, a percentage, a period or a duration).
PIPELINE = ("xj_money", "xj_periods", "xj_percentages", "xj_quantities", "xj_durations", "xj_entities")

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.DOTALL)
#: Where each stage's warnings are kept (in ``doc.user_data``), so a stage that runs again replaces its own.
_WARNINGS = "xj_stage_warnings"
_WARNING_ORDER = ("money", "periods", "fx")


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(doc.text)]


def _sentences(doc: Doc, language: str) -> list[tuple[int, int]]:
    """The Doc's own sentences when a component set them, else xjextract's, paragraph by paragraph."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(s.start, s.end) for s in segment_sentences(doc.text, _paragraphs(doc), language)]


def _plain(items: list[Any], sentences: list[tuple[int, int]] | None = None) -> list[dict[str, Any]]:
    """Items as JSON-ready dicts (dates as ISO strings), each with its sentence index when it has a span: what
    spaCy can serialize and send to other processes."""
    starts = [s for s, _ in sentences or []]
    out = []
    for item in items:
        data = item.model_dump(mode="json")
        if sentences is not None and "start" in data:
            i = bisect_right(starts, data["start"]) - 1
            data["sentence"] = i if i >= 0 and data["start"] < sentences[i][1] else None
        out.append(data)
    return out


def _published(doc: Doc) -> date | None:
    value = doc._.xj_published
    if value is None and isinstance(getattr(doc, "_context", None), dict):
        value = doc._context.get("published")  # nlp.pipe(..., as_tuples=True)
        doc._.xj_published = value
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _dateline(doc: Doc, language: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """The span of the dateline opening ("URUMQI, Feb. 2 (Xinhua) --") of the first body paragraph (the first
    or, after a headline, the second paragraph) and of its place; ``(0, 0), None`` without one."""
    for paragraph in _paragraphs(doc)[:2]:
        found = locate_dateline(doc.text, paragraph, _published(doc), language)
        if found:
            return found[1], found[2]
    return (0, 0), None


def _set_warnings(doc: Doc, stage: str, warnings: list[str]) -> None:
    by_stage = doc.user_data.setdefault(_WARNINGS, {})
    by_stage[stage] = list(warnings)
    doc._.xj_warnings = [w for name in _WARNING_ORDER for w in by_stage.get(name, [])]


def _span_group(doc: Doc, name: str, items: list[tuple[int, int, str]]) -> None:
    spans = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in items]
    doc.spans[name] = [s for s in spans if s is not None]


def _spans(items: list[dict[str, Any]] | None) -> list[tuple[int, int]]:
    return [(i["start"], i["end"]) for i in items or []]


def _apply_fx(doc: Doc, sentences: list[tuple[int, int]], periods: list[Period]) -> None:
    """usd on every amount and each conversion checked, against the publication date and the periods' ends."""
    money = [Money.model_validate({k: v for k, v in m.items() if k != "sentence"}) for m in doc._.xj_money or []]
    conversions = [Conversion(source=c["source"], target=c["target"]) for c in doc._.xj_conversions or []]
    fx = apply_reference_rates(money, conversions, _published(doc), periods, sentences)
    doc._.xj_money, doc._.xj_conversions = _plain(fx.money, sentences), _plain(fx.conversions)
    _set_warnings(doc, "fx", fx.warnings)


class MoneyComponent:
    """Amounts, stated conversions and reference rates (``usd`` needs the publication date; ``xj_periods``
    after it checks conversions against its periods' ends too)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentences(doc, self.language)
        found = extract_money(doc.text, sentences, self.language)
        doc._.xj_money, doc._.xj_conversions = _plain(found.money, sentences), _plain(found.conversions)
        _set_warnings(doc, "money", found.warnings)
        _apply_fx(doc, sentences, [])
        _span_group(doc, "xj_money", [(m["start"], m["end"], m["currency"]) for m in doc._.xj_money])
        return doc


class PeriodComponent:
    """Periods resolved against the publication date (without it, relative periods get no dates); the dateline's
    date is not a period. After ``xj_money``, conversions are checked against the periods' ends as well."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentences(doc, self.language)
        dateline, _ = _dateline(doc, self.language)
        found = extract_periods(doc.text, _published(doc), sentences, [dateline, *_spans(doc._.xj_money)],
                                self.language)
        doc._.xj_periods = _plain(found.periods, sentences)
        _set_warnings(doc, "periods", found.warnings)
        if doc._.xj_money is not None:
            _apply_fx(doc, sentences, found.periods)
        _span_group(doc, "xj_periods", [(p.start, p.end, p.timex or "") for p in found.periods])
        return doc


class PercentageComponent:
    """Percentages and their role; periods found by ``xj_periods`` (if it ran) inform comparisons."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentences(doc, self.language)
        found = extract_percentages(doc.text, sentences, _spans(doc._.xj_periods), self.language)
        doc._.xj_percentages = _plain(found, sentences)
        _span_group(doc, "xj_percentages", [(p.start, p.end, p.kind) for p in found])
        return doc


class QuantityComponent:
    """Non-monetary quantities; numbers inside amounts found by ``xj_money`` (if it ran) are skipped."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        taken = _spans(doc._.xj_money) + _spans(doc._.xj_percentages)
        found = extract_quantities(doc.text, taken, self.language)
        doc._.xj_quantities = _plain(found, _sentences(doc, self.language))
        _span_group(doc, "xj_quantities", [(q.start, q.end, q.unit) for q in found])
        return doc


class DurationComponent:
    """Durations ("three years"), never inside the dateline or an item of the components before it."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        dateline, _ = _dateline(doc, self.language)
        taken = [dateline, *_spans(doc._.xj_money)] + [
            s for kind in (doc._.xj_periods, doc._.xj_percentages, doc._.xj_quantities) for s in _spans(kind)]
        found = extract_durations(doc.text, taken, self.language)
        doc._.xj_durations = _plain(found, _sentences(doc, self.language))
        _span_group(doc, "xj_durations", [(d.start, d.end, d.value) for d in found])
        return doc


class EntityComponent:
    """The model's entities (``doc.ents``) with xjextract's repairs: Chinese personal names, names extended
    and trimmed, stable labels, the dateline place a GPE, nothing inside an amount, percentage, period or
    duration of the components before it, and canonical names (``canonical``; the span group's ``kb_id``)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        from .entities import _places, canonicalize, chinese_person_names, period_exclusions

        spans = [(e.start_char, e.end_char, e.label_, e.ent_id_ or None) for e in doc.ents]
        spans = chinese_person_names(doc.text, spans, _places(self.language), self.language)
        exclude = _spans(doc._.xj_money) + [
            s for kind in (doc._.xj_percentages, doc._.xj_durations) for s in _spans(kind)] + period_exclusions(
            ((p["start"], p["end"], p["text"]) for p in doc._.xj_periods or []), self.language)
        _, place = _dateline(doc, self.language)
        found = canonicalize(doc.text, spans, exclude, language=self.language, place=place)
        doc._.xj_entities = _plain(found, _sentences(doc, self.language))
        groups = [doc.char_span(e.start, e.end, label=e.label, kb_id=e.canonical or "", alignment_mode="expand")
                  for e in found]
        doc.spans["xj_entities"] = [g for g in groups if g is not None]
        return doc


def gazetteer_with_variants(language: str) -> list[dict[str, object]]:
    """The gazetteer's patterns, with the capitalized form of every place name (datelines: "URUMQI, Feb. 2
    (Xinhua) --") and the form with a lower-case designation ("Kizilsu Kirgiz autonomous prefecture")."""
    from .entities import gazetteer_patterns

    patterns = gazetteer_patterns(language)
    designations = load_json("entity_rules.json", language)["designations"]
    variants = []
    for p in patterns:
        if p["label"] not in ("GPE", "LOC"):
            continue
        variants.append(dict(p, pattern=p["pattern"].upper()))
        ending = next((d for d in designations if p["pattern"].endswith(" " + d)), None)
        if ending:  # China Daily prints "Kizilsu Kirgiz autonomous prefecture"
            variants.append(dict(p, pattern=p["pattern"][: -len(ending)] + ending.lower()))
    known = {p["pattern"] for p in patterns}
    extra = {v["pattern"]: v for v in variants if v["pattern"] not in known}
    return patterns + list(extra.values())


class GazetteerRuler(EntityRuler):
    """The domain gazetteer as an EntityRuler whose patterns arrive after construction: on the first document,
    unless ``from_disk`` (``spacy.load`` of a saved pipeline) brought them first. Adding phrase patterns runs
    the components before it, which ``spacy.load`` has not filled yet while it constructs the pipeline."""

    def __init__(self, nlp: Language, name: str, language: str) -> None:
        super().__init__(nlp, name, overwrite_ents=False)
        self.language = language

    def ensure_patterns(self) -> None:
        if len(self) == 0:
            self.add_patterns(gazetteer_with_variants(self.language))  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_patterns()
        return super().__call__(doc)

    def pipe(self, stream: Any, *, batch_size: int = 128) -> Any:
        self.ensure_patterns()
        for doc in stream:
            yield super().__call__(doc)

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        self.ensure_patterns()
        super().to_disk(path, exclude=exclude)

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        self.ensure_patterns()
        return super().to_bytes(exclude=exclude)


@Language.factory("xj_gazetteer", default_config={"language": "en"})
def make_gazetteer(nlp: Language, name: str, language: str) -> GazetteerRuler:
    """The domain gazetteer as an EntityRuler; put it before ``ner``.

    Matching is case-sensitive, so "the Alashankou port" is the place, not "Alashankou Port" the facility. A
    saved pipeline with it reloads with ``spacy.load`` (its patterns are saved with it).
    """
    return GazetteerRuler(nlp, name, language)


@Language.factory("xj_money", default_config={"language": "en"})
def make_money(nlp: Language, name: str, language: str) -> MoneyComponent:
    return MoneyComponent(language)


@Language.factory("xj_periods", default_config={"language": "en"})
def make_periods(nlp: Language, name: str, language: str) -> PeriodComponent:
    return PeriodComponent(language)


@Language.factory("xj_percentages", default_config={"language": "en"})
def make_percentages(nlp: Language, name: str, language: str) -> PercentageComponent:
    return PercentageComponent(language)


@Language.factory("xj_quantities", default_config={"language": "en"})
def make_quantities(nlp: Language, name: str, language: str) -> QuantityComponent:
    return QuantityComponent(language)


@Language.factory("xj_durations", default_config={"language": "en"})
def make_durations(nlp: Language, name: str, language: str) -> DurationComponent:
    return DurationComponent(language)


@Language.factory("xj_entities", default_config={"language": "en"})
def make_entities(nlp: Language, name: str, language: str) -> EntityComponent:
    """Put it after ``ner`` and the numeric components (see :data:`PIPELINE`)."""
    return EntityComponent(language)
