"""Throughput, memory and cold start of xjextract against bare spaCy, in one run on the same texts.

Run: .venv/bin/python benchmarks/throughput.py [--docs 1000]     (or: make bench)

The texts are the raw articles of corpus/, repeated to --docs documents, so anyone can rerun it. Every
measurement runs in a fresh process (so peak memory is its own) and reads the texts from memory:
  bare NER       en_core_web_sm with only its ner component, nlp.pipe(batch_size=32) on the raw texts
  bare full      the whole en_core_web_sm pipeline, same texts and batch size
  xjextract 1w   the full xjextract pipeline in this process (records serialized to JSON, not written)
  xjextract 2w   the same with 2 worker processes, their start-up included
Throughput is words of raw text per second, model loading excluded for the single-process runs. Peak RSS is
the process's high-water mark (for 2 workers, the largest worker's, sampled every 0.1 s). Cold start is the wall time of
`xjextract extract <one article>` from a shell, median of three, and where a fresh process spends it (what
each worker process pays before its first article).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"ratio_1w": 0.8, "speedup_2w": 1.8, "rss_1w_mb": 400.0, "cold_start_s": 2.5}


def texts(docs: int) -> list[str]:
    raw = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return [raw[i % len(raw)] for i in range(docs)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


class ChildPeak(threading.Thread):
    """The largest RSS any descendant process reaches (worker processes hang below a fork server, so
    RUSAGE_CHILDREN does not see them)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.done.wait(0.1):
            for child in me.children(recursive=True):
                try:
                    self.peak_mb = max(self.peak_mb, child.memory_info().rss / 2**20)
                except psutil.Error:
                    pass


def startup() -> dict[str, float]:
    """Where a fresh process's time goes before its first record (what each worker process pays)."""
    marks = {"start": time.perf_counter()}
    from xjextract.entities import entity_pipeline
    from xjextract.parallel import run_local
    from xjextract.pipeline import read_article
    from xjextract.settings import Settings

    marks["imports"] = time.perf_counter()
    settings = Settings()
    entity_pipeline(settings.model, settings.language)
    marks["model + gazetteer"] = time.perf_counter()
    list(run_local([read_article(sorted((ROOT / "corpus").glob("*.txt"))[1])], settings, 1))
    marks["first article (rate table, data files)"] = time.perf_counter()
    names = list(marks)
    return {names[i]: marks[names[i]] - marks[names[i - 1]] for i in range(1, len(names))}


def measure(name: str, docs: int) -> dict[str, float]:
    """One measurement, in this (fresh) process."""
    if name == "startup":
        return startup()
    items = texts(docs)
    words = sum(len(t.split()) for t in items)
    if name in ("bare_ner", "bare_full"):
        import spacy

        from xjextract.nlp import load_model
        from xjextract.settings import Settings

        nlp = load_model(Settings(), exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",
                                              "senter") if name == "bare_ner" else ())
        assert isinstance(nlp, spacy.language.Language)
        start = time.perf_counter()
        for _ in nlp.pipe(items, batch_size=32):
            pass
    else:
        from xjextract.entities import entity_pipeline
        from xjextract.parallel import run_local
        from xjextract.pipeline import decode_article
        from xjextract.settings import Settings

        settings = Settings()
        raws = [decode_article(t.encode("utf-8"), f"<{i}>", f"doc{i}") for i, t in enumerate(items)]
        workers = 2 if name == "xj_2w" else 1
        if workers == 1:
            entity_pipeline(settings.model, settings.language)  # load the model before the clock starts
            run_local(raws[:1], settings, 1).__next__()  # and the rate table, the lazy imports
        monitor = ChildPeak()
        monitor.start()
        start = time.perf_counter()
        for _ in run_local(raws, settings, workers):
            pass
        seconds = time.perf_counter() - start
        monitor.done.set()
        monitor.join()
        if workers > 1:  # the workers do the work: report the largest of them
            return {"words": words, "seconds": seconds, "words_per_s": words / seconds,
                    "peak_rss_mb": monitor.peak_mb}
    seconds = time.perf_counter() - start
    return {"words": words, "seconds": seconds, "words_per_s": words / seconds, "peak_rss_mb": peak_rss_mb()}


def cold_start() -> float:
    article = sorted((ROOT / "corpus").glob("*.txt"))[1]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "xjextract"), "extract", str(article), "-q"],
                       check=True, stdout=subprocess.DEVNULL)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def run(name: str, docs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--measure", name, "--docs", str(docs)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="documents to process (default 1000)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=ROOT / "out" / "benchmark.json", help="where to save figures")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.docs)))
        return
    results = {name: run(name, args.docs) for name in ("bare_ner", "bare_full", "xj_1w", "xj_2w")}
    results["xj_1w_half"] = run("xj_1w", args.docs // 2)  # memory must not grow with the corpus
    cold = cold_start()
    base = results["bare_ner"]["words_per_s"]
    print(f"{args.docs} documents, {results['bare_ner']['words']:,} words (corpus/ repeated)\n")
    print(f"{'run':18} {'words/s':>9} {'x bare NER':>11} {'seconds':>8} {'peak RSS MB':>12}")
    labels = {"bare_ner": "bare spaCy NER", "bare_full": "bare spaCy full", "xj_1w": "xjextract 1 worker",
              "xj_2w": "xjextract 2 workers", "xj_1w_half": f"  same, {args.docs // 2} docs"}
    for name, label in labels.items():
        r = results[name]
        print(f"{label:18} {r['words_per_s']:>9,.0f} {r['words_per_s'] / base:>11.2f} {r['seconds']:>8.1f} "
              f"{r['peak_rss_mb']:>12.0f}")
    figures = {
        "ratio_1w": results["xj_1w"]["words_per_s"] / base,
        "speedup_2w": results["xj_2w"]["words_per_s"] / results["xj_1w"]["words_per_s"],
        "rss_1w_mb": results["xj_1w"]["peak_rss_mb"],
        "cold_start_s": cold,
    }
    print(f"\ncold start, one article: {cold:.2f} s; in a fresh process: " +
          ", ".join(f"{k} {v:.2f} s" for k, v in run("startup", 1).items()))
    print("\ntarget                               figure   target   met")
    for key, target in TARGETS.items():
        value = figures[key]
        met = value <= target if key in ("rss_1w_mb", "cold_start_s") else value >= target
        print(f"{key:34} {value:8.2f} {target:8.2f}   {'yes' if met else 'NO'}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"docs": args.docs, "results": results, "figures": figures}, indent=1))


if __name__ == "__main__":
    main()
