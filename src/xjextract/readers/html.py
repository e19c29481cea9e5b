"""HTML input: a saved page, read with trafilatura (main content, title, URL) and htmldate (the date).

The text the pipeline reads is the page's *visible text*, one line per block element in document order
(what a scraper saving the page as text would keep): ``<script>``, ``<style>``, ``<noscript>``, ``<template>``,
comments and the ``<head>`` are not visible and never reach it. Every raw offset of the record (``pieces``,
``removed``) indexes that text, which :func:`page_text` rebuilds from the file.

trafilatura's main-content extraction gives the article body; each paragraph it returns is located in the
visible text, and the stretches found are offered as the body (``RawArticle.body``). The pipeline takes them
for pages of layouts its page rules do not know; on the publishers' own layouts the page rules read the
visible text as a scraped page, which measured better (README, "HTML").

>>> raw = read_html(b"<html><body><nav>Home</nav><p>Trade rose 5 percent.</p><script>x=1</script></body></html>",
...                 "a.html", "a")
>>> raw.text
'Home\\n\\nTrade rose 5 percent.'
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator

from ..metadata import normalize_published
from . import ArticleError, RawArticle, shown

log = logging.getLogger(__name__)

#: Elements whose text no reader of the page sees.
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe", "object"}
#: Elements that start a new line of text (block level), as a browser lays them out.
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
           "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
           "header", "hr", "html", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary",
           "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
_SPACE = re.compile(r"\s+")


def _decode(data: bytes) -> str:
    from trafilatura.utils import decode_file

    text: str = decode_file(data)
    return text


def _lines(tree: object) -> Iterator[str]:
    """The visible text of an lxml tree, one string per block, in document order."""
    from lxml import etree

    current: list[str] = []

    def flush() -> Iterator[str]:
        line = _SPACE.sub(" ", "".join(current)).strip()
        current.clear()
        if line:
            yield line

    def walk(node: etree._Element) -> Iterator[str]:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _INVISIBLE or not isinstance(node.tag, str):  # comments and processing instructions
            if node.tail:
                current.append(node.tail)
            return
        block = tag in _BLOCKS
        if block:
            yield from flush()
        if node.text:
            current.append(node.text)
        for child in node:
            yield from walk(child)
        if block:
            yield from flush()
        if node.tail:
            current.append(node.tail)

    yield from walk(tree)  # type: ignore[arg-type]
    yield from flush()


def page_text(html: str) -> str:
    """The visible text of a page: one line per block element, blocks separated by a blank line."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    return "\n\n".join(_lines(tree))


def _locate(text: str, paragraphs: list[str]) -> list[tuple[int, int]]:
    """Where each extracted paragraph stands in the visible text, in order (white space compared loosely);
    paragraphs not found are skipped."""
    stretches: list[tuple[int, int]] = []
    position = 0
    for paragraph in paragraphs:
        words = paragraph.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        match = re.compile(pattern).search(text, position)
        if match is None:
            log.debug("paragraph not located in the page text: %.60s", paragraph)
            continue
        stretches.append(match.span())
        position = match.end()
    return stretches


def read_html(data: bytes, path: str, article_id: str) -> RawArticle:
    """Read a saved HTML page (see the module doc).

    Raises:
        ArticleError: the bytes are not an HTML document with any visible text.
    """
    import trafilatura

    html = _decode(data)
    text = page_text(html)
    if not text:
        raise ArticleError(f"{shown(path)}: no visible text in this HTML page")
    warnings: list[str] = []
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                           deduplicate=False, date_extraction_params={"extensive_search": False,
                                                                                      "original_date": True})
    body: tuple[tuple[int, int], ...] | None = None
    url = title = published = None
    if document is not None:
        paragraphs = (document.text or "").split("\n")
        if paragraphs and document.title and " ".join(paragraphs[0].split()) == " ".join(document.title.split()):
            paragraphs = paragraphs[1:]  # trafilatura repeats the headline as the first paragraph: it is the title
        located = _locate(text, paragraphs)
        body = tuple(located) or None
        if paragraphs and len(located) < len([p for p in paragraphs if p.strip()]):
            warnings.append(f"{len(paragraphs) - len(located)} paragraphs of the HTML body were not found in its "
                            "visible text and are left out")
        url, title = document.url or None, document.title or None
        try:
            published = normalize_published(document.date)
        except ValueError:
            published = None
    if body is None:
        warnings.append("the HTML extraction found no article body: the page's text was read with the page rules")
    return RawArticle(id=article_id, path=path, text=text, sha256=hashlib.sha256(data).hexdigest(),
                      warnings=tuple(warnings), format="html", url=url, title=title, published=published, body=body)
