"""Readers of input files, a layer around the pipeline: bytes in, :class:`RawArticle` out.

A stage never sees a file or a format: it gets text. Everything about files (encodings, names that are not
valid UTF-8, names with control characters) is settled here.

>>> decode_article(b"\\xff\\xfeT\\x00r\\x00", "x.txt", "x").text
'Tr'
>>> shown("a\\nb.txt")
'a\\\\nb.txt'
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal


class ArticleError(Exception):
    """An input that cannot be turned into a record; the message names the file and the problem."""


#: How the text of an input is read: a scraped page (headline, furniture and boilerplate rules), plain text
#: (every line is body), or the text of an HTML page (``html``: the body found by the HTML reader).
TextFormat = Literal["page", "text", "html"]


@dataclass(frozen=True)
class RawArticle:
    """An input as read: its id, where it came from, the decoded text (every raw offset of the record indexes
    it) and the hash of its bytes, how to read it, what the input's own metadata says, and what the reader
    noticed (``warnings``, copied into the record)."""

    id: str
    path: str
    text: str
    sha256: str
    warnings: tuple[str, ...] = ()
    format: TextFormat = "page"
    url: str | None = None
    title: str | None = None
    #: The input's own publication date (ISO 8601 at its precision), from a metadata field.
    published: str | None = None
    #: Other metadata the input carries (JSONL keys the record has no field for), kept in ``Record.meta``.
    meta: dict[str, Any] = field(default_factory=dict)
    #: For HTML: the raw stretches of the article body that the extraction library found.
    body: tuple[tuple[int, int], ...] | None = None


#: Byte-order marks and their codecs, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>])", re.I)


def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as text that JSON can hold: bytes that are not UTF-8 (``b\\xff.txt``) written as ``\\xff``.

    >>> path_text("b\\udcff.txt")
    'b\\\\xff.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def shown(name: str) -> str:
    """A name as printed in a message: control and other unprintable characters escaped, one line always."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes start like an HTML page (a doctype or an ``<html>``, ``<head>``, ``<body>`` tag)."""
    return bool(_HTML_START.match(data[:1024]))


def decode_article(data: bytes, path: str, article_id: str) -> RawArticle:
    """Decode raw bytes: UTF-16 or UTF-32 when a byte-order mark says so, else UTF-8 (whose byte-order mark
    is kept as a character, so offsets count it).

    Raises:
        ArticleError: the bytes are not text in these encodings, or hold NUL bytes (a binary file).

    >>> decode_article(b"\\xff", "x.txt", "x")
    Traceback (most recent call last):
    ...
    xjextract.readers.ArticleError: x.txt: not UTF-8 text (byte 0xff at offset 0)
    """
    name = shown(path)
    codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    text = _decode(data, codec) if codec else None
    if text is None:  # UTF-8, or a byte-order mark by accident in front of junk
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    if "\x00" in text:
        if codec is None and _utf16_without_bom(data):
            raise ArticleError(f"{name}: looks like UTF-16 text without a byte-order mark; convert it to UTF-8 "
                               "(iconv -f UTF-16LE -t UTF-8) or save it with a byte-order mark")
        raise ArticleError(f"{name}: binary file (contains NUL bytes), not article text")
    warnings = []
    if looks_like_html(data):
        warnings.append("the input looks like an HTML page; it was read as page text (tags and all)")
    return RawArticle(id=article_id, path=path, text=text, sha256=hashlib.sha256(data).hexdigest(),
                      warnings=tuple(warnings))


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> bool:
    """Mostly ASCII text in UTF-16: every other byte is NUL."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    odd, even = sample[1::2], sample[0::2]
    return odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)


def read_article(path: Path, article_id: str | None = None) -> RawArticle:
    """Read and decode one article file (see :func:`decode_article`).

    Raises:
        ArticleError: the file cannot be read or decoded (the message names it).
    """
    name = path_text(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{shown(name)}: cannot read: {exc.strerror or exc}") from exc
    return decode_article(data, name, article_id or path_text(path.stem))
