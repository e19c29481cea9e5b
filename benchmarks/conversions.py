"""How far the corpus's stated conversions are from the ECB reference rate: the data behind fx.RATE_TOLERANCE.

Run: .venv/bin/python benchmarks/conversions.py
For every stated conversion the pipeline finds in corpus/, prints the deviation from the reference rate of the
publication date and of the best-fitting candidate date, and the largest of each.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xjextract.fx import RATE_TOLERANCE, reference_rate
from xjextract.pipeline import iter_results, read_article
from xjextract.schema import Record

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    raws = [read_article(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    rows = []
    for raw, record in iter_results(raws):
        if not isinstance(record, Record) or not record.published:
            continue
        for conv in record.conversions:
            if conv.deviation is None:
                continue
            source, target = record.money[conv.source], record.money[conv.target]
            at_publication = reference_rate(source.currency, target.currency,
                                            date.fromisoformat(record.published[:10]))
            pub_dev = conv.implied_rate / at_publication - 1 if conv.implied_rate and at_publication else None
            rows.append((raw.id, f"{source.text} = {target.text}", pub_dev, conv.deviation, conv.reference_basis))
    for article, pair, pub_dev, best_dev, basis in rows:
        pub = f"{100 * pub_dev:+6.2f}%" if pub_dev is not None else "     -"
        print(f"{article[:28]:28} {pair[:52]:52} publication {pub}  best {100 * best_dev:+6.2f}% ({basis})")
    worst_pub = max(abs(r[2]) for r in rows if r[2] is not None)
    worst_best = max(abs(r[3]) for r in rows)
    print(f"\n{len(rows)} conversions with a reference rate; largest deviation at the publication date "
          f"{100 * worst_pub:.2f}%, at the best candidate date {100 * worst_best:.2f}% "
          f"(tolerance {100 * RATE_TOLERANCE:.0f}% + rounding of the printed figures)")


if __name__ == "__main__":
    main()
