"""The pipeline: raw articles in, validated :class:`~xjextract.schema.Record` out, streamed. It calls the
stages in order and holds no logic of its own.

>>> rec = extract_article("Trade grows in Xinjiang\\n\\nTrade in Xinjiang grew 5 percent last year.", "a1")
>>> rec.title, rec.text, len(rec.sentences)
('Trade grows in Xinjiang', 'Trade in Xinjiang grew 5 percent last year.', 1)
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from .clean import CleanArticle, clean_article
from .entities import EntityInput, extract_entities_batch
from .fx import FxResult, apply_reference_rates
from .money import MoneyResult, extract_money
from .percentages import extract_percentages
from .periods import PeriodResult, extract_periods
from .quantities import extract_quantities
from .schema import Entity, Percentage, Quantity, Record, Sentence, Source
from .segment import segment_sentences
from .settings import Settings

log = logging.getLogger(__name__)


class ArticleError(Exception):
    """An input that cannot be turned into a record; the message names the file and the problem."""


@dataclass(frozen=True)
class RawArticle:
    """An input as read: its id, where it came from, the decoded text and the hash of its bytes."""

    id: str
    path: str
    text: str
    sha256: str


def read_article(path: Path, article_id: str | None = None) -> RawArticle:
    """Read and decode one article file (UTF-8; a byte-order mark is kept as a character).

    Raises:
        ArticleError: the file cannot be read or is not UTF-8 text.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return decode_article(data, str(path), article_id or path.stem)


def decode_article(data: bytes, path: str, article_id: str) -> RawArticle:
    """Decode raw bytes as UTF-8 text.

    Raises:
        ArticleError: the bytes are not UTF-8 or hold NUL bytes (a binary file).

    >>> decode_article(b"\\xff", "x.txt", "x")
    Traceback (most recent call last):
    ...
    xjextract.pipeline.ArticleError: x.txt: not UTF-8 text (byte 0xff at offset 0)
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    if "\x00" in text:
        raise ArticleError(f"{path}: binary file (contains NUL bytes), not article text")
    return RawArticle(id=article_id, path=path, text=text, sha256=hashlib.sha256(data).hexdigest())


def extract_article(
    raw: str | RawArticle,
    article_id: str = "article",
    settings: Settings | None = None,
    publication: date | None = None,
) -> Record:
    """Turn one raw scraped article into a validated record.

    Args:
        raw: the page text (or a :class:`RawArticle` as :func:`read_article` returns it).
        article_id: the record id when ``raw`` is a plain string.
        settings: pipeline settings; defaults when None.
        publication: a publication date for pages that print none (never overrides the page's own).

    Returns:
        The :class:`Record`; it is validated, so every span indexes its text.

    Raises:
        ArticleError: the article could not be processed (the message names it).
    """
    if isinstance(raw, str):
        raw = RawArticle(article_id, "<string>", raw, hashlib.sha256(raw.encode("utf-8")).hexdigest())
    ((_, result),) = iter_results([raw], settings, publication)
    if isinstance(result, ArticleError):
        raise result
    return result


def iter_results(
    raws: Iterable[RawArticle], settings: Settings | None = None, publication: date | None = None
) -> Iterator[tuple[RawArticle, Record | ArticleError]]:
    """Records for many articles, in input order, streamed: the rule stages run article by article, the NER
    model sees the paragraphs of ``settings.batch_articles`` articles at a time. A failing article yields an
    :class:`ArticleError` in its place; the others go on.
    """
    settings = settings or Settings()
    for chunk in chunked(raws, settings.batch_articles):
        drafts: list[tuple[RawArticle, _Draft | ArticleError]] = [(raw, _draft(raw, settings, publication))
                                                                   for raw in chunk]
        ready = [d for _, d in drafts if isinstance(d, _Draft)]
        # 8. named entities: one NER batch for the chunk (never inside an amount, a percentage or a period)
        found = iter(extract_entities_batch([d.entity_input() for d in ready], settings))
        for raw, draft in drafts:
            yield raw, draft if isinstance(draft, ArticleError) else _finish(raw, draft, next(found))


T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), read lazily.

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class _Draft:
    """An article through the rule stages, waiting for its entities."""

    article: CleanArticle
    sentences: list[Sentence]
    money: MoneyResult
    periods: PeriodResult
    percentages: list[Percentage]
    quantities: list[Quantity]
    fx: FxResult

    def entity_input(self) -> EntityInput:
        numeric = [(m.start, m.end) for m in self.money.money]
        numeric += [(p.start, p.end) for p in [*self.percentages, *self.periods.periods]]
        return EntityInput(self.article.text, self.article.paragraphs, numeric, self.article.dateline_place)


def _draft(raw: RawArticle, settings: Settings, publication: date | None) -> _Draft | ArticleError:
    """The rule stages of one article (everything but the entities)."""
    try:
        # 1. boilerplate and page metadata
        article = clean_article(raw.text, publication, settings.language)
        text = article.text
        # 2. sentences, paragraph by paragraph
        sentences = segment_sentences(text, article.paragraphs, settings.language)
        sentence_spans = [(s.start, s.end) for s in sentences]
        published = article.publication_date()
        # 3. money and the conversions the article states
        found = extract_money(text, sentence_spans, settings.language)
        money_spans = [(m.start, m.end) for m in found.money]
        # 4. periods, resolved against the publication date (the dateline's date is metadata, not a period)
        periods = extract_periods(text, published, sentence_spans, [(0, article.dateline_end), *money_spans],
                                  settings.language)
        # 5. percentages and their role
        percentages = extract_percentages(text, sentence_spans, [(p.start, p.end) for p in periods.periods],
                                          settings.language)
        # 6. non-monetary quantities (never inside an amount or a percentage)
        quantities = extract_quantities(text, money_spans + [(p.start, p.end) for p in percentages],
                                        settings.language)
        # 7. reference exchange rates: usd on every amount, each stated conversion checked
        fx = apply_reference_rates(found.money, found.conversions, published, periods.periods, sentence_spans)
    except Exception as exc:  # a bug must cost one article, not the run: reported with its name
        log.debug("failed on %s", raw.path, exc_info=True)
        return ArticleError(f"{raw.path}: internal error, please report: {exc!r}")
    return _Draft(article, sentences, found, periods, percentages, quantities, fx)


def _finish(raw: RawArticle, draft: _Draft, entities: list[Entity]) -> Record | ArticleError:
    """The validated record of one article."""
    article = draft.article
    try:
        return Record(
            id=raw.id,
            source=Source(path=raw.path, sha256=raw.sha256),
            publisher=article.publisher,
            title=article.title,
            published=article.published,
            dateline=article.dateline,
            text=article.text,
            pieces=article.pieces,
            removed=article.removed,
            sentences=draft.sentences,
            entities=entities,
            money=draft.fx.money,
            conversions=draft.fx.conversions,
            percentages=draft.percentages,
            periods=draft.periods.periods,
            quantities=draft.quantities,
            warnings=article.warnings + draft.money.warnings + draft.periods.warnings + draft.fx.warnings,
        )
    except ValueError as exc:
        log.debug("invalid record for %s", raw.path, exc_info=True)
        return ArticleError(f"{raw.path}: internal error, please report: {exc}")
