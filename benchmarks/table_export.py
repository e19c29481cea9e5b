"""Memory of xjextract table as the input grows: records stream through in batches, so peak memory stays flat.

Run: .venv/bin/python benchmarks/table_export.py [--sizes 5000 20000 100000]

The records are the corpus's (extracted once), repeated under new ids to each size and written to a JSONL
file; each size is exported to Parquet by `xjextract table` in a fresh process, whose peak RSS and time are
printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_peak(command: list[str]) -> float:
    """Run ``command``; its peak RSS in MB, sampled every 0.05 s (psutil)."""
    import psutil

    proc = psutil.Popen(command)
    peak = 0.0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"{command[0]} failed with {proc.returncode}")
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 100000])
    args = parser.parse_args()
    xj = str(Path(sys.executable).with_name("xjextract"))
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "corpus.jsonl"
        subprocess.run([xj, "extract", str(ROOT / "corpus"), "-o", str(base), "-q"], check=True)
        lines = base.read_text(encoding="utf-8").splitlines()
        print(f"{'records':>8} {'MB of JSONL':>12} {'seconds':>8} {'peak RSS MB':>12}")
        for size in args.sizes:
            path = Path(tmp) / f"r{size}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for i in range(size):
                    record = json.loads(lines[i % len(lines)])
                    record["id"] = f"{record['id']}-{i}"
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            started = time.perf_counter()
            peak = _run_peak([xj, "table", str(path), "-o", str(Path(tmp) / f"t{size}.parquet"), "-q"])
            seconds = time.perf_counter() - started
            print(f"{size:8,} {path.stat().st_size / 2**20:12.0f} {seconds:8.1f} {peak:12.0f}")
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
