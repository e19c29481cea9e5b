"""What a dependency parse of the figure sentences would cost (issue 16): the corpus's records, their sentences that
hold a figure (money, quantity, change or share), parsed by the model's tok2vec + tagger + parser, against the whole
pipeline's time on the same articles; and, inside that pipeline run, what the tense reading the facts stage does
already costs (``tense.in_simple_present``, asked lazily: the sentences it reads and the time spent in it).

Run: .venv/bin/python benchmarks/parse_cost.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import xjextract.tense as tense
from xjextract.nlp import load_spacy, resolve_model
from xjextract.pipeline import iter_results
from xjextract.readers import read_article
from xjextract.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    raws = [read_article(p) for p in sorted((ROOT / "corpus").glob("*.txt"))] * args.repeat
    reading, tagged = tense.in_simple_present, [0, 0.0]

    def timed(sentence: str, settings: Settings) -> bool:
        begun = time.perf_counter()
        try:
            return reading(sentence, settings)
        finally:
            tagged[0] += 1
            tagged[1] += time.perf_counter() - begun

    tense.in_simple_present = timed  # PresentSentences looks the name up at call time
    list(iter_results(raws[:2]))  # warm up the model and the data files
    tagged[:] = [0, 0.0]
    start = time.perf_counter()
    records = [r for _, r in iter_results(raws)]
    pipeline = time.perf_counter() - start
    sentences, words = [], 0
    for rec in records:
        figures = {f.sentence for f in rec.facts}
        sentences += [rec.text[s.start : s.end] for i, s in enumerate(rec.sentences) if i in figures]
        words += len(rec.text.split())
    nlp = load_spacy(resolve_model(Settings()), ("ner", "lemmatizer", "attribute_ruler"))
    list(nlp.pipe(sentences[:20]))
    start = time.perf_counter()
    list(nlp.pipe(sentences, batch_size=64))
    parse = time.perf_counter() - start
    share = sum(len(s.split()) for s in sentences) / words
    print(f"{len(records)} articles, {words:,} words; figure sentences {len(sentences):,} ({100 * share:.0f}% of the words)")
    print(f"pipeline {pipeline:.1f} s; parsing the figure sentences (tok2vec, tagger, parser) {parse:.1f} s "
          f"= +{100 * parse / pipeline:.0f}% of the pipeline's time")
    total = sum(len(r.sentences) for r in records)
    print(f"the facts stage's tense reading, inside the pipeline: {tagged[0]} of {total} sentences tagged "
          f"({100 * tagged[0] / total:.1f}%), {tagged[1]:.2f} s ({100 * tagged[1] / pipeline:.1f}% of its time)")


if __name__ == "__main__":
    main()
