"""Running the pipeline over many articles: in this process, in worker processes, or on a Dask cluster.

Every mode cuts the input into the same chunks of ``settings.batch_articles`` articles and runs the same code
on each, so the output is identical, byte for byte, in input order. Each process loads the spaCy model once.
Memory does not grow with the corpus: chunks are read, processed and written one after another (a bounded
number are in flight in parallel modes).

>>> from xjextract.settings import Settings
>>> [(o.line is not None, o.error) for o in run_local([], Settings(), workers=1)]
[]
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, NamedTuple

from .entities import entity_pipeline
from .pipeline import ArticleError, RawArticle, chunked, decode_article, iter_results, read_article
from .readers import path_text, shown
from .readers.files import InputFile
from .readers.inputs import read_input
from .settings import Settings
from .writers.jsonl import record_line

log = logging.getLogger(__name__)

Item = Path | InputFile | RawArticle | ArticleError


class Outcome(NamedTuple):
    """One article's outcome: its JSON line and counts for the summary, or the error that names it."""

    line: str | None
    error: str | None
    counts: dict[str, int]
    #: The input's name as printed in messages.
    name: str = ""
    #: What the reader noticed about the input, for a warning on stderr (the record's warnings hold it too).
    notes: tuple[str, ...] = ()

#: What the summary line counts, per record.
COUNTED = ("sentences", "removed", "entities", "money", "periods", "percentages", "quantities", "durations", "facts",
           "warnings")
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
    if isinstance(item, (RawArticle, ArticleError)):
        return item
    try:
        return read_input(item) if isinstance(item, InputFile) else read_article(item)
    except ArticleError as exc:
        return exc


def item_name(item: Item) -> str:
    """How an input is named in messages."""
    if isinstance(item, ArticleError):
        return str(item).partition(": ")[0]
    if isinstance(item, RawArticle):
        return shown(item.path)
    if isinstance(item, InputFile):
        return shown(str(item.path))
    return shown(str(item))


def process_chunk(items: list[Item], settings: Settings) -> list[Outcome]:
    """Read and extract one chunk of articles; the outcomes in input order."""
    loaded = [_load(item) for item in items]
    results = iter(iter_results([x for x in loaded if isinstance(x, RawArticle)], settings))
    out: list[Outcome] = []
    for item in loaded:
        if isinstance(item, ArticleError):
            out.append(Outcome(None, str(item), {}))
            continue
        _, result = next(results)
        if isinstance(result, ArticleError):
            out.append(Outcome(None, str(result), {}, shown(item.path)))
            continue
        try:
            line = record_line(result)
        except Exception as exc:  # noqa: BLE001 - one record that cannot be written costs that record only
            log.info("cannot serialize %s", item.path, exc_info=True)
            out.append(Outcome(None, f"{shown(item.path)}: internal error while writing its record, please "
                                     f"report: {exc}", {}, shown(item.path)))
            continue
        counts = {k: len(getattr(result, k)) for k in COUNTED}
        counts["no body"] = int(not result.text)
        out.append(Outcome(line, None, counts, shown(item.path), item.warnings))
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
    """Outcomes of every article, in input order, with ``workers`` processes (1: this process).

    A worker process that dies (the kernel's out-of-memory killer, a signal from outside) breaks the pool:
    the chunks it had in flight are run again one article at a time in a new pool, and an article that
    breaks that pool too is reported as lost; the run goes on with the others.
    """
    chunks = chunked(items, settings.batch_articles)
    if workers <= 1:
        for chunk in chunks:
            yield from process_chunk(chunk, settings)
        return
    pool = _Pool(workers, settings)
    try:
        pending: deque[tuple[list[Item], tuple[int, Future[list[Outcome]]]]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(chunk)))
            while len(pending) >= 2 * workers:
                yield from pool.outcomes(*pending.popleft())
        while pending:
            yield from pool.outcomes(*pending.popleft())
    finally:
        pool.close()


class _Pool:
    """A process pool that replaces itself when a worker dies."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers = workers
        self.settings = settings
        self.generation = 0  # bumped at every replacement: a future of an older pool is rerun, not trusted
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init_worker,
                                   initargs=(self.settings,))

    def submit(self, chunk: list[Item]) -> tuple[int, Future[list[Outcome]]]:
        try:
            return self.generation, self.executor.submit(_work, chunk)
        except BrokenProcessPool:
            self._renew()
            return self.generation, self.executor.submit(_work, chunk)

    def _renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()
        self.generation += 1

    def outcomes(self, chunk: list[Item], submitted: tuple[int, Future[list[Outcome]]]) -> list[Outcome]:
        """The chunk's outcomes; after a worker died, each of its articles again on its own."""
        generation, future = submitted
        try:
            return future.result()
        except (BrokenProcessPool, CancelledError):
            pass
        if generation == self.generation:  # this pool broke: replace it (an older one was replaced already)
            self._renew()
        log.warning("a worker process died; running the %d articles it had in hand again one by one", len(chunk))
        out: list[Outcome] = []
        for item in chunk:
            try:
                out += self.executor.submit(_work, [item]).result()
            except (BrokenProcessPool, CancelledError):
                self._renew()
                name = item_name(item)
                out.append(Outcome(None, f"{name}: lost: the worker process died while extracting it (killed "
                                         "from outside, or out of memory)", {}, name))
        return out

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


# --- Dask ----------------------------------------------------------------------------------------------------


def run_dask(items: Iterable[Item], settings: Settings, address: str) -> Iterator[Outcome]:
    """Outcomes of every article, in input order, computed on the Dask cluster at ``address``.

    Files are read here and sent as text, so the cluster needs no shared file system. At most two chunks per
    Dask worker are in flight, so memory here stays bounded.
    """
    with connect_dask(address) as client:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for chunk in chunked(items, settings.batch_articles):
            loaded = [_load(x) for x in chunk]
            sendable: list[Item] = [x for x in loaded if isinstance(x, RawArticle)]
            pending.append((loaded, client.submit(process_chunk, sendable, settings, pure=False)))
            while len(pending) >= in_flight:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())


class DaskUnavailable(Exception):
    """The Dask extra is not installed, or no scheduler answers at the address given."""


#: Seconds to wait for a Dask scheduler before giving up on it.
DASK_CONNECT_TIMEOUT = 10


def connect_dask(address: str) -> Any:
    """A ``distributed.Client`` for the scheduler at ``address``.

    Raises:
        DaskUnavailable: the extra is missing, the address is malformed, or nothing answers there in time.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise DaskUnavailable("Dask is an optional extra: pip install 'xjextract[dask]'") from exc
    try:
        return Client(address, timeout=DASK_CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a garbage address, ...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DaskUnavailable(f"cannot reach a Dask scheduler at {address!r}: {reason}") from exc


def _merge(loaded: list[RawArticle | ArticleError], future: Any) -> Iterator[Outcome]:
    """Put read errors back in their place among a chunk's results; a chunk the cluster lost (its worker
    killed more often than Dask retries) is reported article by article."""
    try:
        results = iter(future.result())
    except Exception as exc:  # noqa: BLE001 - distributed.KilledWorker above all
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        for item in loaded:
            yield Outcome(None, str(item) if isinstance(item, ArticleError) else
                          f"{shown(item.path)}: lost on the Dask cluster ({reason})", {}, item_name(item))
        return
    for item in loaded:
        yield Outcome(None, str(item), {}) if isinstance(item, ArticleError) else next(results)


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
    ids = [i.id if isinstance(i, (RawArticle, InputFile)) else path_text(i.stem) for i in items]
    out = []
    for chunk_start in range(0, len(items), settings.batch_articles):
        chunk = items[chunk_start : chunk_start + settings.batch_articles]
        for article_id, outcome in zip(ids[chunk_start:], process_chunk(chunk, settings)):
            out.append((article_id, outcome.line, outcome.error))
    return out
