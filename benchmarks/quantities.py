"""quantulum3 against xjextract's rule-based quantities, on the gold quantities of corpus/.

Run: .venv/bin/python benchmarks/quantities.py
An item counts when a prediction overlaps the gold span with the same value (0.5%) and unit; quantulum3's
unit names are mapped onto the gold unit list by the table below (generously: any tonne-like unit is a tonne).
"""

from __future__ import annotations

import time
from pathlib import Path

import quantulum3.parser

from xjextract.gold import load_gold
from xjextract.pipeline import extract_article, read_article

ROOT = Path(__file__).resolve().parents[1]
UNIT_MAP = {"tonne": "tonne", "ton": "tonne", "short ton": "tonne", "long ton": "tonne", "metric ton": "tonne",
            "square kilometre": "square kilometre", "kilometre": "kilometre", "kilowatt": "kilowatt",
            "kilowatt hour": "kilowatt-hour", "twenty-foot equivalent unit": "TEU", "train": "train", "vehicle": "vehicle",
            "flight": "flight", "container": "container", "times": "times", "trip": "trip"}


def main() -> None:
    tp = {"quantulum3": 0, "xjextract": 0}
    fp = dict.fromkeys(tp, 0)
    total = 0
    elapsed = dict.fromkeys(tp, 0.0)
    for path in sorted((ROOT / "gold").glob("*.json")):
        gold = load_gold(path)
        record = extract_article(read_article(ROOT / "corpus" / f"{gold.id}.txt"))
        total += len(gold.quantities)
        t0 = time.perf_counter()
        parsed = quantulum3.parser.parse(record.text)
        elapsed["quantulum3"] += time.perf_counter() - t0
        theirs = []
        for q in parsed:
            unit = UNIT_MAP.get(q.unit.name.lower().rstrip("s"), UNIT_MAP.get(q.unit.name.lower()))
            if unit is None:
                continue  # dimensionless numbers, currencies, percentages: not quantities in our sense
            start, end = record.raw_span(q.span[0], q.span[1])
            theirs.append((start, end, q.value, unit))
        ours = [(*record.raw_span(q.start, q.end), q.value, q.unit) for q in record.quantities]
        for name, items in (("quantulum3", theirs), ("xjextract", ours)):
            matched = 0
            for g in gold.quantities:
                if any(s < g.end and g.start < e and u == g.unit and abs(v - g.value) <= 0.005 * g.value
                       for s, e, v, u in items):
                    matched += 1
            tp[name] += matched
            fp[name] += max(0, len(items) - matched)
    print(f"{total} gold quantities in {len(list((ROOT / 'gold').glob('*.json')))} articles")
    for name in tp:
        p = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else 0
        r = tp[name] / total
        f1 = 2 * p * r / (p + r) if p + r else 0
        extra = f", parse time {elapsed[name]:.2f} s" if elapsed[name] else ""
        print(f"{name:11} P {p:.3f} R {r:.3f} F1 {f1:.3f}{extra}")


if __name__ == "__main__":
    main()
