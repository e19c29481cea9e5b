"""Memory stays flat whatever the input's size: peak RSS of `xjextract extract BIG.jsonl -o OUT` for JSONL files of
growing size (corpus articles, one per line), one worker.

Run: .venv/bin/python benchmarks/streaming.py [--lines 500,2000,8000]

A 2 GB dump would take hours to extract; if the peak does not grow from 500 to 8,000 lines (16 times the
input), the reader and the writer stream, and the figure holds for any size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", default="500,2000,8000")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    print(f"{'lines':>7} {'input MB':>9} {'output MB':>10} {'seconds':>8} {'peak RSS MB':>12}")
    for n in map(int, args.lines.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            source, out = Path(tmp) / "big.jsonl", Path(tmp) / "out.jsonl"
            with source.open("w", encoding="utf-8") as handle:
                for i in range(n):
                    handle.write(json.dumps({"id": f"a{i}", "url": f"https://english.news.cn/2024071{i % 10}/x/c.html",
                                             "text": texts[i % len(texts)]}) + "\n")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "xjextract", "extract", str(source), "-o", str(out),
                            "--workers", "1", "-q"], check=True)
            seconds = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"{n:>7} {source.stat().st_size / 1e6:9.1f} {out.stat().st_size / 1e6:10.1f} {seconds:8.1f} "
                  f"{max(peak, before) / 1024:12.0f}", flush=True)


if __name__ == "__main__":
    main()
