"""Entity F1 on the gold corpus in three steps: the bare model, + the gazetteer, + xjextract's repairs.

Run: .venv/bin/python benchmarks/entities.py
  bare model   en_core_web_sm's ner alone, paragraph by paragraph; name labels only, canonical = the text
  + gazetteer  the gazetteer before ner; canonical = the gazetteer id or the text; no repairs
  xjextract    the full entity stage (span repairs, canonical names, stable labels)
Spans inside amounts, percentages and periods are dropped in all three, as the pipeline does.
"""

from __future__ import annotations

from pathlib import Path

from xjextract.entities import entity_pipeline
from xjextract.evaluate import evaluate
from xjextract.nlp import load_model
from xjextract.pipeline import iter_results, read_article
from xjextract.resources import load_json
from xjextract.schema import Entity, Record
from xjextract.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def spans_to_entities(record: Record, nlp: object) -> list[Entity]:
    labels = set(load_json("vocabulary.json")["entity_labels"])
    numeric = [(i.start, i.end) for i in [*record.money, *record.percentages, *record.periods]]
    out = []
    for piece in record.pieces:
        doc = nlp(record.text[piece.start : piece.start + piece.length])  # type: ignore[operator]
        for e in doc.ents:
            start, end = piece.start + e.start_char, piece.start + e.end_char
            if e.label_ in labels and not any(s < end and start < t for s, t in numeric):
                out.append(Entity(text=e.text, start=start, end=end, label=e.label_, canonical=e.ent_id_ or e.text))
    return out


def main() -> None:
    settings = Settings()
    golds = sorted((ROOT / "gold").glob("*.json"))
    raws = [read_article(ROOT / "corpus" / f"{p.stem}.txt") for p in golds]
    records = {raw.id: rec for raw, rec in iter_results(raws, settings) if isinstance(rec, Record)}
    variants = {
        "bare model": load_model(settings, exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                                    "senter")),
        "+ gazetteer": entity_pipeline(settings.model, settings.language),
    }
    print(f"{len(records)} articles; entity F1 (micro, percent)")
    print(f"{'variant':14} {'strict':>7} {'value':>7}")
    for name, nlp in variants.items():
        changed = {k: r.model_copy(update={"entities": spans_to_entities(r, nlp)}) for k, r in records.items()}
        ev = evaluate(ROOT / "gold", changed, ROOT / "corpus")
        print(f"{name:14} {100 * (ev.f1('entities', 'strict') or 0):7.1f} {100 * (ev.f1('entities', 'value') or 0):7.1f}")
    ev = evaluate(ROOT / "gold", records, ROOT / "corpus")
    print(f"{'xjextract':14} {100 * (ev.f1('entities', 'strict') or 0):7.1f} {100 * (ev.f1('entities', 'value') or 0):7.1f}")


if __name__ == "__main__":
    main()
