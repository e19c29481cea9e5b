"""What the facts stage's tense reading costs (nineteenth round): the corpus's articles, repeated, through the
whole pipeline, counting the sentences the tagger reads (``tense.in_simple_present``, asked lazily by the facts
stage) and the time spent in it, against the pipeline's.

Run: .venv/bin/python benchmarks/tagger_cost.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import xjextract.tense as tense
from xjextract.pipeline import iter_results
from xjextract.readers import read_article

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    raws = [read_article(p) for p in sorted((ROOT / "corpus").glob("*.txt"))] * args.repeat
    reading = tense.in_simple_present
    calls, spent = 0, 0.0

    def timed(sentence: str, settings: object) -> bool:
        nonlocal calls, spent
        start = time.perf_counter()
        try:
            return reading(sentence, settings)  # type: ignore[arg-type]
        finally:
            calls += 1
            spent += time.perf_counter() - start

    tense.in_simple_present = timed  # PresentSentences looks the name up at call time
    list(iter_results(raws[:2]))  # warm up the models and the data files
    calls, spent = 0, 0.0
    start = time.perf_counter()
    records = [r for _, r in iter_results(raws)]
    total = time.perf_counter() - start
    sentences = sum(len(r.sentences) for r in records)
    print(f"{len(records)} articles, {sentences} sentences: the tagger read {calls} ({100 * calls / sentences:.1f}%), "
          f"{spent:.2f} s of the pipeline's {total:.2f} s ({100 * spent / total:.1f}%)")


if __name__ == "__main__":
    main()
