"""spaCy components: every registration of xjextract, thin factories over the stage functions.

Each component stores its items on the Doc (``doc._.xj_money`` ...) and as span groups (``doc.spans``), so it
can be used on its own:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("xj_money")
>>> doc = nlp("Trade reached 200 billion yuan (about 27.56 billion U.S. dollars).")
>>> [(m.text, m.currency) for m in doc._.xj_money], [s.label_ for s in doc.spans["xj_money"]]
([('200 billion yuan', 'CNY'), ('27.56 billion U.S. dollars', 'USD')], ['CNY', 'USD'])
"""

from __future__ import annotations

import re

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
        fx = apply_reference_rates(found.money, found.conversions, doc._.xj_published, [], sentences)
        doc._.xj_money, doc._.xj_conversions = fx.money, fx.conversions
        doc._.xj_warnings = (doc._.xj_warnings or []) + found.warnings + fx.warnings
        _span_group(doc, "xj_money", [(m.start, m.end, m.currency) for m in fx.money])
        return doc


class PeriodComponent:
    """Periods resolved against ``doc._.xj_published`` (without it, relative periods get no dates)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        taken = [(m.start, m.end) for m in doc._.xj_money or []]
        found = extract_periods(doc.text, doc._.xj_published, _sentences(doc, self.language), taken, self.language)
        doc._.xj_periods = found.periods
        doc._.xj_warnings = (doc._.xj_warnings or []) + found.warnings
        _span_group(doc, "xj_periods", [(p.start, p.end, p.timex or "") for p in found.periods])
        return doc


class PercentageComponent:
    """Percentages and their role; periods found by ``xj_periods`` (if it ran) inform comparisons."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        periods = [(p.start, p.end) for p in doc._.xj_periods or []]
        doc._.xj_percentages = extract_percentages(doc.text, _sentences(doc, self.language), periods, self.language)
        _span_group(doc, "xj_percentages", [(p.start, p.end, p.kind) for p in doc._.xj_percentages])
        return doc


class QuantityComponent:
    """Non-monetary quantities; numbers inside amounts found by ``xj_money`` (if it ran) are skipped."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        taken = [(m.start, m.end) for m in [*(doc._.xj_money or []), *(doc._.xj_percentages or [])]]
        doc._.xj_quantities = extract_quantities(doc.text, taken, self.language)
        _span_group(doc, "xj_quantities", [(q.start, q.end, q.unit) for q in doc._.xj_quantities])
        return doc


@Language.factory("xj_gazetteer", default_config={"language": "en"})
def make_gazetteer(nlp: Language, name: str, language: str) -> EntityRuler:
    """The domain gazetteer as an EntityRuler; put it before ``ner``.

    Matching is case-sensitive, so "the Alashankou port" is the place, not "Alashankou Port" the facility; the
    capitalized form of every place name is added for datelines ("URUMQI, Feb. 2 (Xinhua) --"), and the form
    with a lower-case designation ("Kizilsu Kirgiz autonomous prefecture") for papers that print it so.
    """
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
    ruler = EntityRuler(nlp, name, overwrite_ents=False)
    ruler.add_patterns(patterns + list(extra.values()))  # type: ignore[arg-type]
    return ruler


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
