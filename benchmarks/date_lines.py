"""Publication dates on date lines: dateparser against fixed strptime formats, on the date strings the page
rules find.

Run: .venv/bin/python benchmarks/date_lines.py

The page rules of data/en/boilerplate.json find a page's date lines (metadata_lines); the newer ones hand
the date and time as strings ({DATE}, {TIME}) to a parser. This collects every such string on the corpus
and the dev part of the dev set (its held-back part is never read here), parses it with dateparser (as
the pipeline does) and with a fixed list of strptime formats, and prints how many agree with the gold
publication date and the time each takes.
"""

from __future__ import annotations

import json

import time
from datetime import datetime
from pathlib import Path

from xjextract.clean import _lines, _parsed, _rules
from xjextract.gold import load_gold

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y-%B-%d", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d,%Y",
           "%b %d,%Y", "%d %B %Y", "%d %b %Y"]
TIMES = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p"]


def strptime(day: str, time_: str | None) -> str | None:
    for form in FORMATS:
        try:
            parsed = datetime.strptime(day, form)
        except ValueError:
            continue
        if not time_:
            return parsed.date().isoformat()
        for t in TIMES:
            try:
                clock = datetime.strptime(time_.upper().replace(".", ""), t)
            except ValueError:
                continue
            return parsed.replace(hour=clock.hour, minute=clock.minute).isoformat(timespec="minutes")
        return parsed.date().isoformat()
    return None


def cases() -> list[tuple[str, str | None, str]]:
    """``(date string, time string, gold published)`` of every date line with {DATE} groups."""
    rules = _rules("en")
    dev = set(json.loads((ROOT / "devset" / "split.json").read_text())["dev"])
    sources = [(ROOT / "gold", ROOT / "corpus")]
    if (ROOT / "devset" / "texts").is_dir():
        sources.append((ROOT / "devset" / "gold", ROOT / "devset" / "texts"))
    found = []
    for gold_dir, text_dir in sources:
        for path in sorted(gold_dir.glob("*.json")):
            if gold_dir.parent.name == "devset" and path.stem not in dev:
                continue
            gold = load_gold(path)
            raw = (text_dir / f"{path.stem}.txt").read_text(encoding="utf-8")
            for start, end, _ in _lines(raw):
                for rule in rules.metadata_lines:
                    match = rule.regex.search(raw[start:end])
                    if match and match.groupdict().get("date"):
                        found.append((match["date"], match.groupdict().get("time"), gold.metadata.published or ""))
                        break
    return found


def main() -> None:
    found = cases()
    print(f"{len(found)} date strings on date lines (corpus and the dev part of the dev set)")
    for name, parse in (("dateparser", _parsed), ("strptime formats", strptime)):
        started = time.perf_counter()
        got = [parse(day, clock) for day, clock, _ in found]
        ms = 1000 * (time.perf_counter() - started) / max(1, len(found))
        right = sum(g is not None and gold.startswith(g[:10]) for g, (_, _, gold) in zip(got, found))
        exact = sum(g == gold for g, (_, _, gold) in zip(got, found))
        print(f"{name:18} right day {right}/{len(found)}, day and time as gold {exact}/{len(found)}, {ms:.2f} ms each")
    misses = [(d, t) for d, t, g in found if strptime(d, t) is None]
    if misses:
        print("strptime formats cannot read:", ", ".join(f"{d!r} {t or ''}".strip() for d, t in misses[:8]))



if __name__ == "__main__":
    main()
