"""JSONL input: one article per line, the shape scrapers write (news-please, trafilatura ``--json``, a
spreadsheet export). Read line by line, so memory stays flat whatever the file's size.

Keys: ``text`` (required, a string); ``id``, ``url``, ``title``, ``published`` (optional; a string, or null);
``source_url``/``link``, ``headline`` and ``date``/``date_publish`` are read as their aliases; every other key is
kept in the record's ``meta``. A line that is not a JSON object with a ``text`` string is an error naming the
file and line; the other lines go on. Without an ``id``, a line's id is ``<file stem>:<line number>``.

>>> import io
>>> [r.id if isinstance(r, RawArticle) else str(r) for r in iter_jsonl_lines(
...     io.StringIO('{"id": "a", "text": "Trade rose."}\\n[1]\\n'), "x.jsonl", "x")]
['a', 'x.jsonl:2: not a JSON object with a "text" string']
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..metadata import normalize_published
from . import ArticleError, RawArticle, TextFormat, looks_like_html, path_text, shown

#: Field names scrapers use for what the record calls ``url``, ``title`` and ``published``.
ALIASES = {"url": ("url", "source_url", "link"), "title": ("title", "headline"),
           "published": ("published", "date_publish", "date", "published_at", "pubdate")}
_KNOWN = {"id", "text", *(a for names in ALIASES.values() for a in names)}


def iter_jsonl(path: Path, text_format: TextFormat = "page") -> Iterator[RawArticle | ArticleError]:
    """The articles of a JSONL file, one per line, in order; a bad line yields an :class:`ArticleError`."""
    name = path_text(path)
    try:
        handle = path.open("r", encoding="utf-8", newline="\n")
    except OSError as exc:
        yield ArticleError(f"{shown(name)}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        try:
            yield from iter_jsonl_lines(handle, name, path_text(path.stem), text_format)
        except UnicodeDecodeError as exc:
            yield ArticleError(f"{shown(name)}: not UTF-8 text ({exc.reason} at byte {exc.start} of a line)")


def iter_jsonl_lines(lines: IO[str], name: str, stem: str, text_format: TextFormat = "page"
                     ) -> Iterator[RawArticle | ArticleError]:
    """The articles of JSONL lines (see the module doc); ``name`` names the file in messages and records."""
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            continue
        where = f"{shown(name)}:{number}"
        try:
            yield _article(json.loads(line), line, name, stem, number, text_format)
        except json.JSONDecodeError as exc:
            yield ArticleError(f"{where}: not JSON ({exc.msg} at column {exc.colno})")
        except ValueError as exc:
            yield ArticleError(f"{where}: {exc}")


def _field(data: dict[str, Any], key: str) -> Any:
    return next((data[a] for a in ALIASES[key] if data.get(a) not in (None, "")), None)


def _article(data: Any, line: str, name: str, stem: str, number: int, text_format: TextFormat) -> RawArticle:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ValueError('not a JSON object with a "text" string')
    text = data["text"]
    if "\x00" in text:
        raise ValueError("its text holds NUL characters (binary data, not article text)")
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"its text holds {text[exc.start]!r} at {exc.start}, a lone surrogate: not valid Unicode"
                         ) from exc
    article_id = data.get("id")
    if article_id is None or article_id == "":
        article_id = f"{stem}:{number}"
    elif not isinstance(article_id, (str, int)):
        raise ValueError(f'"id" must be a string or a number, not {type(article_id).__name__}')
    url, title = _field(data, "url"), _field(data, "title")
    for key, value in (("url", url), ("title", title)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string, not {type(value).__name__}')
    published = normalize_published(_field(data, "published"))
    meta = {k: v for k, v in data.items() if k not in _KNOWN}
    warnings = ("the text looks like an HTML page; it was read as page text (tags and all)",) if looks_like_html(
        encoded) else ()
    return RawArticle(id=str(article_id), path=f"{name}:{number}", text=text,
                      sha256=hashlib.sha256(encoded).hexdigest(), warnings=warnings,
                      format=text_format, url=url, title=title, published=published, meta=meta)
