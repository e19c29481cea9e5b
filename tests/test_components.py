"""spaCy registrations: names pinned, usable on a blank pipeline, found through the entry points."""

from __future__ import annotations

from datetime import date
from importlib.metadata import entry_points

import spacy

import xjextract.components  # noqa: F401  (registers the factories)

FACTORIES = {
    "xj_gazetteer": "xjextract.components:make_gazetteer",
    "xj_money": "xjextract.components:make_money",
    "xj_periods": "xjextract.components:make_periods",
    "xj_percentages": "xjextract.components:make_percentages",
    "xj_quantities": "xjextract.components:make_quantities",
}


def test_factory_names_are_pinned_and_advertised() -> None:
    advertised = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.value.startswith("xjextract")}
    assert advertised == FACTORIES
    for name in FACTORIES:
        assert name in spacy.registry.factories


def test_money_and_quantities_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("xj_money")
    nlp.add_pipe("xj_quantities")
    doc = nlp.make_doc("Trade reached 200 billion yuan (about 27.56 billion U.S. dollars).\n\nIt moved 4,300 tonnes.")
    doc._.xj_published = date(2024, 7, 18)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [m.text for m in doc._.xj_money] == ["200 billion yuan", "27.56 billion U.S. dollars"]
    assert doc._.xj_money[0].usd is not None and len(doc._.xj_conversions) == 1
    assert [(s.text, s.label_) for s in doc.spans["xj_quantities"]] == [("4,300 tonnes", "tonne")]


def test_sentences_set_by_an_earlier_component_are_used() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("xj_money")
    doc = nlp("Exports reached 5 billion yuan. Imports reached 2 billion.")
    assert [m.currency for m in doc._.xj_money] == ["CNY", "CNY"]
    assert doc._.xj_money[1].text == "2 billion"


def test_periods_and_percentages_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    for name in ("xj_money", "xj_periods", "xj_percentages"):
        nlp.add_pipe(name)
    doc = nlp.make_doc("Trade grew 48.4 percent year on year in the first half of the year, up from last year.")
    doc._.xj_published = date(2024, 7, 18)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(p.text, p.timex) for p in doc._.xj_periods] == [("first half of the year", "2024-H1"), ("last year", "2023")]
    assert [(p.text, p.kind, p.basis) for p in doc._.xj_percentages] == [("48.4 percent", "change", "year_on_year")]
    assert [s.label_ for s in doc.spans["xj_periods"]] == ["2024-H1", "2023"]


def test_gazetteer_before_a_models_ner_fixes_labels() -> None:
    from xjextract.entities import entity_pipeline

    nlp = entity_pipeline(None)
    assert nlp.pipe_names.index("xj_gazetteer") < nlp.pipe_names.index("ner")
    assert "parser" not in nlp.pipe_names and "tok2vec" not in nlp.pipe_names
    doc = nlp("Alashankou")  # the bare model calls it a PERSON
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("Alashankou", "GPE", "Alataw Pass")]
