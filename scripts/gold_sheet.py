"""Print a gold file's article paragraph by paragraph with its items and their raw spans, for annotators.

    python scripts/gold_sheet.py gold/000_0e780ba2c3dffdc5.json corpus/000_0e780ba2c3dffdc5.txt

Facts (gold/README.md "Facts") are written with the spans this prints: `value` from a money/quantity line,
`change`/`share` from a percentage line, `period` from a period line; `subject` from an entity's canonical.
A gold file's existing facts are printed under the paragraph of their first figure.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(gold_path: str, text_path: str) -> None:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    raw = Path(text_path).read_text(encoding="utf-8")
    stretches = ([("headline", *gold["headline"])] if gold.get("headline") else []) + [
        ("body", s, e) for s, e in gold["body"]]
    targets = {(gold["money"][c["target"]]["start"], gold["money"][c["target"]]["end"]) for c in gold["conversions"]}
    print(f"# {gold['id']}  published {gold['metadata']['published']}  title {gold['metadata']['title']!r}")
    for n, (what, start, end) in enumerate(stretches):
        print(f"\n== P{n} {what} [{start}, {end}]\n{raw[start:end]}")
        rows = []
        for kind in ("entities", "money", "percentages", "periods", "quantities"):
            for item in gold.get(kind, []):
                if start <= item["start"] < end:
                    if kind == "entities":
                        info = f"{item['label']} canonical={item.get('canonical')!r}"
                    elif kind == "money":
                        info = f"{item['amount']:g} {item['currency']}" + (
                            "  (conversion target: not a fact value)" if (item["start"], item["end"]) in targets else "")
                    elif kind == "percentages":
                        info = f"{item['kind']} {item['direction'] or ''} basis={item['basis']}"
                    elif kind == "periods":
                        info = f"{item['first_day']}..{item['last_day']}"
                    else:
                        info = f"{item['value']:g} {item['unit']}"
                    rows.append((item["start"], f"  {kind[:6]:6} [{item['start']}, {item['end']}] "
                                                f"{item['text']!r}  {info}"))
        for _, row in sorted(rows):
            print(row)
        for i, fact in enumerate(gold.get("facts") or []):
            spans = [fact[k] for k in ("value", "change", "share") if fact.get(k)]
            if spans and start <= min(s[0] for s in spans) < end:
                print(f"  FACT {i}: {json.dumps(fact)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
