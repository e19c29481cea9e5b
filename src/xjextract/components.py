"""spaCy components: every registration of xjextract, thin factories over the stage functions.

Each component stores its items on the Doc (``doc._.xj_money`` ...) as plain dicts with the record's field
names (so ``doc.to_bytes``, ``DocBin(store_user_data=True)`` and ``nlp.pipe(n_process=2)`` carry them), and as
span groups (``doc.spans``), so it can be used on its own. ``doc._.xj_published`` is the publication date (a
``date`` or an ISO string), set by the caller, for instance through ``nlp.pipe(..., as_tuples=True)``:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("xj_money")
>>> doc = nlp("Trade reached 200 billion yuan (about 27.56 billion U.S. dollars).")
>>> [(m["text"], m["currency"]) for m in doc._.xj_money], [s.label_ for s in doc.spans["xj_money"]]
([('200 billion yuan', 'CNY'), ('27.56 billion U.S. dollars', 'USD')], ['CNY', 'USD'])
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from .fx import apply_reference_rates
from .resources import load_json
from .money import extract_money
from .percentages import extract_percentages
from .periods import extract_periods
from .quantities import extract_quantities
from .segment import segment_sentences

#: Doc extensions, all None until a component sets them. ``xj_published`` (a date) is set by the caller.
EXTENSIONS = ("xj_published", "xj_money", "xj_conversions", "xj_periods", "xj_percentages", "xj_quantities",
              "xj_warnings")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.DOTALL)


def _sentences(doc: Doc, language: str) -> list[tuple[int, int]]:
    """The Doc's own sentences when a component set them, else xjextract's, paragraph by paragraph."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(doc.text)]
    return [(s.start, s.end) for s in segment_sentences(doc.text, paragraphs, language)]


def _plain(items: list[Any]) -> list[dict[str, Any]]:
    """Items as JSON-ready dicts (dates as ISO strings): what spaCy can serialize and send to other processes."""
    return [item.model_dump(mode="json") for item in items]


def _published(doc: Doc) -> date | None:
    value = doc._.xj_published
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _span_group(doc: Doc, name: str, items: list[tuple[int, int, str]]) -> None:
    spans = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in items]
    doc.spans[name] = [s for s in spans if s is not None]


class MoneyComponent:
    """Amounts, stated conversions and reference rates (``usd`` needs ``doc._.xj_published``)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentences(doc, self.language)
        found = extract_money(doc.text, sentences, self.language)
        fx = apply_reference_rates(found.money, found.conversions, _published(doc), [], sentences)
        doc._.xj_money, doc._.xj_conversions = _plain(fx.money), _plain(fx.conversions)
        doc._.xj_warnings = (doc._.xj_warnings or []) + found.warnings + fx.warnings
        _span_group(doc, "xj_money", [(m.start, m.end, m.currency) for m in fx.money])
        return doc


class PeriodComponent:
    """Periods resolved against ``doc._.xj_published`` (without it, relative periods get no dates)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        taken = [(m["start"], m["end"]) for m in doc._.xj_money or []]
        found = extract_periods(doc.text, _published(doc), _sentences(doc, self.language), taken, self.language)
        doc._.xj_periods = _plain(found.periods)
        doc._.xj_warnings = (doc._.xj_warnings or []) + found.warnings
        _span_group(doc, "xj_periods", [(p.start, p.end, p.timex or "") for p in found.periods])
        return doc


class PercentageComponent:
    """Percentages and their role; periods found by ``xj_periods`` (if it ran) inform comparisons."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        periods = [(p["start"], p["end"]) for p in doc._.xj_periods or []]
        found = extract_percentages(doc.text, _sentences(doc, self.language), periods, self.language)
        doc._.xj_percentages = _plain(found)
        _span_group(doc, "xj_percentages", [(p.start, p.end, p.kind) for p in found])
        return doc


class QuantityComponent:
    """Non-monetary quantities; numbers inside amounts found by ``xj_money`` (if it ran) are skipped."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        taken = [(m["start"], m["end"]) for m in [*(doc._.xj_money or []), *(doc._.xj_percentages or [])]]
        found = extract_quantities(doc.text, taken, self.language)
        doc._.xj_quantities = _plain(found)
        _span_group(doc, "xj_quantities", [(q.start, q.end, q.unit) for q in found])
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
