"""The pipeline: raw article in, validated :class:`~xjextract.schema.Record` out. It calls the stages in order
and holds no logic of its own.

>>> rec = extract_article("Trade grows in Xinjiang\\n\\nTrade in Xinjiang grew 5 percent last year.", "a1")
>>> rec.title, rec.text, len(rec.sentences)
('Trade grows in Xinjiang', 'Trade in Xinjiang grew 5 percent last year.', 1)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .clean import clean_article
from .entities import extract_entities
from .fx import apply_reference_rates
from .money import extract_money
from .percentages import extract_percentages
from .periods import extract_periods
from .quantities import extract_quantities
from .schema import Record, Source
from .segment import segment_sentences
from .settings import Settings


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
    """
    settings = settings or Settings()
    if isinstance(raw, str):
        raw = RawArticle(article_id, "<string>", raw, hashlib.sha256(raw.encode("utf-8")).hexdigest())

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
    quantities = extract_quantities(text, money_spans + [(p.start, p.end) for p in percentages], settings.language)
    # 7. reference exchange rates: usd on every amount, each stated conversion checked
    fx = apply_reference_rates(found.money, found.conversions, published, periods.periods, sentence_spans)
    # 8. named entities (never inside an amount, a percentage or a period)
    numeric = money_spans + [(p.start, p.end) for p in [*percentages, *periods.periods]]
    entities = extract_entities(text, article.paragraphs, settings, numeric, article.dateline_place)

    return Record(
        id=raw.id,
        source=Source(path=raw.path, sha256=raw.sha256),
        publisher=article.publisher,
        title=article.title,
        published=article.published,
        dateline=article.dateline,
        text=text,
        pieces=article.pieces,
        removed=article.removed,
        sentences=sentences,
        entities=entities,
        money=fx.money,
        conversions=fx.conversions,
        percentages=percentages,
        periods=periods.periods,
        quantities=quantities,
        warnings=article.warnings + found.warnings + periods.warnings + fx.warnings,
    )
