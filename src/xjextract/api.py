"""The Python API: a text or a file in, validated records out (the same reading as the command line).

>>> record = extract_text("URUMQI, July 18 (Xinhua) -- Trade grew 5 percent last year.", published="2024-07-18",
...                       url="https://english.news.cn/20240718/abc/c.html")
>>> record.published, record.published_from, record.publisher, [p.timex for p in record.periods]
('2024-07-18', 'metadata', 'Xinhua', ['2023'])
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from .metadata import normalize_published
from .pipeline import chunked, extract_article, iter_results
from .readers import ArticleError, RawArticle, TextFormat
from .readers.files import InputFile, assign_ids, discover
from .readers.inputs import PATTERNS, Format, expand, input_format, read_input
from .schema import Record
from .settings import Settings


def _settings(settings: Settings | None, publication: date | str | None) -> Settings:
    settings = settings or Settings()
    if publication is None:
        return settings
    day = publication if isinstance(publication, date) else date.fromisoformat(normalize_published(publication)[:10])  # type: ignore[index]
    return settings.model_copy(update={"published": day})


def extract_text(text: str, *, published: date | str | None = None, url: str | None = None,
                 title: str | None = None, format: TextFormat = "page", id: str = "text",  # noqa: A002
                 publication: date | str | None = None, settings: Settings | None = None) -> Record:
    """One article's record from its text.

    Args:
        text: the article as scraped (``format="page"``), as plain text (``"text"``), or an HTML page
            (``"html"``).
        published: the article's own publication date (``date``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``): metadata,
            it wins over any date the page prints.
        url: where the article came from (its date and publisher are read from it when nothing else gives them).
        title: the headline, when known (wins over the one the page shows).
        format: how to read ``text``.
        id: the record id.
        publication: a publication date for texts that give none (the command line's ``--published``).
        settings: pipeline settings.

    Raises:
        ArticleError: the text cannot be processed; ValueError: ``published`` is not a date.
    """
    if format == "html":
        from .readers.html import read_html

        raw = read_html(text.encode("utf-8"), "<text>", id)
        raw = replace(raw, url=url or raw.url, title=title or raw.title,
                      published=normalize_published(published) or raw.published)
    else:
        raw = RawArticle(id=id, path="<text>", text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                         format=format, url=url, title=title, published=normalize_published(published))
    return extract_article(raw, settings=_settings(settings, publication))


def extract_file(path: str | Path, *, format: Format = "auto",  # noqa: A002
                 publication: date | str | None = None, settings: Settings | None = None) -> Record:
    """The record of one single-article file (page, text or HTML; ``auto`` goes by the extension).

    Raises:
        ArticleError: the file cannot be read or processed; ValueError: it is a JSONL file (use
            :func:`iter_records`, which gives one record per line).
    """
    path = Path(path)
    kind = input_format(path, format)
    if kind == "jsonl":
        raise ValueError(f"{path}: a JSONL file holds many articles: use xjextract.iter_records({str(path)!r})")
    (item,) = assign_ids([path])
    raw = read_input(InputFile(item.path, item.id, kind, sniff=format == "auto"))
    return extract_article(raw, settings=_settings(settings, publication))


def iter_records(paths: Iterable[str | Path], *, format: Format = "auto",  # noqa: A002
                 text_format: TextFormat = "page", publication: date | str | None = None,
                 settings: Settings | None = None) -> Iterator[Record | ArticleError]:
    """Records of many files and folders, in input order, streamed (JSONL files line by line); an input that
    fails yields its :class:`ArticleError` in its place."""
    settings = _settings(settings, publication)
    found = discover([str(p) for p in paths], PATTERNS[format])
    for message in found.errors:
        yield ArticleError(message)
    files = [InputFile(f.path, f.id, input_format(f.path, format), sniff=format == "auto") for f in found.files]
    raws = (item if isinstance(item, (RawArticle, ArticleError)) else _read(item) for item in expand(files, text_format))
    for chunk in chunked(raws, settings.batch_articles):
        results = iter(iter_results([r for r in chunk if isinstance(r, RawArticle)], settings))
        for item in chunk:
            yield item if isinstance(item, ArticleError) else next(results)[1]


def _read(item: InputFile) -> RawArticle | ArticleError:
    try:
        return read_input(item)
    except ArticleError as exc:
        return exc
