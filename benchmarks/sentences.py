"""Compare sentence splitters on the hand-written cases of tests/cases/sentences.json (accuracy, speed), and
xjextract's rules with pysbd on every paragraph of corpus/ (agreement).

Run: .venv/bin/python benchmarks/sentences.py
A case counts as right when the splitter yields exactly the expected sentences (by their opening words).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pysbd
import spacy

from xjextract.nlp import load_model
from xjextract.segment import segment_sentences
from xjextract.settings import Settings

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "sentences.json"


def cases() -> list[dict[str, object]]:
    data = json.loads(CASES.read_text(encoding="utf-8"))
    return [case for group, items in data.items() if not group.startswith("_") for case in items]


def main() -> None:
    nlp = load_model(Settings())
    seg = pysbd.Segmenter(language="en", clean=False)
    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")
    senter_only = load_model(Settings(), exclude=("parser",))
    senter_only.enable_pipe("senter")
    def ours(t: str) -> list[str]:
        return [t[s.start : s.end] for s in segment_sentences(t, [(0, len(t))])]

    splitters: dict[str, Callable[[str], list[str]]] = {
        "xjextract": ours,
        "pysbd": lambda t: [s.strip() for s in seg.segment(t) if s.strip()],
        "spacy parser": lambda t: [s.text.strip() for s in nlp(t).sents if s.text.strip()],
        "spacy senter": lambda t: [s.text.strip() for s in senter_only(t).sents if s.text.strip()],
        "spacy sentencizer": lambda t: [s.text.strip() for s in sentencizer(t).sents if s.text.strip()],
    }
    items = cases()
    # Every splitter also runs on all paragraphs joined by a blank line: fewer sentences there than expected
    # means it merged across paragraphs (xjextract never sees joined text: it splits paragraph by paragraph).
    joined = "\n\n".join(str(c["text"]) for c in items)
    expected_total = sum(len(c["starts"]) for c in items)  # type: ignore[arg-type]
    print(f"{len(items)} paragraphs, {expected_total} sentences expected")
    print(f"{'splitter':20} {'paragraphs right':>17} {'ms/paragraph':>13} {'sentences on joined text':>25}")
    for name, split in splitters.items():
        right = 0
        t0 = time.perf_counter()
        for _ in range(5):
            for case in items:
                got = split(str(case["text"]))
                starts = case["starts"]
                right += len(got) == len(starts) and all(g.startswith(s) for g, s in zip(got, starts))  # type: ignore[arg-type]
        ms = (time.perf_counter() - t0) * 1000 / (5 * len(items))
        print(f"{name:20} {right // 5:>10}/{len(items):<6} {ms:>13.2f} {len(split(joined)):>25}")
    agreement(ours, splitters["pysbd"])


def agreement(ours: Callable[[str], list[str]], pysbd_split: Callable[[str], list[str]]) -> None:
    """Where xjextract and pysbd split a corpus paragraph differently, and why."""
    from xjextract.clean import clean_article

    paragraphs = []
    for path in sorted((CASES.parents[2] / "corpus").glob("*.txt")):
        article = clean_article(path.read_text(encoding="utf-8"))
        paragraphs += [article.text[s:e] for s, e in article.paragraphs]
    inside_quotes = other = 0
    for text in paragraphs:
        a, b = ours(text), pysbd_split(text)
        if [x.split() for x in a] == [x.split() for x in b]:
            continue
        # pysbd keeps a quotation of several sentences together; xjextract splits it
        if len(a) > len(b) and any(x.startswith('"') or x.startswith("“") for x in b):
            inside_quotes += 1
        else:
            other += 1
            print("  differs:", [x[:40] for x in a], "|", [x[:40] for x in b])
    print(f"corpus: {len(paragraphs)} paragraphs; differ on {inside_quotes} (sentences inside a quotation, "
          f"which xjextract splits) + {other} other")


if __name__ == "__main__":
    main()
