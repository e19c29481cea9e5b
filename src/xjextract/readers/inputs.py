"""Which reader an input gets, and the stream of articles a list of inputs gives.

Formats (``--format``): ``page`` (a scraped page saved as text: boilerplate rules), ``text`` (plain text:
every line is body), ``jsonl`` (one article per line), ``html`` (a saved HTML page); ``auto`` picks by the
file's extension: ``.jsonl`` is jsonl, ``.html``/``.htm`` html, anything else page, and a ``.txt`` that
starts like an HTML page is read as html (with a notice).

>>> input_format(Path("a.jsonl")), input_format(Path("b.htm")), input_format(Path("c.txt"), "text")
('jsonl', 'html', 'text')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal

from . import ArticleError, RawArticle, TextFormat, decode_article, looks_like_html, path_text, read_article, shown
from .files import InputFile
from .html import read_html
from .jsonl import iter_jsonl, iter_jsonl_lines

Format = Literal["auto", "page", "text", "jsonl", "html"]
FORMATS: tuple[Format, ...] = ("auto", "page", "text", "jsonl", "html")
#: The files a folder is searched for, by format.
PATTERNS: dict[Format, tuple[str, ...]] = {"auto": ("*.txt", "*.jsonl", "*.html", "*.htm"), "page": ("*.txt",),
                                           "text": ("*.txt",), "jsonl": ("*.jsonl",), "html": ("*.html", "*.htm")}
_HTML_NOTICE = "the .txt file looks like an HTML page: read as html (give --format page to read it as page text)"


def input_format(path: Path, requested: Format = "auto") -> Literal["page", "text", "jsonl", "html"]:
    """The format a file is read in: the one requested, or for ``auto`` the one its extension says."""
    if requested != "auto":
        return requested
    suffix = path.suffix.lower()
    return "jsonl" if suffix == ".jsonl" else "html" if suffix in (".html", ".htm") else "page"


def read_input(item: InputFile) -> RawArticle:
    """Read one single-article file (page, text or html) as its ``format`` says.

    Raises:
        ArticleError: the file cannot be read or decoded.
    """
    if item.format == "html":
        name = path_text(item.path)
        try:
            data = item.path.read_bytes()
        except OSError as exc:
            raise ArticleError(f"{shown(name)}: cannot read: {exc.strerror or exc}") from exc
        return read_html(data, name, item.id)
    raw = read_article(item.path, item.id)
    if item.sniff and looks_like_html(raw.text.encode("utf-8")[:1024]):
        return _as_html(raw, raw.text.encode("utf-8"))
    return _with_format(raw, item.format)


def _with_format(raw: RawArticle, text_format: TextFormat) -> RawArticle:
    warnings = tuple(w for w in raw.warnings if "looks like an HTML page" not in w) if text_format != "page" else raw.warnings
    return replace(raw, format=text_format, warnings=warnings)


def _as_html(raw: RawArticle, data: bytes) -> RawArticle:
    html = read_html(data, raw.path, raw.id)
    return replace(html, warnings=(_HTML_NOTICE, *html.warnings))


def read_stdin(data: bytes, requested: Format = "auto", text_format: TextFormat = "page"
               ) -> Iterator[RawArticle | ArticleError]:
    """The articles of standard input: one (page, text or html), or one per line with ``jsonl``."""
    if requested == "jsonl":
        import io

        try:
            lines = io.StringIO(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield ArticleError(f"<stdin>: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})")
            return
        yield from iter_jsonl_lines(lines, "<stdin>", "stdin", text_format)
        return
    try:
        if requested == "html" or (requested == "auto" and looks_like_html(data)):
            raw = read_html(data, "<stdin>", "stdin")
            yield raw if requested == "html" else replace(raw, warnings=(_HTML_NOTICE, *raw.warnings))
            return
        raw = decode_article(data, "<stdin>", "stdin")
    except ArticleError as exc:
        yield exc
        return
    yield _with_format(raw, "page" if requested == "auto" else requested)


def expand(files: Iterable[InputFile], text_format: TextFormat = "page") -> Iterator[InputFile | RawArticle | ArticleError]:
    """The work items of a list of files, lazily: single-article files as they are (read later, in a worker),
    JSONL files line by line (each line an article, its ``text`` read as ``text_format``)."""
    for item in files:
        if item.format == "jsonl":
            yield from iter_jsonl(item.path, text_format)
        else:
            yield item
