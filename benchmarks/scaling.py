"""Does every stage stay linear in its input? Time and peak memory of one article as it grows, and of
pathological patterns that made scans quadratic.

Run: .venv/bin/python benchmarks/scaling.py [--sizes 10,100,1000,5000] [--timeout 120] [--only NAME]

Each case runs `extract_article` on one article in a fresh process (so peak RSS is its own), after the model
is loaded; the time printed is the extraction alone. Articles of 10 KB to 5 MB are the corpus's body
paragraphs repeated under one page header (so the article has many paragraphs, as a long report would); the
patterns are single paragraphs of repeated text that once took minutes. The ratio time(1 MB)/time(100 KB)
should be close to 10 for a linear pipeline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = "Xinjiang trade report\n\n2024-07-18 18:36 Last Updated At:19:07\n\n"


def body_paragraphs() -> list[str]:
    """Body paragraphs of the corpus, as the pipeline keeps them (a realistic mix of items)."""
    from xjextract.clean import clean_article

    out: list[str] = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        art = clean_article(path.read_text(encoding="utf-8"))
        out += [art.text[p.start : p.start + p.length] for p in art.pieces]
    return out


def article_of(kilobytes: int) -> str:
    paragraphs = body_paragraphs()
    chunks, size, i = [HEADER], len(HEADER), 0
    while size < kilobytes * 1000:
        chunks.append(paragraphs[i % len(paragraphs)] + "\n\n")
        size += len(chunks[-1])
        i += 1
    return "".join(chunks)


def one_paragraph(unit: str, kilobytes: int = 100) -> str:
    return HEADER + "URUMQI, July 18 (Xinhua) -- " + unit * (kilobytes * 1000 // len(unit)) + "\n"


PATTERNS = {
    "bracketed amounts '1 billion yuan (' x 10000": lambda: one_paragraph("1 billion yuan (", 160),
    "'US$' x 4000": lambda: one_paragraph("US$", 12),
    "month ranges, 100 KB": lambda: one_paragraph("January-March and April-June, "),
    "percent lists, 100 KB": lambda: one_paragraph("up 5.2 percent and 3.1 percent, "),
    "amount lists, 100 KB": lambda: one_paragraph("280 million and 220 million U.S. dollars, "),
    "periods and amounts, 100 KB": lambda: one_paragraph(
        "In the first half of 2024, trade reached 200 billion yuan (about 27.56 billion U.S. dollars). "),
    "entities, 100 KB": lambda: one_paragraph("Kazakhstan, Kyrgyzstan, Urumqi Customs and the FTZ, "),
    "short port names, 100 KB": lambda: one_paragraph(
        "Qingdao Port handled 5 million tonnes, and the Qingdao port grew 3 percent. "),
    "one 1 MB paragraph of prose": lambda: HEADER + " ".join(body_paragraphs() * 200)[:1_000_000] + "\n",
    "1.2 MB paragraph (over spaCy's max_length)": lambda: HEADER + ("Trade in Urumqi grew 5 percent. " * 40000) + "\n",
    "no line breaks, 100 KB": lambda: ("Trade in Urumqi grew 5 percent in 2024. " * 2500),
}


def child(text_file: str) -> None:
    """Measure one article in this process: load the model first, then time the extraction."""
    import resource

    from xjextract.entities import entity_pipeline
    from xjextract.pipeline import extract_article
    from xjextract.settings import Settings

    text = Path(text_file).read_text(encoding="utf-8")
    entity_pipeline(Settings().model, "en")
    extract_article("warm up: Trade grew 5 percent in 2024.", "warm")
    started = time.perf_counter()
    record = extract_article(text, "case")
    seconds = time.perf_counter() - started
    items = sum(len(getattr(record, k)) for k in ("entities", "money", "percentages", "periods", "quantities"))
    print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "items": items, "chars": len(text)}))


def run_case(name: str, text: str, timeout: float, tmp: Path) -> dict[str, object]:
    path = tmp / "case.txt"
    path.write_text(text, encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"name": name, "chars": len(text), "seconds": None, "note": f"no result within {timeout:.0f} s"}
    if done.returncode != 0:
        return {"name": name, "chars": len(text), "seconds": None,
                "note": (done.stderr.strip().splitlines() or ["failed"])[-1][:100]}
    return {"name": name, **json.loads(done.stdout.strip().splitlines()[-1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000", help="article sizes in KB")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    import tempfile

    cases = [(f"article {kb:,} KB", lambda kb=kb: article_of(kb)) for kb in map(int, args.sizes.split(","))]
    cases += list(PATTERNS.items())
    results = []
    print(f"{'case':48} {'chars':>10} {'items':>7} {'seconds':>8} {'peak RSS MB':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases:
            if args.only and args.only not in name:
                continue
            result = run_case(name, make(), args.timeout, Path(tmp))
            results.append(result)
            seconds = f"{result['seconds']:8.2f}" if result.get("seconds") is not None else f"{'-':>8}"
            rss = f"{result['rss_mb']:11.0f}" if result.get("rss_mb") else f"{'-':>11}"
            print(f"{name:48} {result['chars']:>10,} {result.get('items', '-'):>7} {seconds} {rss}"
                  f"  {result.get('note', '')}", flush=True)
    by_name = {r["name"]: r for r in results}
    small, large = by_name.get("article 100 KB"), by_name.get("article 1,000 KB")
    if small and large and small.get("seconds") and large.get("seconds"):
        print(f"\ntime(1 MB) / time(100 KB) = {large['seconds'] / small['seconds']:.1f} (linear: about 10)")


if __name__ == "__main__":
    main()
