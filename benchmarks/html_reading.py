"""HTML pages: trafilatura's main-content extraction against xjextract's own page rules on the page's visible text.

Run: .venv/bin/python benchmarks/html_reading.py

The pages are tests/fixtures/html/*.html, one per publisher layout, written for the tests from corpus
articles (own prose); their gold body is the corpus gold's. For each page and each reading it prints the
body paragraphs kept (exactly as gold), the extra and missed paragraphs, whether the items (money,
percentages, periods, quantities, entities) equal those of the article's .txt scrape, and the time.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

from xjextract.clean import Given, clean_article, selected_article
from xjextract.gold import load_gold
from xjextract.pipeline import extract_article, read_article
from xjextract.readers.html import read_html
from xjextract.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("money", "percentages", "periods", "quantities", "entities")


def items(record: object) -> dict[str, list[tuple[str, object]]]:
    return {k: [(i.text, i.model_dump(exclude={"start", "end", "text", "usd"})) for i in getattr(record, k)]
            for k in KINDS}


def main() -> None:
    warnings.simplefilter("ignore")
    pages = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
    totals = {"trafilatura": [0, 0, 0, 0, 0.0], "page rules": [0, 0, 0, 0, 0.0]}
    print(f"{'page':40} {'reading':12} {'kept':>5} {'extra':>5} {'missed':>6} {'items = .txt':>12} {'ms':>6}")
    for page in pages:
        stem = page.stem
        gold = load_gold(ROOT / "gold" / f"{stem}.json")
        graw = (ROOT / "corpus" / f"{stem}.txt").read_text(encoding="utf-8")
        wanted = [" ".join(graw[s:e].split()) for s, e in gold.body]
        scrape = extract_article(read_article(ROOT / "corpus" / f"{stem}.txt"))
        started = time.perf_counter()
        raw = read_html(page.read_bytes(), str(page), stem)
        read_ms = 1000 * (time.perf_counter() - started)
        given = Given(title=raw.title, published=raw.published)
        readings = {
            "trafilatura": lambda: selected_article(raw.text, list(raw.body or []), "not main content", "en", given),
            "page rules": lambda: clean_article(raw.text, given=given),
        }
        for name, read in readings.items():
            started = time.perf_counter()
            article = read()
            ms = read_ms + 1000 * (time.perf_counter() - started)
            got = [" ".join(article.text[s:e].split()) for s, e in article.paragraphs]
            kept = sum(p in wanted for p in got)
            setting = Settings(html_body="trafilatura" if name == "trafilatura" else "rules")
            record = extract_article(raw, settings=setting)
            same = items(record) == items(scrape)
            t = totals[name]
            t[0] += kept
            t[1] += sum(p not in wanted for p in got)
            t[2] += sum(p not in got for p in wanted)
            t[3] += same
            t[4] += ms
            print(f"{stem[:40]:40} {name:12} {kept:>5} {sum(p not in wanted for p in got):>5} "
                  f"{sum(p not in got for p in wanted):>6} {'yes' if same else 'no':>12} {ms:6.0f}")
    print()
    for name, (kept, extra, missed, same, ms) in totals.items():
        print(f"{name:12} paragraphs kept {kept}, extra {extra}, missed {missed}; items equal to the .txt scrape "
              f"on {same}/{len(pages)} pages; {ms / len(pages):.0f} ms a page")


if __name__ == "__main__":
    main()
