"""Boilerplate removal and page metadata: raw scraped page text in, article body and an audit trail out.

The page is read line by line. Rules live in ``data/<lang>/boilerplate.json``; this module only applies
them. Before the body starts, a line that is neither a rule match, the headline nor prose is treated as
page furniture (section labels such as "China"). Once the body has started, a line is kept unless a rule
names it: when unsure, keep.

>>> art = clean_article("Xinjiang trade grows\\n\\nURUMQI, Feb. 2 (Xinhua) -- Trade grew fast in Xinjiang.\\n",
...                     publication=None)
>>> art.title, art.text[art.headline[1]:].strip()
('Xinjiang trade grows', 'URUMQI, Feb. 2 (Xinhua) -- Trade grew fast in Xinjiang.')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

from .resources import load_json
from .schema import Dateline, Piece, Removed

#: A paragraph separator in the cleaned text: paragraphs never share a line.
PARAGRAPH_SEP = "\n\n"
#: What joins the hard-wrapped lines of one plain-text paragraph in the cleaned text.
_LINE_JOIN = " "
#: White space plus the byte-order mark, which str.strip() would keep.
_SPACE = " \t\r\n\f\v\u00a0\u3000\ufeff"
#: Prose has at least this many words; shorter lines before the body are headings or page furniture.
_MIN_PROSE_WORDS = 6
#: A headline has at least this many words; section labels ("China", "Business") have fewer.
_MIN_TITLE_WORDS = 3
#: ... and at most this many: a longer line without a final full stop is a paragraph (or a whole article
#: pasted on one line), not a headline.
_MAX_TITLE_WORDS = 30
#: A line under the headline with at least this many words and the story's prose right after it is a deck or
#: a sub-heading (body), not a section line.
_MIN_DECK_WORDS = 5
#: What may stand between the headline and a deck: the byline and date lines.
_BEFORE_DECK = frozenset({"byline", "source line", "editor line", "site name after the headline"})
#: how many words a footer link has at most
_MAX_FOOTER_LINK_WORDS = 3
#: Line breaks as ``str.splitlines`` knows them: CR-only files and U+2028-separated text are lines too.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
#: A sentence boundary inside a line: a headline holds none.
_INNER_SENTENCE = re.compile(r"""[a-z0-9%)]\.["'”’]?\s+["'“‘]?[A-Z]""")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$""")
_STATEMENT_END = re.compile(r"""\.["'”’)]*$""")
_PREVIEW_CHARS = 80



@dataclass(frozen=True)
class _Rule:
    reason: str
    regex: re.Pattern[str]
    credit: bool = False
    footer: bool = False  # a cut at the page's footer: the short links right above it go too


@dataclass(frozen=True)
class _Rules:
    title_lines: tuple[_Rule, ...]
    metadata_lines: tuple[_Rule, ...]
    drop_lines: tuple[_Rule, ...]
    cut_from: tuple[_Rule, ...]
    share_words: frozenset[str]
    caption_endings: tuple[re.Pattern[str], ...]
    caption_credit: re.Pattern[str]  # the credit that ends a caption line (" (Xinhua/Wan Xiang)")
    publishers: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    agencies: dict[str, str]
    datelines: tuple[re.Pattern[str], ...]
    title_suffix: re.Pattern[str]
    widget_titles: frozenset[str]
    box_markers: tuple[re.Pattern[str], ...]
    bare_date: re.Pattern[str]  # a line that is a date and nothing else ("15 July 2015"): never the title
    list_min_lines: int
    list_max_words: int
    box_max_words: int


@cache
def _rules(language: str) -> _Rules:
    """Compile the boilerplate rules of one language once."""
    data = load_json("boilerplate.json", language)
    forms = data["date_forms"]

    def expand(pattern: str) -> str:
        for name, form in forms.items():
            pattern = pattern.replace("{" + name + "}", form)
        return pattern

    def rules(section: str) -> tuple[_Rule, ...]:
        return tuple(
            _Rule(r.get("reason", section), re.compile(expand(r["pattern"])), r.get("credit", False),
                  r.get("footer", False))
            for r in data[section]
        )

    return _Rules(
        title_lines=rules("title_lines"),
        metadata_lines=rules("metadata_lines"),
        drop_lines=rules("drop_lines"),
        cut_from=rules("cut_from"),
        share_words=frozenset(data["share_words"]),
        caption_endings=tuple(re.compile(p) for p in data["caption_endings"]),
        caption_credit=re.compile(data["caption_credit"]),
        publishers=tuple(
            (p["name"], tuple(re.compile(m, re.MULTILINE) for m in p["markers"])) for p in data["publishers"]
        ),
        agencies=dict(data["agencies"]),
        datelines=tuple(re.compile(d["pattern"]) for d in data["datelines"]),
        title_suffix=re.compile(data["title_suffix"]),
        widget_titles=frozenset(w.casefold() for w in data["widget_titles"]),
        box_markers=tuple(re.compile(p) for p in data["box_markers"]),
        bare_date=re.compile(r"\s*" + forms["DATE"] + r"\s*"),
        list_min_lines=int(data["list_run"]["min_lines"]),
        list_max_words=int(data["list_run"]["max_words"]),
        box_max_words=int(data["list_run"].get("box_max_words", data["list_run"]["max_words"])),
    )


@dataclass(frozen=True)
class Given:
    """What an input says about itself besides its text: its own metadata, which wins over what the page
    prints (``title``, ``published``, ``publisher``), and a publication date for pages that print none
    (``fallback``: the date the URL encodes, or the one the user supplied; ``fallback_from`` says which)."""

    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    fallback: date | None = None
    fallback_from: Literal["url", "option"] = "option"


@dataclass
class CleanArticle:
    """What the stage returns: the body, its map to the raw text, and the page metadata."""

    text: str
    pieces: list[Piece]
    removed: list[Removed]
    #: ``(start, end)`` of every paragraph in ``text`` (a paragraph may hold several pieces: the lines of a
    #: hard-wrapped plain-text paragraph, joined by a space).
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    #: Where ``published`` comes from: the input's metadata, the page, the URL, or the user's option.
    published_from: Literal["metadata", "page", "url", "option"] | None = None
    dateline: Dateline | None = None
    #: The span of the headline in ``text`` (its first paragraph), when the page shows one.
    headline: tuple[int, int] | None = None
    #: Where the dateline opening ("URUMQI, Feb. 2 (Xinhua) --") starts and ends in ``text``; 0, 0 without one.
    dateline_start: int = 0
    dateline_end: int = 0
    #: The span of the dateline's place in ``text`` ("URUMQI"), if it names one.
    dateline_place: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)

    def publication_date(self) -> date | None:
        """The publication date, if the page gives one."""
        return date.fromisoformat(self.published[:10]) if self.published else None


def _month(groups: dict[str, str | None]) -> int | None:
    if groups.get("m"):
        return int(groups["m"])  # type: ignore[arg-type]
    name = (groups.get("mon") or "").lower().rstrip(".")
    months: dict[str, int] = load_json("periods.json")["months"]  # one month table for the whole package
    return months.get(name)


@cache
def _date_parser() -> Any:
    """dateparser, for the date string of a line a rule has found to be a date line (any order, any month
    spelling): built once, English only (about 1 ms a date after a first call of about 0.1 s)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False})


def _parsed(day: str, time: str | None) -> str | None:
    """A date line's date (and time) string as ISO 8601 at the precision given, or None."""
    found = _date_parser().get_date_data(f"{day} {time}" if time else day).date_obj
    if found is None:
        return None
    return found.isoformat(timespec="minutes")[:16] if time else found.date().isoformat()


def _published_from(groups: dict[str, str | None]) -> str | None:
    """ISO 8601 at the precision given, or None when the groups do not make a valid date."""
    if groups.get("date"):
        return _parsed(groups["date"] or "", groups.get("time"))
    month = _month(groups)
    try:
        day = date(int(groups["y"] or 0), month or 0, int(groups["d"] or 0))
    except (TypeError, ValueError, KeyError):
        return None
    if groups.get("H") and groups.get("M"):
        try:
            stamp = datetime(day.year, day.month, day.day, int(groups["H"]), int(groups["M"]))  # type: ignore[arg-type]
        except ValueError:
            return day.isoformat()
        return stamp.isoformat(timespec="minutes")  # strftime writes year 1 as "1", not "0001"
    return day.isoformat()


def _more_precise(current: str | None, candidate: str | None) -> str | None:
    """Keep the first date the page gives; take a later line only when it adds the time to that same date."""
    if current is None:
        return candidate
    if candidate and len(candidate) > len(current) and candidate.startswith(current):
        return candidate
    return current


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    """A body paragraph: enough words and ends like a sentence, or long enough to be one regardless."""
    n = _words(line)
    return n >= _MIN_PROSE_WORDS and (bool(_SENTENCE_END.search(line)) or n >= 3 * _MIN_PROSE_WORDS)


def _is_lead(line: str) -> bool:
    """A story's opening sentence rather than a headline: long and ending like a sentence, very long, or
    holding a sentence boundary ("Xinjiang FTZ trade up 31.5 pct in Jan.-Aug." is a headline)."""
    words = _words(line)
    return (words > 20 and bool(_SENTENCE_END.search(line))) or words > _MAX_TITLE_WORDS or bool(
        _INNER_SENTENCE.search(line))


def _list_item(line: str, rules: _Rules, box: bool = False) -> bool:
    """A line that reads like a link to another story: a few words, no sentence boundary, no final stop. In
    a box of links (``box``) an item may be longer: some pages glue their own title before each link."""
    words = _words(line)
    most = rules.box_max_words if box else rules.list_max_words
    return 2 <= words <= most and not _SENTENCE_END.search(line) and not _INNER_SENTENCE.search(line)


def _footer_link(line: str) -> bool:
    """A page footer's link: one to three words, the first capitalised, no digits nor final stop ("About",
    "Contact us")."""
    words = line.split()
    return 1 <= len(words) <= _MAX_FOOTER_LINK_WORDS and words[0][:1].isupper() and not _SENTENCE_END.search(line) \
        and not any(ch.isdigit() for ch in line)


def _deck(line: str, following: str | None) -> bool:
    """A deck or a sub-heading right under the headline ("Policy support to reduce costs, higher sales help
    boost growth"): a line of a sentence's length that is not prose itself, with the story's prose right
    after it. A section or navigation line is a word or three."""
    return _words(line) >= _MIN_DECK_WORDS and following is not None and _is_prose(following)


def _looks_like_title(line: str) -> bool:
    """Enough words but not too many, no final full stop (headlines may end in "?" or "!") and no sentence
    boundary inside."""
    return (_MIN_TITLE_WORDS <= _words(line) <= _MAX_TITLE_WORDS and not _STATEMENT_END.search(line)
            and not _INNER_SENTENCE.search(line))


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def _lines(raw: str) -> list[tuple[int, int, int]]:
    """``(start, end, line number)`` of each line's content without surrounding white space, blank lines
    skipped; lines end at every line break ``str.splitlines`` knows."""
    spans = []
    pos = 0
    for number, brk in enumerate([*_LINE_BREAK.finditer(raw), None]):
        end = brk.start() if brk else len(raw)
        line = raw[pos:end]
        stripped_left = line.lstrip(_SPACE)
        content = stripped_left.rstrip(_SPACE)
        if content:
            start = pos + (len(line) - len(stripped_left))
            spans.append((start, start + len(content), number))
        pos = brk.end() if brk else len(raw)
    return spans


def _resolve_day(month: int, day: int, publication: date | None) -> date | None:
    """The most recent month/day on or before the publication date (news reports the past)."""
    if publication is None:
        return None
    for year in (publication.year, publication.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= publication:
            return candidate
    return None


def locate_dateline(text: str, paragraph: tuple[int, int], publication: date | None, language: str = "en"
                    ) -> tuple[Dateline, tuple[int, int], tuple[int, int] | None] | None:
    """The dateline opening the paragraph ``text[paragraph[0]:paragraph[1]]``: the dateline, its span in ``text``
    and its place's span (None without a place), or None when the paragraph does not open with one.

    >>> locate_dateline("Title\\n\\nURUMQI, Feb. 2 (Xinhua) -- Trade grew.", (7, 45), date(2024, 2, 2))[1:]
    ((7, 33), (7, 13))
    """
    start = paragraph[0]
    first = text[start : paragraph[1]]
    dateline = read_dateline(first, publication, language)
    if dateline is None:
        return None
    match = next(m for r in _rules(language).datelines if (m := r.match(first)))
    place = match.span("place") if match.groupdict().get("place") else None
    return dateline, (start, start + match.end()), (start + place[0], start + place[1]) if place else None


def read_dateline(paragraph: str, publication: date | None, language: str = "en") -> Dateline | None:
    """Parse a dateline opening ("URUMQI, Feb. 2 (Xinhua) --") of the first body paragraph.

    Args:
        paragraph: the first paragraph of the body.
        publication: the publication date, used to give the dateline its year; None leaves ``date`` None.
        language: the data folder to read the dateline patterns from.

    Returns:
        The dateline, or None when the paragraph does not open with one.

    >>> read_dateline("URUMQI, Feb. 2 (Xinhua) -- Trade grew.", date(2024, 2, 2))
    Dateline(place='URUMQI', date=datetime.date(2024, 2, 2), agency='Xinhua')
    """
    rules = _rules(language)
    for regex in rules.datelines:
        match = regex.match(paragraph)
        if not match:
            continue
        groups = match.groupdict()
        when = None
        month = _month(groups)
        if month and groups.get("d"):
            when = _resolve_day(month, int(groups["d"]), publication)
        agency = groups.get("agency")
        return Dateline(place=groups.get("place"), date=when, agency=agency)
    return None


def detect_publisher(raw: str, agency: str | None = None, language: str = "en") -> str | None:
    """The site a page comes from, by its markers; the dateline agency when no marker matches.

    >>> detect_publisher("2024-07-18 18:36 Last Updated At:19:07")
    'CGTN'
    """
    for name, markers in _rules(language).publishers:
        if any(m.search(raw) for m in markers):
            return name
    return agency


def clean_article(raw: str, publication: date | None = None, language: str = "en",
                  given: Given | None = None) -> CleanArticle:
    """Strip boilerplate from flattened page text and read the page's metadata (the ``page`` reading).

    Args:
        raw: the page text as scraped (decoded), junk included.
        publication: a publication date to use when the page prints none (it never overrides the page);
            shorthand for ``given=Given(fallback=publication)``.
        language: the data folder to read the rules from.
        given: the input's own metadata (it wins over the page's) and the fallback date.

    Returns:
        A :class:`CleanArticle`: body text (paragraphs joined by a blank line), the map of each paragraph to
        its raw offsets, the removed stretches with their reasons, and title, publisher, published, dateline.
    """
    given = given or Given(fallback=publication)
    rules = _rules(language)
    removed: list[Removed] = []
    kept: list[tuple[int, int]] = []
    kept_lines: list[int] = []  # the line number of each kept stretch
    headline: tuple[int, int] | None = None  # the raw stretch of the headline: the article's first paragraph
    by_shape = False  # found by its shape (a short line before the body), not by a title rule
    run: list[int] = []  # indexes in ``kept`` of the consecutive headline-like lines just kept
    in_box = False  # inside a box of links that the story goes on after
    in_list = False  # inside a run of headline-like lines (links to other stories)
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    in_body = False
    furniture = False  # a line other than a byline or a date line stood between the headline and here

    def remove(start: int, end: int, reason: str) -> None:
        removed.append(Removed(start=start, end=end, reason=reason, preview=raw[start:end][:_PREVIEW_CHARS]))

    lines = _lines(raw)
    # A credit glued to the line above marks that line as a caption only on a page that separates its
    # paragraphs by blank lines: on a page with none, every line is glued to the one above.
    spaced = any(b[2] - a[2] > 1 for a, b in zip(lines, lines[1:]))
    for index, (start, end, number) in enumerate(lines):
        line = raw[start:end]
        reason = None
        meta = False
        for rule in rules.title_lines if title is None else ():
            match = rule.regex.search(line)
            if match:
                groups = match.groupdict()
                published = _more_precise(published, _published_from(groups))
                candidate = groups["title"].strip(_SPACE)
                junk = candidate in rules.share_words or any(r.regex.search(candidate) for r in rules.drop_lines)
                if not _is_lead(candidate) and not junk and not in_body:  # a headline stands before the body
                    title = candidate
                    head = start + match.start("title") + (len(groups["title"]) - len(groups["title"].lstrip(_SPACE)))
                    headline, by_shape = (head, head + len(candidate)), False
                    remove(start, head, f"{rule.reason}: the date")
                    if headline[1] < end:
                        remove(headline[1], end, f"{rule.reason}: after the title")
                    reason = "headline kept"
                else:  # " date 2018-04-20 China-Russia trade ... said Thursday.": the date, then the story
                    remove(start, start + match.start("title"), f"{rule.reason}: the date")
                    start += match.start("title")
                    line = raw[start:end]
                break
        if reason is None:
            for rule in rules.metadata_lines:
                match = rule.regex.search(line)
                if match:
                    groups = match.groupdict()
                    published = _more_precise(published, _published_from(groups))
                    agency = agency or groups.get("agency")
                    reason, meta = rule.reason, True
                    break
        credit = False
        if reason is None:
            dropped = next((r for r in rules.drop_lines if r.regex.search(line)), None)
            reason, credit = (dropped.reason, dropped.credit) if dropped else (None, False)
        if reason is None and line in rules.share_words:
            reason = "share widget"
        if reason is None and in_body and any(m.search(line) for m in rules.box_markers):
            reason, in_box = "box of related links", True
        elif reason is None and in_box and _list_item(line, rules, box=True):
            reason = "box of related links"
        elif reason is None:
            in_box = False
        if reason is None and title is not None and _norm(line) == _norm(title):
            reason = "repeated headline"
        if reason is None and not in_body:
            if title is None and _looks_like_title(line) and not _is_dateline(rules, line) \
                    and not rules.bare_date.fullmatch(line):
                title = rules.title_suffix.sub("", line)
                headline, by_shape = (start, start + len(title)), True
                if headline[1] < end:
                    remove(headline[1], end, "site name after the headline")
                reason = "headline kept"
            elif _is_prose(line) or _is_dateline(rules, line):
                in_body = True
            elif headline is not None and not furniture and _deck(
                    line, raw[lines[index + 1][0]:lines[index + 1][1]] if index + 1 < len(lines) else None):
                in_body = True  # a deck or sub-heading: the body's first paragraph
            else:
                reason = "page furniture before the body (section or navigation line)"
        if not in_body and headline is not None and reason not in (None, "headline kept") and not meta:
            furniture = furniture or reason not in _BEFORE_DECK
        if reason == "headline kept":  # the headline is the article's first paragraph (its items count)
            continue
        if reason is not None:
            if credit and kept and ((spaced and number == kept_lines[-1] + 1) or any(
                    r.search(raw, kept[-1][0], kept[-1][1]) for r in rules.caption_endings)):
                # A credit line glued to the line above ("...Autonomous Region.\nVCG Photo"), or after a line
                # that ends like a caption ("..., Sept. 10, 2024."): that line is a caption.
                remove(*kept.pop(), "photo caption (credit on the next line)")
                kept_lines.pop()
                in_body = bool(kept)
            remove(start, end, reason)
            continue
        cut = _first_cut(rules, line)
        if cut is None and in_body and kept and line.strip(_SPACE).casefold() in rules.widget_titles:
            cut = (0, "page widget", False)
        if cut is None and in_body and _list_item(line, rules):
            if in_list:  # the list goes on: every further headline-like line is part of it
                remove(start, end, "related list (a run of headlines)")
                continue
            run.append(len(kept))
            if len(run) >= rules.list_min_lines:
                # A list of links to other stories: its lines go, but the story may go on after it (a real
                # body sentence is never removed, and a list inside the page is not its end).
                for index in reversed(run[:-1]):
                    remove(*kept.pop(index), "related list (a run of headlines)")
                    kept_lines.pop(index)
                run, in_list = [], True
                remove(start, end, "related list (a run of headlines)")
                continue
        else:
            run, in_list = [], False
        if cut is not None:  # the story ends here: the rest of the page is another story or page furniture
            at, reason, footer = cut
            if footer and at == 0:  # "About / Ethnic Culture / Contact us / Copyright ©2013 ...":
                while kept and _footer_link(raw[kept[-1][0] : kept[-1][1]]):  # the footer's links go too
                    remove(*kept.pop(), "footer links (before the copyright line)")
                    kept_lines.pop()
            body_end = start + len(line[:at].rstrip(_SPACE))
            if body_end > start:
                kept.append((start, body_end))
                kept_lines.append(number)
            cut_start = start + at + (len(line[at:]) - len(line[at:].lstrip(_SPACE)))
            remove(cut_start, len(raw.rstrip(_SPACE)), reason)
            break
        kept.append((start, end))
        kept_lines.append(number)

    kept = _from_dateline(rules, raw, kept, remove)
    if not kept:  # a photo story: its captions are all the text it has, so they are its body
        kept, removed = _photo_story(rules, raw, removed)
    if not kept and headline is not None and by_shape:
        # The only text of the input is never its headline: a one-line paste is an article, not a title.
        kept, title, headline = [headline], None, None
    return _assemble(raw, [[k] for k in kept], _merge(removed, raw), title, published, agency, given, language,
                     headline)


def plain_article(raw: str, language: str = "en", given: Given | None = None) -> CleanArticle:
    """Read plain text with no page around it (the ``text`` reading): every line is body, no headline or
    furniture is looked for, and a paragraph ends at a blank line, so the hard-wrapped lines of a PDF paste
    are one paragraph (joined by a space in ``text``; each line is a piece, so offsets still map to the raw
    text). A dateline opening the text is still read as metadata.

    >>> plain_article("Exports rose 5 percent\\nin the first half.\\n\\nNew paragraph.").text
    'Exports rose 5 percent in the first half.\\n\\nNew paragraph.'
    """
    paragraphs: list[list[tuple[int, int]]] = []
    previous = -2
    for start, end, number in _lines(raw):
        if paragraphs and number == previous + 1:
            paragraphs[-1].append((start, end))
        else:
            paragraphs.append([(start, end)])
        previous = number
    return _assemble(raw, paragraphs, [], given.title if given else None, None, None, given or Given(), language)


def selected_article(raw: str, body: list[tuple[int, int]], reason: str, language: str = "en",
                     given: Given | None = None) -> CleanArticle:
    """Take the given raw stretches as the body (the ``html`` reading: the stretches an extraction library
    found); everything else is removed with ``reason``. Page date lines and datelines are still read."""
    rules = _rules(language)
    removed: list[Removed] = []
    published: str | None = None
    agency: str | None = None
    stretches = sorted(body)
    position = 0
    for start, end in stretches + [(len(raw), len(raw))]:
        gap = raw[position:start]
        if gap.strip(_SPACE):
            lead = len(gap) - len(gap.lstrip(_SPACE))
            trail = len(gap.rstrip(_SPACE))
            removed.append(Removed(start=position + lead, end=position + trail, reason=reason,
                                   preview=raw[position + lead : position + trail][:_PREVIEW_CHARS]))
            for line_start, line_end, _ in _lines(gap):
                line = gap[line_start:line_end]
                for rule in rules.metadata_lines:
                    match = rule.regex.search(line)
                    if match:
                        published = _more_precise(published, _published_from(match.groupdict()))
                        agency = agency or match.groupdict().get("agency")
                        break
        position = max(position, end)
    return _assemble(raw, [[s] for s in stretches], removed, given.title if given else None, published, agency,
                     given or Given(), language)


def _assemble(raw: str, paragraphs: list[list[tuple[int, int]]], removed: list[Removed], title: str | None,
              page_published: str | None, agency: str | None, given: Given, language: str,
              headline: tuple[int, int] | None = None) -> CleanArticle:
    """The article from its paragraphs (each a list of raw stretches, joined by a space), the headline's raw
    stretch (the first paragraph of ``text`` when there is one) and the metadata: the input's own wins over
    the page's, the page's over the fallback date."""
    rules = _rules(language)
    if headline is not None:
        paragraphs = [[headline], *paragraphs]
    pieces: list[Piece] = []
    spans: list[tuple[int, int]] = []
    chunks: list[str] = []
    offset = 0
    for paragraph in paragraphs:
        start_of_paragraph = offset
        for n, (start, end) in enumerate(paragraph):
            if n:
                chunks.append(_LINE_JOIN)
                offset += len(_LINE_JOIN)
            pieces.append(Piece(start=offset, raw_start=start, length=end - start))
            chunks.append(raw[start:end])
            offset += end - start
        spans.append((start_of_paragraph, offset))
        chunks.append(PARAGRAPH_SEP)
        offset += len(PARAGRAPH_SEP)
    text = "".join(chunks[:-1]) if chunks else ""
    if given.published and not (page_published and len(page_published) > len(given.published)
                                and page_published.startswith(given.published)):
        published, published_from = given.published, "metadata"
    elif page_published:  # (also when it gives the time of the metadata's day)
        published, published_from = page_published, "page"
    elif given.fallback:
        published, published_from = given.fallback.isoformat(), given.fallback_from
    else:
        published, published_from = None, None
    article = CleanArticle(text=text, pieces=pieces, removed=removed, paragraphs=spans,
                           title=given.title or title, published=published,
                           published_from=published_from)  # type: ignore[arg-type]
    if headline is not None:
        article.headline = spans[0]
    body = spans[1:] if headline is not None else spans
    if body:
        found = locate_dateline(text, body[0], article.publication_date(), language)
        if found:
            article.dateline, (article.dateline_start, article.dateline_end), article.dateline_place = found
    agency = agency or (article.dateline.agency if article.dateline else None)
    article.publisher = given.publisher or detect_publisher(raw, rules.agencies.get(agency or "", agency), language)
    if not text:
        article.warnings.append("no article body found: every line was removed as boilerplate or the input is empty")
    if published is None:
        article.warnings.append("no publication date: the input gives none, the page prints none and its URL "
                                "encodes none (give one with --published or published=)")
    elif published_from == "option":
        article.warnings.append("the page prints no publication date: used the one supplied")
    return article


def _photo_story(rules: _Rules, raw: str, removed: list[Removed]) -> tuple[list[tuple[int, int]], list[Removed]]:
    """The caption paragraphs of a page that has no other body (a photo gallery whose story is its caption), each
    without its credit (" (Xinhua/Wan Xiang)"), and ``removed`` with those captions given back: only their credits
    stay removed. Nothing when no caption reads as prose."""
    kept: list[tuple[int, int]] = []
    out: list[Removed] = []
    for r in removed:
        line = raw[r.start : r.end]
        if not r.reason.startswith("photo caption") or not _is_prose(line):
            out.append(r)
            continue
        credit = rules.caption_credit.search(line)
        end = r.start + (credit.start() if credit else len(line))
        kept.append((r.start, end))
        if end < r.end:
            out.append(Removed(start=end, end=r.end, reason="photo credit (a photo story: its caption is the body)",
                               preview=raw[end : r.end][:_PREVIEW_CHARS]))
    return kept, out


def _from_dateline(
    rules: _Rules, raw: str, kept: list[tuple[int, int]], remove: Callable[[int, int, str], None]
) -> list[tuple[int, int]]:
    """A story opens with its dateline: kept lines before the first dateline paragraph are captions."""
    first = next((i for i, (s, e) in enumerate(kept) if _is_dateline(rules, raw[s:e])), 0)
    for start, end in kept[:first]:
        remove(start, end, "before the dateline (photo captions)")
    return kept[first:]


def _is_dateline(rules: _Rules, line: str) -> bool:
    return any(regex.match(line) for regex in rules.datelines)


def _first_cut(rules: _Rules, line: str) -> tuple[int, str, bool] | None:
    """The earliest cut-from match in a line: ``(offset in line, reason, whether it is the page's footer)``."""
    hits = [(m.start(), r.reason, r.footer) for r in rules.cut_from if (m := r.regex.search(line))]
    return min(hits) if hits else None


def _merge(removed: list[Removed], raw: str) -> list[Removed]:
    """Join neighbouring removals of the same reason separated only by white space."""
    merged: list[Removed] = []
    for item in sorted(removed, key=lambda r: r.start):  # lines taken back from the body come out of order
        if merged and merged[-1].reason == item.reason and not raw[merged[-1].end : item.start].strip(_SPACE):
            last = merged[-1]
            merged[-1] = Removed(
                start=last.start, end=item.end, reason=last.reason, preview=raw[last.start : item.end][:_PREVIEW_CHARS]
            )
        else:
            merged.append(item)
    return merged
