"""Inter-annotator agreement: two annotators' gold folders for the same articles, scored against each other.

Run: .venv/bin/python benchmarks/agreement.py GOLD_A GOLD_B [--ids id,id,...]
Each article both folders hold is scored as ``xjextract evaluate`` scores the pipeline, with annotator B in the
place of the pipeline: item rows by value (money, percentages, periods, quantities, entities) and the facts row
with one row per slot (a fact agrees when value, change, share and period agree and the subject by canonical
name). F1 is symmetric, so which folder is A does not change it; precision and recall swap. The figure is the
ceiling the gold itself sets: a pipeline cannot be measured more finely than two careful readers agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xjextract.evaluate import Counts, Evaluation, _describe, _gold_facts, match_items, score_fact_lists
from xjextract.gold import load_gold

ITEM_KINDS = ("entities", "money", "percentages", "periods", "quantities")


def agreement(gold_a: Path, gold_b: Path, ids: set[str] | None = None) -> tuple[Evaluation, dict[str, list[str]]]:
    """Scores of folder B against folder A over the articles both hold (or those of ``ids``), and each article's
    disagreements on facts."""
    evaluation = Evaluation()
    differences: dict[str, list[str]] = {}
    for path_a in sorted(gold_a.glob("*.json")):
        path_b = gold_b / path_a.name
        if not path_b.exists() or (ids is not None and path_a.stem not in ids):
            continue
        a, b = load_gold(path_a), load_gold(path_b)
        evaluation.articles += 1
        lines: list[str] = []
        for kind in ITEM_KINDS:
            items_a, items_b = list(getattr(a, kind)), list(getattr(b, kind))
            counts, pairs = match_items(items_a, items_b, "value")
            evaluation.add(kind, "value", counts)
            lines += [f"{kind} only A {_describe(x)}" for i, x in enumerate(items_a) if i not in pairs.values()]
            lines += [f"{kind} only B {_describe(x)}" for i, x in enumerate(items_b) if i not in pairs]
        if a.facts is not None and b.facts is not None:
            lines += score_fact_lists(evaluation, _gold_facts(a), _gold_facts(b))
        if lines:
            differences[path_a.stem] = lines
    return evaluation, differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_a", type=Path)
    parser.add_argument("gold_b", type=Path)
    parser.add_argument("--ids", help="score only these articles: id,id,...")
    parser.add_argument("--differences", action="store_true", help="list the items and facts the two annotators differ on (facts: A as gold, B as predicted)")
    args = parser.parse_args(argv)
    for folder in (args.gold_a, args.gold_b):
        if not folder.is_dir():
            print(f"agreement: {folder}: not a folder", file=sys.stderr)
            return 2
    ids = set(args.ids.split(",")) if args.ids else None
    evaluation, differences = agreement(args.gold_a, args.gold_b, ids)
    if not evaluation.articles:
        print("agreement: no article is in both folders", file=sys.stderr)
        return 2
    print(f"{evaluation.articles} articles; B scored against A")
    print(f"{'row':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'F1':>6}")
    for name in (*ITEM_KINDS, "facts", *(f"facts:{s}" for s in ("value", "change", "share", "period", "subject", "metric"))):
        score = evaluation.scores.get((name, "value"))
        counts = score.micro if score else Counts()
        f1 = counts.f1
        print(f"{name:<18} {int(counts.tp):>4} {int(counts.fp):>4} {int(counts.fn):>4} {'-' if f1 is None else f'{100 * f1:.1f}':>6}")
    if args.differences:
        for stem, lines in differences.items():
            print(f"\n{stem}")
            print("\n".join(f"  {line}" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
