"""spaCy registrations: names pinned, usable on a blank pipeline, found through the entry points."""

from __future__ import annotations

import json
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
    "xj_durations": "xjextract.components:make_durations",
    "xj_entities": "xjextract.components:make_entities",
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
    assert [m["text"] for m in doc._.xj_money] == ["200 billion yuan", "27.56 billion U.S. dollars"]
    assert doc._.xj_money[0]["usd"] is not None and len(doc._.xj_conversions) == 1
    assert [(s.text, s.label_) for s in doc.spans["xj_quantities"]] == [("4,300 tonnes", "tonne")]


def test_sentences_set_by_an_earlier_component_are_used() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("xj_money")
    doc = nlp("Exports reached 5 billion yuan. Imports reached 2 billion.")
    assert [m["currency"] for m in doc._.xj_money] == ["CNY", "CNY"]
    assert doc._.xj_money[1]["text"] == "2 billion"


def test_periods_and_percentages_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    for name in ("xj_money", "xj_periods", "xj_percentages"):
        nlp.add_pipe(name)
    doc = nlp.make_doc("Trade grew 48.4 percent year on year in the first half of the year, up from last year.")
    doc._.xj_published = date(2024, 7, 18)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(p["text"], p["timex"]) for p in doc._.xj_periods] == [("first half of the year", "2024-H1"), ("last year", "2023")]
    assert [(p["text"], p["kind"], p["basis"]) for p in doc._.xj_percentages] == [("48.4 percent", "change", "year_on_year")]
    assert [s.label_ for s in doc.spans["xj_periods"]] == ["2024-H1", "2023"]


def test_gazetteer_before_a_models_ner_fixes_labels() -> None:
    from xjextract.entities import entity_pipeline

    nlp = entity_pipeline(None)
    assert nlp.pipe_names.index("xj_gazetteer") < nlp.pipe_names.index("ner")
    assert "parser" not in nlp.pipe_names and "tok2vec" not in nlp.pipe_names
    doc = nlp("Alashankou")  # the bare model calls it a PERSON
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("Alashankou", "GPE", "Alataw Pass")]


def test_a_saved_pipeline_with_the_gazetteer_reloads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The whole model (tagger and parser before ner) with xj_gazetteer, saved and loaded by spacy.load: the
    patterns travel with it, and loading no longer runs half-loaded components."""
    import spacy

    from xjextract.nlp import load_spacy, resolve_model
    from xjextract.settings import Settings

    nlp = load_spacy(resolve_model(Settings()), ())
    nlp.add_pipe("xj_gazetteer", before="ner")
    text = "URUMQI, Feb. 2 (Xinhua) -- Trade through Kizilsu Kirgiz autonomous prefecture grew."
    before = [(e.text, e.label_) for e in nlp(text).ents]
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert [(e.text, e.label_) for e in again(text).ents] == before
    assert ("Kizilsu Kirgiz autonomous prefecture", "GPE") in before


def test_extension_values_serialize_and_cross_processes() -> None:
    """Plain dicts: doc.to_bytes, DocBin(store_user_data=True) and nlp.pipe(n_process=2) carry them."""
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("en")
    for name in ("xj_money", "xj_periods", "xj_percentages", "xj_quantities"):
        nlp.add_pipe(name)
    texts = [("Trade reached 200 billion yuan (about 27.56 billion U.S. dollars) in the first half of the year.",
              "2024-07-18"), ("Exports grew 5 percent to 4,300 tonnes last year.", "2024-02-02")]

    def with_date(pairs):  # type: ignore[no-untyped-def]
        for text, published in pairs:
            doc = nlp.make_doc(text)
            doc._.xj_published = published  # an ISO string serializes; a date would too once the caller wants
            yield doc

    docs = [nlp(doc) for doc in with_date(texts)]
    again = Doc(nlp.vocab).from_bytes(docs[0].to_bytes())
    assert again._.xj_money == docs[0]._.xj_money and again._.xj_periods[0]["first_day"] == "2024-01-01"
    box = DocBin(store_user_data=True, docs=docs)
    restored = list(DocBin(store_user_data=True).from_bytes(box.to_bytes()).get_docs(nlp.vocab))

    def same(x):  # type: ignore[no-untyped-def]  # msgpack gives lists back as tuples
        return json.loads(json.dumps(x))

    assert [same(d._.xj_quantities) for d in restored] == [same(d._.xj_quantities) for d in docs]
    assert same(restored[0]._.xj_money) == same(docs[0]._.xj_money) != []
    parallel = list(nlp.pipe(with_date(texts), n_process=2))
    assert [d._.xj_money for d in parallel] == [d._.xj_money for d in docs]
    assert [d._.xj_percentages for d in parallel] == [d._.xj_percentages for d in docs]


def test_components_give_the_clis_output_on_the_corpus(corpus_records) -> None:  # type: ignore[no-untyped-def]
    """The model's ner with xj_gazetteer before it and the components of PIPELINE after it, on each corpus
    record's text with its date given through nlp.pipe(as_tuples=True): every item as `xjextract extract` gives
    it. Entities may differ where the model, seeing the whole Doc, reads a word at a paragraph break otherwise
    than the CLI, which runs it paragraph by paragraph: at most 1% of them (3 of the corpus's 721 today)."""
    from xjextract.components import PIPELINE
    from xjextract.entities import UNUSED_COMPONENTS
    from xjextract.nlp import load_spacy, resolve_model
    from xjextract.settings import Settings

    nlp = load_spacy(resolve_model(Settings()), UNUSED_COMPONENTS)
    nlp.add_pipe("xj_gazetteer", before="ner")
    for name in PIPELINE:
        nlp.add_pipe(name)
    records = [record for _, record in corpus_records.values()]
    pairs = [(r.text, {"published": r.published}) for r in records]
    entity_total = entity_differ = 0
    for (doc, context), record in zip(nlp.pipe(pairs, as_tuples=True), records):
        assert context == {"published": record.published}
        for kind in ("money", "conversions", "periods", "percentages", "quantities", "durations"):
            assert getattr(doc._, f"xj_{kind}") == [json.loads(i.model_dump_json()) for i in getattr(record, kind)], \
                (record.id, kind)
        assert set(doc._.xj_warnings) <= set(record.warnings), record.id  # the record adds the cleaning's
        cli = {json.dumps(json.loads(e.model_dump_json()), sort_keys=True) for e in record.entities}
        mine = {json.dumps(e, sort_keys=True) for e in doc._.xj_entities}
        entity_total += len(cli)
        entity_differ += len(cli ^ mine)
    assert entity_total > 500 and entity_differ <= entity_total / 100, (entity_differ, entity_total)


def test_entities_component_repairs_and_canonicalizes() -> None:
    from xjextract.entities import entity_pipeline

    nlp = entity_pipeline(None)
    for name in ("xj_money", "xj_periods", "xj_entities"):
        nlp.add_pipe(name)
    doc = nlp("URUMQI, Feb. 2 (Xinhua) -- Trade through Alashankou reached 5 billion U.S. dollars, "
              "Shu Jueting said.")
    got = [(e["text"], e["label"], e["canonical"]) for e in doc._.xj_entities]
    assert ("URUMQI", "GPE", "Urumqi") in got and ("Alashankou", "GPE", "Alataw Pass") in got
    assert ("Shu Jueting", "PERSON", "Shu Jueting") in got
    assert not any(e["text"] == "U.S." for e in doc._.xj_entities)  # inside the amount
    assert [(s.text, s.kb_id_) for s in doc.spans["xj_entities"]][0] == ("URUMQI", "Urumqi")
    assert doc._.xj_periods == []  # the dateline's date is metadata, not a period


def test_a_holidays_name_inside_its_period_is_an_entity_on_both_paths() -> None:
    from xjextract.api import extract_text
    from xjextract.entities import entity_pipeline

    text = ("BEIJING, Oct. 8 (Xinhua) -- Trips during the seven-day National Day holiday rose 8 percent, while "
            "spending in 2019 grew 7 percent.")
    record = extract_text(text, published="2019-10-08")
    assert ("National Day", "EVENT") in [(e.text, e.label) for e in record.entities]
    assert ("National Day holiday", "2019-10-01") in [(p.text, str(p.first_day)) for p in record.periods]
    nlp = entity_pipeline(None)  # cached: the test before may have added the components already
    for name in ("xj_money", "xj_periods", "xj_entities"):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    doc = nlp(text)
    assert ("National Day", "EVENT") in [(e["text"], e["label"]) for e in doc._.xj_entities]
