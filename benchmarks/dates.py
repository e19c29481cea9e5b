"""Calendar dates: dateparser against xjextract's own reading, on every date period of the gold corpus.

Run: .venv/bin/python benchmarks/dates.py
For each gold period whose first and last day are one day ("Feb. 2", "June 14", "February 02, 2024"), both
read the span with the article's publication date as the reference (dateparser: languages=['en'],
RELATIVE_BASE, PREFER_DATES_FROM='past'); agreement with gold and time per date are printed. Read alone,
a date in a sentence about the future is taken as past by both; in the pipeline, xjextract sees the sentence.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from pathlib import Path

import dateparser

from xjextract.gold import load_gold
from xjextract.periods import extract_periods

ROOT = Path(__file__).resolve().parents[1]
_DATE = re.compile(r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?$")


def main() -> None:
    cases = []
    for path in sorted((ROOT / "gold").glob("*.json")):
        gold = load_gold(path)
        if not gold.metadata.published:
            continue
        published = date.fromisoformat(gold.metadata.published[:10])
        cases += [(p.text, published, p.first_day) for p in gold.periods
                  if p.first_day == p.last_day and _DATE.match(p.text)]
    results = {}
    for name in ("dateparser", "xjextract"):
        right, start = 0, time.perf_counter()
        for text, published, expected in cases:
            if name == "dateparser":
                parsed = dateparser.parse(text, languages=["en"], settings={
                    "RELATIVE_BASE": datetime.combine(published, datetime.min.time()), "PREFER_DATES_FROM": "past"})
                got = parsed.date() if parsed else None
            else:
                found = extract_periods(text, published).periods
                got = found[0].first_day if found else None
            right += got == expected
            if got != expected:
                print(f"  {name}: {text!r} published {published}: got {got}, gold {expected}")
        results[name] = (right, (time.perf_counter() - start) * 1000 / max(1, len(cases)))
    print(f"{len(cases)} calendar dates in the gold corpus")
    for name, (right, ms) in results.items():
        print(f"{name:11} {right}/{len(cases)} right, {ms:.2f} ms a date")


if __name__ == "__main__":
    main()
