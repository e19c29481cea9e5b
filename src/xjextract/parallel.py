"""Running the pipeline over many articles: in this process, in worker processes, or on a Dask cluster.

Every mode cuts the input into the same chunks of ``settings.batch_articles`` articles and runs the same code
on each, so the output is identical, byte for byte, in input order. Each process loads the spaCy model once.
Memory does not grow with the corpus: chunks are read, processed and written one after another (a bounded
number are in flight in parallel modes).

>>> from xjextract.settings import Settings
>>> [(line is not None, error) for line, error, _ in run_local([], Settings(), workers=1)]
[]
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .entities import entity_pipeline
from .pipeline import ArticleError, RawArticle, chunked, decode_article, iter_results, read_article
from .settings import Settings

Item = Path | RawArticle
#: One article's outcome: its JSON line and counts for the summary, or the error that names it.
Outcome = tuple[str | None, str | None, dict[str, int]]
#: What the summary line counts, per record.
COUNTED = ("sentences", "removed", "entities", "money", "periods", "percentages", "quantities", "warnings")
#: With fewer articles than this per extra worker, starting worker processes costs more than it saves.
#: Measured with benchmarks/throughput.py: one process takes ~40 ms an article, a worker process ~1.5 s to
#: start, so two workers (1.5 s + 20 ms an article) beat one from about 75 articles on.
MIN_ARTICLES_PER_WORKER = 40


def auto_workers(n_articles: int) -> int:
    """How many worker processes pay off for ``n_articles`` on this machine.

    >>> auto_workers(10)
    1
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, n_articles // MIN_ARTICLES_PER_WORKER))


def _load(item: Item) -> RawArticle | ArticleError:
    if isinstance(item, RawArticle):
        return item
    try:
        return read_article(item)
    except ArticleError as exc:
        return exc


def process_chunk(items: list[Item], settings: Settings) -> list[Outcome]:
    """Read and extract one chunk of articles; the outcomes in input order."""
    loaded = [_load(item) for item in items]
    results = iter(iter_results([x for x in loaded if isinstance(x, RawArticle)], settings))
    out: list[Outcome] = []
    for item in loaded:
        if isinstance(item, ArticleError):
            out.append((None, str(item), {}))
            continue
        _, result = next(results)
        if isinstance(result, ArticleError):
            out.append((None, str(result), {}))
        else:
            out.append((result.model_dump_json(), None, {k: len(getattr(result, k)) for k in COUNTED}))
    return out


# --- worker processes ----------------------------------------------------------------------------------------

_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    """Load the model once per worker process, before its first chunk."""
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    entity_pipeline(settings.model, settings.language)


def _work(items: list[Item]) -> list[Outcome]:
    assert _WORKER_SETTINGS is not None, "worker not initialized"
    return process_chunk(items, _WORKER_SETTINGS)


def _context() -> Any:
    """forkserver where there is one (fast, and safe with threads), else spawn."""
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["xjextract.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def run_local(items: Iterable[Item], settings: Settings, workers: int) -> Iterator[Outcome]:
    """Outcomes of every article, in input order, with ``workers`` processes (1: this process)."""
    chunks = chunked(items, settings.batch_articles)
    if workers <= 1:
        for chunk in chunks:
            yield from process_chunk(chunk, settings)
        return
    with _context().Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for outcomes in pool.imap(_work, chunks):
            yield from outcomes


# --- Dask ----------------------------------------------------------------------------------------------------


def run_dask(items: Iterable[Item], settings: Settings, address: str) -> Iterator[Outcome]:
    """Outcomes of every article, in input order, computed on the Dask cluster at ``address``.

    Files are read here and sent as text, so the cluster needs no shared file system. At most two chunks per
    Dask worker are in flight, so memory here stays bounded.
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - the message is the point
        raise RuntimeError("Dask is an optional extra: pip install 'xjextract[dask]'") from exc
    with Client(address) as client:  # type: ignore[no-untyped-call]
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for chunk in chunked(items, settings.batch_articles):
            loaded = [x if isinstance(x, RawArticle) else _load(x) for x in chunk]
            sendable: list[Item] = [x for x in loaded if isinstance(x, RawArticle)]
            pending.append((loaded, client.submit(process_chunk, sendable, settings, pure=False)))
            while len(pending) >= in_flight:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())


def _merge(loaded: list[RawArticle | ArticleError], future: Any) -> Iterator[Outcome]:
    """Put read errors back in their place among a chunk's results."""
    results = iter(future.result())
    for item in loaded:
        yield (None, str(item), {}) if isinstance(item, ArticleError) else next(results)


def extract_bag(bag: Any, settings: Settings | None = None) -> Any:
    """Extract records from a ``dask.bag.Bag`` on whatever cluster runs it: one model per Dask worker.

    Elements may be paths (``pathlib.Path``, read on the worker), :class:`RawArticle`, ``(id, text)`` pairs
    or plain texts (their id is the start of their SHA-256). Returns a bag of ``(id, json_line, error)``
    tuples, ``json_line`` None when ``error`` says what failed.
    """
    return bag.map_partitions(_partition, settings or Settings())


def _partition(elements: Iterable[Any], settings: Settings) -> list[tuple[str, str | None, str | None]]:
    items: list[Item] = []
    for element in elements:
        if isinstance(element, (Path, RawArticle)):
            items.append(element)
        elif isinstance(element, tuple):
            article_id, text = element
            items.append(decode_article(str(text).encode("utf-8"), f"<{article_id}>", str(article_id)))
        else:
            raw = decode_article(str(element).encode("utf-8"), "<text>", "")
            items.append(RawArticle(raw.sha256[:16], "<text>", raw.text, raw.sha256))
    ids = [i.id if isinstance(i, RawArticle) else i.stem for i in items]
    out = []
    for chunk_start in range(0, len(items), settings.batch_articles):
        chunk = items[chunk_start : chunk_start + settings.batch_articles]
        for article_id, (line, error, _) in zip(ids[chunk_start:], process_chunk(chunk, settings)):
            out.append((article_id, line, error))
    return out
