"""Time periods normalized to calendar dates, resolved against the publication date.

Phrases are found by the patterns of ``data/<lang>/periods.json``; this module turns each kind into dates.
How a period without a year is resolved (gold/README.md has the full guidelines):

- news reports the past: the latest such period that has started by the publication date ("in August" in a
  February article is last August), unless the sentence speaks of the future ("will ... in March"), then
  the first one that has not ended (a weekday is always the most recent, unless "next Friday");
- a calendar date is computed from the pattern's month, day and year: dateparser gets the same dates of the
  gold corpus right at 18-30 ms a date (``python benchmarks/dates.py``), so it is not used;
- an unfinished period in a sentence about the past takes the year of the nearest earlier explicit year
  of the article when that year is before the publication year (an article of January 2025 on 2024 says
  "in the first half of the year" of 2024), or any earlier year when it was written in the same paragraph (a
  country profile of 2021 whose "In 2018, ..." is followed by "from January to November" means 2018); a year that
  names an event ("the 1987 crash") is no such year;
- "last year", "this year" are relative to the publication date; "the same period last year" is the
  period named just before, a year back; a weekday is the most recent such day on or before publication;
- without a publication date, a period that needs one gets no dates and a warning.

>>> [(p.text, p.timex, p.relative) for p in extract_periods(
...     "Trade grew in the first half of 2024, up 8 percent over the same period last year.", date(2024, 7, 18)
... ).periods]
[('first half of 2024', '2024-H1', False), ('same period last year', '2023-H1', True)]
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from .gates import Gate, literal_gate, may_match
from .resources import load_json
from .schema import Period
from .spans import Locator, SpanSet, crosses_paragraph, glued
from .timex import timex_for

_YEAR = r"(?:19|20)\d{2}"
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TWO_DIGITS = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)})"
#: A year written out: "nineteen ninety-six", "two thousand and eight", "two thousand" (case-insensitive).
_WORD_YEAR = (rf"(?i:nineteen[- ](?:{_TWO_DIGITS}|hundred(?: and (?:{_TWO_DIGITS}|{'|'.join(_ONES)}))?)"
              rf"|two thousand(?:(?: and)? (?:{_TWO_DIGITS}|{'|'.join(_ONES)}))?)")


def _word_number(words: str) -> int:
    """0-99 from "ninety-six", "eight", "fifteen" ("hundred" and "and" add nothing)."""
    total = 0
    for word in re.split(r"[- ]+", words.lower()):
        if word in ("and", "hundred", ""):
            continue
        if word in _ONES:
            total += _ONES.index(word) + 1
        elif word in _TEENS:
            total += _TEENS.index(word) + 10
        elif word in _TENS:
            total += (_TENS.index(word) + 2) * 10
        else:
            raise ValueError(f"not a number word: {word!r}")
    return total


def word_year(text: str) -> int:
    """The year a written-out year names.

    >>> word_year("nineteen ninety-six"), word_year("two thousand and eight"), word_year("Two thousand")
    (1996, 2008, 2000)
    """
    low = text.lower()
    if low.startswith("nineteen"):
        return 1900 + _word_number(low[len("nineteen"):])
    return 2000 + _word_number(low[len("two thousand"):])

#: Kinds whose explicit year sets the article's reporting frame ("in 2024", "first half of 2024"); a month or
#: a date with a year ("launched in November 2023") dates an event and does not.
_FRAME_KINDS = frozenset({"year", "half", "quarter", "first_months", "first_quarters", "month_range"})
#: How far back in its clause a future word is looked for ("will ... in March"): clauses are rarely longer,
#: and the bound keeps a paragraph of many periods linear.
_FUTURE_WINDOW = 300
#: Kinds whose year, written or relative ("June last year", "the first half of 2009"), a year-less month later
#: in the same sentence shares ("... after a decline in the first four months and growth in May").
_SENTENCE_YEAR_KINDS = frozenset({"month", "date", "month_range", "first_months", "first_quarters", "quarter", "half",
                                  "day_range", "date_range"})
#: Periods that are not what "the period" refers back to: "the full-year target" frames a goal.
_NOT_ANTECEDENTS = re.compile(r"(?i)full-year")
#: Nor are the comparison periods ("a year earlier") and what "ago" or "past" name: "In H1 exports rose from a
#: year earlier ... in the same period" means H1.
_NOT_ANTECEDENT_KINDS = frozenset({"year_back", "ago", "past_n"})
#: Reporting periods: in a sentence about the future, one that ended up to _REPORT_GRACE_DAYS ago is still meant
#: ("expects third-quarter profit to rise", written in October).
_REPORTING_KINDS = frozenset({"quarter", "half", "first_months", "first_quarters", "quarter_range"})
_REPORT_GRACE_DAYS = 60
#: Periods whose year (or week) a future modal of their clause decides, when the tagger ran (xjextract.tense).
_TENSED_KINDS = frozenset({"month", "date", "weekday", "weekday_range", "day_range", "date_range", "part_of_month",
                           "month_range"})

#: How many of the last stretches named "the latest quarter" and "during the period" look back over (bounded, so
#: the stage stays linear).
_LATEST_LOOKBACK = 50
#: A day written without a year that lay more than this far back is taken as the coming one when that is near.
_DATE_BACK_DAYS, _DATE_AHEAD_DAYS = 180, 90
#: Kinds that, after a deadline word ("by May", "until mid-November", "effective Feb. 1": the lexicon's
#: deadline_before), take the nearer of their last and their coming reading; without one, a month in a past
#: sentence ("we sent cherries in June") stays the past one.
_DEADLINE_KINDS = frozenset({"month", "part_of_month", "year_end", "date"})
#: A clause break: a comma or semicolon followed by white space (not the comma of "2,000"), or by a closing quote
#: ('"We will grow," he said Friday': the quote's future is not the reporting verb's).
_CLAUSE_BREAK = re.compile(r"[,;](?:\"|''|”|')?(?=\s)")
#: How far before a period its prefix can start ("since the beginning of " and some white space).
_PREFIX_WINDOW = 40


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    needs_prefix: bool
    #: Words one of which every match contains: a text without any is not scanned (``gates.py``).
    gate: Gate | None = None


class _Hit:
    """A pattern's match with the prefix ("end of", "since", "beginning of") found just before it: the prefix is
    looked for behind each core match instead of being an optional group of every pattern, which made each
    scan about four times slower (no literal to skip to)."""

    __slots__ = ("core", "pre")
    _NO_PREFIX = {"end": None, "since": None, "begin": None}

    def __init__(self, core: re.Match[str], pre: re.Match[str] | None) -> None:
        self.core, self.pre = core, pre

    def start(self) -> int:
        return self.pre.start() if self.pre else self.core.start()

    def end(self) -> int:
        return self.core.end()

    def span(self, name: str) -> tuple[int, int]:
        return self.core.span(name)

    def groupdict(self) -> dict[str, str | None]:
        groups = {**self.core.groupdict(), **(self.pre.groupdict() if self.pre else self._NO_PREFIX)}
        if groups.get("rel_bare"):  # "the first seven months this year": as "of this year"
            groups["rel"] = groups["rel_bare"]
        return groups

    def __getitem__(self, name: str) -> str | None:
        if name in self._NO_PREFIX:
            return self.pre[name] if self.pre else None
        return self.core[name]


@dataclass(frozen=True)
class _Lexicon:
    patterns: tuple[_Pattern, ...]
    prefix: re.Pattern[str]
    months: dict[str, int]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    weekdays: dict[str, int]
    parts: dict[str, list[int]]
    month_parts: dict[str, list[int]]
    seasons: dict[str, list[int]]
    decade_parts: dict[str, list[int]]
    decade_words: dict[str, int]
    sets: tuple[re.Pattern[str], ...]
    set_units: dict[str, str]
    set_numbers: dict[str, int]
    set_adverbs: dict[str, str]
    future_modals: frozenset[str]
    possessive_after: re.Pattern[str]  # "last year's total": a possessive period, no stretch to refer back to
    future: re.Pattern[str]
    #: A future word that is a noun here ("announced the plan"), tested on the text up to the word's end.
    future_noun: re.Pattern[str]
    may_needs: re.Pattern[str]
    month_not_before: re.Pattern[str]
    deadline_before: re.Pattern[str]
    relative: dict[str, int]
    last_ordinals: frozenset[str]
    reporting_period_back: tuple[str, ...]
    day_offsets: dict[str, int]
    back_references: re.Pattern[str]
    basis_before: re.Pattern[str]
    compared_before: re.Pattern[str]
    nowadays_after: re.Pattern[str]
    #: "the" before a bare year, then a noun after it: the year names that by its date ("the 1987 crash"), no frame
    event_year: tuple[re.Pattern[str], re.Pattern[str]]
    nowadays_words: frozenset[str]
    #: Public holidays: surface name (lower case) -> holiday; holiday -> {year or "default": "MM-DD..MM-DD"};
    #: holiday -> the years (first, last) in which "Golden Week" alone may mean it.
    holiday_names: dict[str, str]
    holiday_name: re.Pattern[str]  # any of the names in a period's text, longest first ("golden week" last)
    holiday_days: dict[str, dict[str, str]]
    golden_week: dict[str, list[int]]


@cache
def _lexicon(language: str) -> _Lexicon:
    """Expand the placeholders of the period patterns and compile them once."""
    data = load_json("periods.json", language)
    months: dict[str, int] = data["months"]
    full = [m.capitalize() for m in months if len(m) > 4 or m in ("may", "june", "july")]
    abbreviations = [m.capitalize() for m in months if m.capitalize() not in full]
    month = "(?<![A-Za-z])(?:" + "|".join(sorted(full, key=len, reverse=True)) + "|" + "|".join(
        rf"{a}\.?" for a in sorted(abbreviations, key=len, reverse=True)) + ")(?![a-z])"
    numbers = "|".join(sorted(data["numbers"], key=len, reverse=True))
    fills = {
        "{MONTH}": month,
        "{FULLMONTH}": "(?<![A-Za-z])(?:" + "|".join(sorted(full, key=len, reverse=True)) + ")(?![a-z])",
        "{YEAR}": _YEAR,
        "{ORD}": "|".join(sorted(list(data["ordinals"]) + [o.capitalize() for o in data["ordinals"]], key=len, reverse=True)),
        "{NUM}": rf"\d{{1,2}}|{numbers}",
        "{WEEKDAY}": "|".join(w.capitalize() for w in data["weekdays"]),
        "{OFYEAR}": rf"(?:\s+(?:of\s+(?:(?P<year>{_YEAR})|(?P<rel>this|last|the|next) year)|(?P<rel_bare>this|last|next) year))?",
        "{NUMWORD}": "|".join(sorted(list(data["numbers"]) + [w.capitalize() for w in data["numbers"]]
                                     + ["a", "an", "one", "A", "An", "One"], key=len, reverse=True)),
        "{WORDYEAR}": _WORD_YEAR,
        "{HOLIDAY}": "|".join(re.escape(n.title()) for n in sorted(data["holidays"]["names"], key=len, reverse=True)),
    }
    # "end of the first quarter": the article may stand between the prefix and a pattern that has none
    prefix = (r"(?:(?P<end>[Ee]nd of\s+(?:the\s+)?)|(?P<since>[Ss]ince\s+(?:the\s+(?:beginning|start)\s+of\s+)?)"
              r"|(?P<begin>(?:[Bb]eginning|[Ss]tart) of\s+(?:the\s+)?))")
    patterns = []
    for spec in data["patterns"]:
        core = spec["pattern"]
        for key, value in fills.items():
            core = core.replace(key, value)
        needs = bool(spec.get("needs_prefix", False))
        regex = re.compile(core)
        patterns.append(_Pattern(spec["kind"], regex, needs, literal_gate(regex)))
    future = "|".join(re.escape(w) for w in sorted(data["future_markers"], key=len, reverse=True))
    # "announced the plan Aug. 21": after a determiner, a future word that is also a noun names a thing.
    determiners = "|".join(re.escape(w) for w in data["future_nouns"]["after"])
    nouns = "|".join(re.escape(w) for w in data["future_nouns"]["words"])
    return _Lexicon(
        patterns=tuple(patterns),
        prefix=re.compile(prefix + r"\Z"),
        months=months,
        ordinals=data["ordinals"],
        numbers=data["numbers"],
        weekdays=data["weekdays"],
        parts=data["parts_of_year"],
        month_parts=data["parts_of_month"],
        seasons=data["seasons"],
        decade_parts=data["parts_of_decade"],
        decade_words=data["decade_words"],
        sets=tuple(re.compile(p) for p in data["sets"]["patterns"]),
        set_units=data["sets"]["units"],
        set_numbers=data["sets"]["numbers"],
        set_adverbs=data["sets"]["adverbs"],
        future_modals=frozenset(data["future_modals"]),
        possessive_after=re.compile(data["possessive_after"]),
        future=re.compile(rf"(?i:(?<![\w])(?:{future})(?![\w]))"),
        future_noun=re.compile(rf"(?i:(?<![\w])(?:{determiners})\s+(?:{nouns})\Z)"),
        may_needs=re.compile(rf"(?i:{data['may_needs']})"),
        month_not_before=re.compile(data.get("month_not_before", "(?!)")),
        deadline_before=re.compile(rf"(?i:{data['deadline_before']})"),
        relative=data["relative"],
        last_ordinals=frozenset(data["last_ordinals"]),
        reporting_period_back=tuple(data["reporting_period_back"]),
        day_offsets=data["day_offsets"],
        back_references=re.compile(data["back_references"], re.IGNORECASE),
        basis_before=re.compile(data["basis_before"], re.IGNORECASE),
        compared_before=re.compile(data["compared_before"], re.IGNORECASE),
        nowadays_after=re.compile(data["nowadays_after"], re.IGNORECASE),
        event_year=(re.compile(data["event_year"][0], re.IGNORECASE), re.compile(data["event_year"][1])),
        nowadays_words=frozenset(data["nowadays_words"]),
        holiday_names=data["holidays"]["names"],
        holiday_name=re.compile("|".join(re.escape(n) for n in sorted(data["holidays"]["names"], key=len, reverse=True))
                                + "|golden week", re.IGNORECASE),
        holiday_days=data["holidays"]["days"],
        golden_week=data["holidays"]["golden_week"],
    )


@dataclass
class PeriodResult:
    periods: list[Period] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Context:
    """What a resolver may look at: the publication date, the article so far, the sentence."""

    publication: date | None
    future: bool
    frame_year: int | None
    #: Periods found so far that are stretches (first day != last day), in text order.
    stretches: list[Period]
    text: str
    start: int
    #: The year of a dated month (or finer) period earlier in the same sentence, else None.
    sentence_year: int | None = None
    #: Every period found so far (points included), and where the sentence of this one starts.
    earlier: list[Period] = field(default_factory=list)
    sentence_start: int = 0
    #: Days a reporting period (quarter, half) may have ended and still be the one a future sentence means.
    grace_days: int = 0
    #: Whether a deadline word ("by", "until", "effective") stands just before a period of _DEADLINE_KINDS.
    deadline: bool = False
    #: Whether the frame year was written in this period's paragraph ("In 2018, ... from January to November").
    frame_near: bool = False


class _NeedsPublication(Exception):
    """The period cannot be resolved without a publication date."""


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _whole_months(first: date, last: date) -> int:
    """How many whole calendar months ``first..last`` covers; 0 unless it runs from a 1st to a month's last day."""
    if first.day != 1 or last != _month_end(last.year, last.month):
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), _month_end(year, last)


def _shift_year(day: date, years: int) -> date:
    """The same day ``years`` later; a month end stays a month end (Feb 29 -> Feb 28)."""
    if day == _month_end(day.year, day.month):
        return _month_end(day.year + years, day.month)
    return day.replace(year=day.year + years)


def _choose(ctx: _Context, make: Any) -> tuple[date, date, bool]:
    """Resolve a year-less period ``make(year) -> (first, last)`` against the publication date; with none, the
    year the text gives (a dated period earlier in the sentence, else the reporting frame's year)."""
    if ctx.publication is None:
        year = ctx.sentence_year if ctx.sentence_year is not None else ctx.frame_year
        if year is None:
            raise _NeedsPublication
        first, last = make(year)
        return first, last, True
    pub = ctx.publication
    if ctx.sentence_year is not None and not ctx.future and make(ctx.sentence_year)[1] <= pub:
        first, last = make(ctx.sentence_year)
        return first, last, True
    if ctx.future:
        for year in (pub.year, pub.year + 1):
            first, last = make(year)
            # A reporting period that ended weeks ago is still the one a forecast of its results speaks of.
            if last + timedelta(days=ctx.grace_days) >= pub:
                return first, last, True
    year = pub.year if make(pub.year)[0] <= pub else pub.year - 1
    first, last = make(year)
    if last > pub and ctx.frame_year is not None and (
            ctx.frame_year == pub.year - 1 or ctx.frame_near and ctx.frame_year < pub.year):
        first, last = make(ctx.frame_year)
    elif ctx.deadline and last < pub:
        # "talks supposed to conclude by May", written in March: after a deadline word, a period named without
        # its year is the nearer of the last one and the coming one ("by the end of June" in July: the past).
        ahead_first, ahead_last = make(year + 1)
        if (ahead_first - pub).days < (pub - last).days:
            return ahead_first, ahead_last, True
    return first, last, True


def _with_year(groups: dict[str, Any], ctx: _Context, lex: _Lexicon, make: Any) -> tuple[date, date, bool]:
    """A period written with an explicit year, a relative one ("of last year") or none ("of the year")."""
    if groups.get("year"):
        first, last = make(int(groups["year"]))
        return first, last, False
    rel = (groups.get("rel") or "").lower()
    if rel in lex.relative:
        if ctx.publication is None:
            raise _NeedsPublication
        offset = lex.relative[rel]
        first, last = make(ctx.publication.year + offset)
        return first, last, True
    return _choose(ctx, make)


def _ordinal(word: str | None, lex: _Lexicon, last: int) -> int:
    """The number of "third" quarter; "last" and "final" ("the last half of 1989") are the year's ``last``."""
    low = (word or "").lower()
    return last if low in lex.last_ordinals else lex.ordinals[low]


def _resolve(kind: str, groups: dict[str, Any], ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """First day, last day and whether the context was needed, for one matched phrase."""
    month = lex.months.get((groups.get("m1") or "").lower().rstrip("."), 0)
    if kind == "year":
        year = int(groups["year"])
        return date(year, 1, 1), date(year, 12, 31), False
    if kind == "year_range":
        first_year, second = int(groups["year"]), groups["year2"] or ""
        last_year = int(second) if len(second) == 4 else first_year // 100 * 100 + int(second)
        if last_year <= first_year:
            raise ValueError("not a year range")
        return date(first_year, 1, 1), date(last_year, 12, 31), False
    if kind == "month" and (groups.get("rel") or "").lower() == "last" and groups.get("m1", "").istitle() \
            and ctx.text[ctx.start : ctx.start + 4].lower() == "last":
        return _last_month_named(ctx, month)  # "last October": the latest October before this month
    if kind == "month" and groups.get("wy"):  # "January nineteen ninety-seven"
        return _months(word_year(groups["wy"]), month, month) + (False,)
    if kind == "month":
        if groups.get("year") or groups.get("rel"):
            return _with_year(groups, ctx, lex, lambda y: _months(y, month, month))
        first, last, relative = _choose(ctx, lambda y: _months(y, month, month))
        pub = ctx.publication
        if pub is not None and not ctx.future and ctx.sentence_year is None and ctx.frame_year is None \
                and month == pub.month % 12 + 1 and last < pub:
            # "a cutback in its oil supply in September", written in August: the coming month, not last year's
            return _months(pub.year + (month == 1), month, month) + (True,)
        return first, last, relative
    if kind == "month_year_range":  # "November 2023 to January 2024"
        first = date(int(groups["year"]), month, 1)
        last = _month_end(int(groups["year2"]), lex.months[groups["m2"].lower().rstrip(".")])
        if last <= first:
            raise ValueError("not a range")
        return first, last, False
    if kind == "date_range":  # "Jan. 1 to March 31", "Nov. 15 to March 15" (into the next year)
        first, _, relative = _date(groups, ctx, month)
        last_month = lex.months[groups["m2"].lower().rstrip(".")]
        if groups.get("year2"):
            last = date(int(groups["year2"]), last_month, int(groups["day2"]))
        else:
            last = date(first.year, last_month, int(groups["day2"]))
            if last < first:
                last = date(first.year + 1, last_month, int(groups["day2"]))
        return first, last, relative and not groups.get("year2")
    if kind == "part_of_year":  # "late 2023", "early next year"
        first_month, last_month = lex.parts[groups["part"].lower()]
        return _with_year(groups, ctx, lex, lambda y: _months(y, first_month, last_month))
    if kind == "previous":
        return _previous(groups, ctx)
    if kind == "month_range":
        last_month = lex.months[(groups["m2"] or "").lower().rstrip(".")]
        if last_month == month:
            raise ValueError("not a month range")
        if last_month < month:  # "December to March": into the next year
            return _with_year(groups, ctx, lex, lambda y: (date(y, month, 1), _month_end(y + 1, last_month)))
        return _with_year(groups, ctx, lex, lambda y: _months(y, month, last_month))
    if kind == "date":
        return _date(groups, ctx, month)
    if kind == "weekday_date":  # "Saturday, April 25": without a year, the nearest year whose April 25 is a Saturday
        if groups.get("year") or ctx.publication is None:
            return _date(groups, ctx, month)
        pub, weekday = ctx.publication, lex.weekdays[groups["wd"].lower()]
        fits = []
        for year in (pub.year - 1, pub.year, pub.year + 1):
            try:
                day = date(year, month, int(groups["day"]))
            except ValueError:
                continue
            if day.weekday() == weekday:
                fits.append(day)
        if not fits:
            return _date(groups, ctx, month)
        day = min(fits, key=lambda d: abs((d - pub).days))
        return day, day, True
    if kind == "quarter":
        q = int(groups["q"]) if groups.get("q") else _ordinal(groups["ord"], lex, 4)
        return _with_year(groups, ctx, lex, lambda y: _months(y, 3 * q - 2, 3 * q))
    if kind == "quarter_range":  # "Q1-Q3"
        first_q, last_q = int(groups["q"]), int(groups["q2"])
        if last_q <= first_q:
            raise ValueError("not a quarter range")
        return _with_year(groups, ctx, lex, lambda y: _months(y, 3 * first_q - 2, 3 * last_q))
    if kind == "first_quarters":
        n = lex.numbers.get(groups["n"] or "", 0) or int(groups["n"])
        return _with_year(groups, ctx, lex, lambda y: _months(y, 1, 3 * n))
    if kind == "half":
        h = int(groups["h"]) if groups.get("h") else _ordinal(groups["ord"], lex, 2)
        return _with_year(groups, ctx, lex, lambda y: _months(y, 6 * h - 5, 6 * h))
    if kind == "first_months":
        word = (groups["n"] or "").lower()
        n = 1 if not word else lex.numbers.get(word, 0) or int(word)  # "first month of 2018": n is empty
        if not 1 <= n <= 12:
            raise ValueError("not a number of months")
        return _with_year(groups, ctx, lex, lambda y: _months(y, 1, n))
    if kind == "new_year_month":
        return _with_year({"rel": "this"}, ctx, lex, lambda y: _months(y, 1, 1))
    if kind in ("relative_year", "the_year"):
        if kind == "the_year":
            if groups.get("anchored") is not None and ctx.stretches and ctx.stretches[-1].first_day:
                year = ctx.stretches[-1].first_day.year  # "the Q1 data ... its full-year target": that year
                return date(year, 1, 1), date(year, 12, 31), True
            return _choose(ctx, lambda y: (date(y, 1, 1), date(y, 12, 31)))
        return _with_year(groups, ctx, lex, lambda y: (date(y, 1, 1), date(y, 12, 31)))
    if kind == "the_month":  # "by the end of the month": the month named before in the sentence, else this month
        for item in reversed(ctx.earlier):
            if item.start < ctx.sentence_start:
                break  # only the sentence's own months: the look-up stays bounded
            first, last = item.first_day, item.last_day
            if first and last and _whole_months(first, last) == 1:
                return first, last, True
        pub = _publication(ctx)
        return (*_months(pub.year, pub.month, pub.month), True)
    if kind == "relative_month":
        if ctx.publication is None:
            raise _NeedsPublication
        offset = lex.relative[(groups["rel"] or "").lower()]
        index = ctx.publication.year * 12 + ctx.publication.month - 1 + offset
        return (*_months(index // 12, index % 12 + 1, index % 12 + 1), True)
    if kind == "year_to_date":
        if ctx.publication is None:
            raise _NeedsPublication
        return date(ctx.publication.year, 1, 1), ctx.publication, True
    if kind == "weekday":
        if ctx.publication is None:
            raise _NeedsPublication
        back = (ctx.publication.weekday() - lex.weekdays[(groups["wd"] or "").lower()]) % 7
        if back == 0 and ctx.text[max(0, ctx.start - 5) : ctx.start].lower().endswith("last "):
            back = 7  # "last Monday" written on a Monday: a week ago
        if back and ctx.text[max(0, ctx.start - 9) : ctx.start].lower().endswith("previous "):
            back += 7  # "down 4.5% from the previous Friday", written on a Monday: the Friday before the last
        # A weekday is what someone "said Tuesday": the past, unless the text says "next Tuesday".
        if (ctx.future or ctx.text[max(0, ctx.start - 5) : ctx.start].lower().endswith("next ")) and back:
            return (ctx.publication + timedelta(days=7 - back),) * 2 + (True,)
        return (ctx.publication - timedelta(days=back),) * 2 + (True,)
    if kind == "same":
        return _same(groups, ctx, lex)
    if kind == "anaphor":
        return _anaphor(groups, ctx, lex)
    if kind == "day_range":  # "Sept. 26 to 29"
        first, _, relative = _date(groups, ctx, month)
        return first, first.replace(day=int(groups["day2"])), relative
    if kind == "weekend":
        if ctx.publication is None:
            raise _NeedsPublication
        saturday = ctx.publication - timedelta(days=(ctx.publication.weekday() - 5) % 7)
        return saturday, saturday + timedelta(days=1), True
    if kind == "half_year":  # the adjective "half-year": the latest half ended by publication
        if ctx.publication is None:
            raise _NeedsPublication
        pub = ctx.publication
        year, half = (pub.year, 1) if pub.month > 6 else (pub.year - 1, 2)
        return (*_months(year, 6 * half - 5, 6 * half), True)
    if kind == "day_word":  # today, tonight, yesterday, tomorrow
        pub = _publication(ctx)
        if (groups.get("dw") or "").lower() in lex.nowadays_words and lex.nowadays_after.search(
                ctx.text, max(ctx.sentence_start - 200, 0), ctx.start):
            raise ValueError("'today' as nowadays")  # "Ten years ago ... Today about 40 percent"
        # "it's the second day of the offensive" has no day word: the publication day
        day = pub + timedelta(days=lex.day_offsets[(groups.get("dw") or "today").lower()])
        return day, day, True
    if kind == "week":  # this/last/next week (ISO: Monday to Sunday), this/next weekend
        pub = _publication(ctx)
        offset = lex.relative[groups["rel"].lower()]
        if offset == -1 and pub.weekday() == 6 and groups["unit"].lower() == "week":
            offset = 0  # written on a Sunday, "last week" is the week that ends that day (TimeML's reading)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        if groups["unit"].lower() == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6), True
        return monday, monday + timedelta(days=6), True
    if kind == "unit_year_back":  # "for the quarter a year ago": the quarter being reported, a year back
        months = {"quarter": 3, "half": 6, "month": 1, "period": 0}[groups["unit"].lower()]
        for item in (ctx.stretches if months == 0 else reversed(ctx.stretches)):
            first, last = item.first_day, item.last_day
            if first is None or last is None or _refers_back(item, ctx, lex):
                continue
            if months == 0 or _whole_months(first, last) == months:
                return _shift_year(first, -1), _shift_year(last, -1), True
        raise ValueError("no period to refer back to")
    if kind == "following":  # "On May 22, 1995, ... and the following year": the year (month) after that period
        anchor = next((p for p in reversed(ctx.earlier) if p.last_day is not None), None)
        if anchor is None or anchor.last_day is None:
            raise ValueError("no period to follow")
        if groups["unit"].lower() == "year":
            year = anchor.last_day.year + 1
            return date(year, 1, 1), date(year, 12, 31), True
        index = anchor.last_day.year * 12 + anchor.last_day.month
        return (*_months(index // 12, index % 12 + 1, index % 12 + 1), True)
    if kind == "year_end":  # "since year-end": the last one passed; "close around year end": the coming one
        return _choose(ctx, lambda y: (date(y, 12, 31), date(y, 12, 31)))
    if kind == "year_back":
        return _year_back(ctx, lex)
    if kind == "ago":  # "two years ago": the unit N units before the publication date's
        pub, n, unit = _publication(ctx), _count(groups["n"], lex), groups["unit"].lower()
        if unit == "day":
            return (pub - timedelta(days=n),) * 2 + (True,)
        if unit == "week":  # "two weeks ago": that day (TimeML's reading)
            return (pub - timedelta(weeks=n),) * 2 + (True,)
        if unit == "month":
            index = pub.year * 12 + pub.month - 1 - n
            return (*_months(index // 12, index % 12 + 1, index % 12 + 1), True)
        if pub.year - n < 1:
            raise ValueError("before the calendar")
        return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), True
    if kind == "past_n":  # "the past five years": N units ending on the publication date (or starting after it)
        pub = _publication(ctx)
        n, unit = _count(groups.get("n") or "one", lex), groups["unit"].lower()
        if groups["dir"].lower() in ("past", "last", "previous"):
            return _shift(pub, -n, unit) + timedelta(days=1), pub, True
        return pub + timedelta(days=1), _shift(pub, n, unit), True
    if kind == "in_n":  # "would be redeemed in five years": the unit that lies that far ahead
        if not ctx.future:
            raise ValueError("a duration, not a date")  # "the highest in five years"
        pub = _publication(ctx)
        unit = groups["unit"].lower()
        day = _shift(pub, _count(groups["n"], lex), unit)
        if unit == "year":
            return date(day.year, 1, 1), date(day.year, 12, 31), True
        if unit == "month":
            return (*_months(day.year, day.month, day.month), True)
        if unit == "week":
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=6), True
        return day, day, True
    if kind == "decade":
        return _decade(groups, lex)
    if kind == "part_of_month":  # early/mid/late June
        first_day, last_day = lex.month_parts[groups["part"].lower()]
        return _with_year(groups, ctx, lex, lambda y: (date(y, month, first_day),
                                                  date(y, month, min(last_day, _month_end(y, month).day))))
    if kind == "rest_of_year":
        pub = _publication(ctx)
        if pub.month == 12 and pub.day == 31:
            raise ValueError("nothing of the year is left")
        return pub + timedelta(days=1), date(pub.year, 12, 31), True
    if kind == "months_ending":  # "the 11 months ending in November"
        n = _count(groups["n"], lex)
        if not 1 <= n <= 24:
            raise ValueError("not a number of months")
        first, last, relative = _with_year(groups, ctx, lex, lambda y: _months(y, month, month))
        index = first.year * 12 + first.month - n
        return date(index // 12, index % 12 + 1, 1), last, relative
    if kind == "weekday_range":  # "Thursday to Saturday"
        first, _, relative = _resolve("weekday", {"wd": groups["wd"]}, ctx, lex)
        length = (lex.weekdays[groups["wd2"].lower()] - lex.weekdays[groups["wd"].lower()]) % 7
        return first, first + timedelta(days=length), relative
    if kind == "word_year":
        year = word_year(groups["wy"])
        return date(year, 1, 1), date(year, 12, 31), False
    if kind == "latest":
        return _latest(groups, ctx, lex)
    if kind == "new_year":  # "as new year trade picks up": the year just begun, or about to begin in the autumn
        pub = _publication(ctx)
        year = pub.year if pub.month <= 6 else pub.year + 1
        return date(year, 1, 1), date(year, 12, 31), True
    if kind == "holiday":
        return _holiday(groups, ctx, lex)
    if kind == "holiday_anaphor":  # "during the holiday": the holiday named last (bounded look-back: linear)
        for item in reversed(ctx.earlier[-_LATEST_LOOKBACK:]):
            if item.first_day and item.last_day and _holiday_named(item.text, lex) is not None:
                return item.first_day, item.last_day, True
        raise ValueError("no holiday named before")
    if kind == "anaphor_months":  # "in the five months": the stretch of five months named before
        n = _count(groups["n"], lex)
        for item in reversed(ctx.stretches):
            first, last = item.first_day, item.last_day
            if first and last and _whole_months(first, last) == n:
                return first, last, True
        raise ValueError("no stretch of that many months before")
    if kind == "season":  # "next winter", "winter 2023" (winter runs December to February)
        name = (groups.get("season") or groups.get("season2") or groups.get("season3") or "").lower()
        first_month, last_month = lex.seasons[name]
        if groups.get("year1"):  # "the 2017-2018 winter", "the 2021-22 winter season": the winter across the two
            first_year, second = int(groups["year1"]), groups["year2"]
            if int(second) != (first_year + 1 if len(second) == 4 else (first_year + 1) % 100):
                raise ValueError("a winter across two years that do not follow each other")
            groups = {**groups, "year": groups["year1"]}

        def make(year: int) -> tuple[date, date]:
            end_index = year * 12 + last_month - 1
            return date(year, first_month, 1), _month_end(end_index // 12, end_index % 12 + 1)

        if groups.get("year"):
            return (*make(int(groups["year"])), False)
        pub = _publication(ctx)
        rel = groups["rel"].lower()
        years = range(pub.year - 2, pub.year + 2)
        if rel in ("next", "coming"):  # the first such season that starts after publication
            first, last = next(make(y) for y in years if make(y)[0] > pub)
        elif rel in ("last", "past"):  # the latest one that has ended
            first, last = [make(y) for y in years if make(y)[1] < pub][-1]
        else:  # "this summer": the one under way, else the publication year's (in November, the summer past;
            # in March, the winter to come); in a sentence about the future, the coming one
            under_way = [make(y) for y in years if make(y)[0] <= pub <= make(y)[1]]
            first, last = under_way[0] if under_way else make(pub.year)
            if ctx.future and last < pub:
                first, last = make(pub.year + 1)
        return first, last, True
    if kind == "year_unit":  # "the 1988 quarter": the quarter (half, period) named before, in 1988
        year = int(groups["year"])
        months = {"quarter": 3, "half": 6, "period": 0}[groups["unit"].lower()]
        # "the 1989 period": the article's reporting period, the first stretch it names (its lead's quarter),
        # not a quarter named in passing since; "the 1989 quarter": the last quarter named.
        for item in (ctx.stretches if months == 0 else reversed(ctx.stretches)):
            first, last = item.first_day, item.last_day
            if first is None or last is None or first.year != last.year:
                continue
            if months == 0 or _whole_months(first, last) == months:
                return _shift_year(first, year - first.year), _shift_year(last, year - last.year), True
        return date(year, 1, 1), date(year, 12, 31), False
    raise ValueError(f"unknown period kind {kind!r} in the data file")


def _holiday_named(text: str, lex: _Lexicon) -> str | None:
    """Which holiday a holiday period's text names ("the 2019 National Day holiday": national_day), "" for
    "Golden Week" alone, None for any other period."""
    found = lex.holiday_name.search(text)
    return None if found is None else lex.holiday_names.get(found.group(0).lower(), "")


def _holiday_days(holiday: str, year: int, lex: _Lexicon) -> tuple[date, date] | None:
    """The official days off of ``holiday`` in ``year`` (periods.json holidays), None when not known."""
    table = lex.holiday_days[holiday]
    spec = table.get(str(year), table.get("default"))
    if spec is None:
        return None
    first, last = (date(year, int(part[:2]), int(part[3:])) for part in spec.split(".."))
    return first, last


def _holiday(groups: dict[str, Any], ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """A named public holiday ("the seven-day National Day holiday", "the 2018 Spring Festival holiday",
    "Golden Week"): its official days that year; without a year, the occurrence that starts nearest the
    publication date. "Golden Week" alone is the holiday named before it in the text, else the nearest of the
    holidays it may mean."""
    holidays = [lex.holiday_names[groups["hol"].lower()]] if groups.get("hol") else []
    if not holidays:
        named = next((h for h in (_holiday_named(item.text, lex) for item in reversed(ctx.earlier[-_LATEST_LOOKBACK:]))
                      if h), None)
        holidays = [named] if named else list(lex.golden_week)
    def occurrences(years: Iterable[int]) -> list[tuple[date, date]]:  # "Golden Week" only in a golden week's years
        return [d for h in holidays for year in years if (d := _holiday_days(h, year, lex))
                and (groups.get("hol") or lex.golden_week[h][0] <= year <= lex.golden_week[h][1])]

    if groups.get("year"):
        found = occurrences([int(groups["year"])])
        if not found:
            raise ValueError("no such holiday that year")
        return (*found[0], False)
    pub = _publication(ctx)
    candidates = occurrences([pub.year - 1, pub.year, pub.year + 1])
    if not candidates:
        raise ValueError("no such holiday near the publication date")
    first, last = min(candidates, key=lambda d: (abs((d[0] - pub).days), d[0]))
    return first, last, True


def _publication(ctx: _Context) -> date:
    if ctx.publication is None:
        raise _NeedsPublication
    return ctx.publication


def _count(word: str, lex: _Lexicon) -> int:
    low = word.lower()
    if low in ("a", "an", "one"):
        return 1
    return lex.numbers[low] if low in lex.numbers else int(low.replace(",", ""))


def _shift(day: date, n: int, unit: str) -> date:
    """``day`` moved by ``n`` units (a month end stays a month end; Feb 29 becomes Feb 28)."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, _month_end(year, month).day))


def _decade(groups: dict[str, Any], lex: _Lexicon) -> tuple[date, date, bool]:
    """"the 1990s", "the mid-1990s", "the nineties" (the 1900s' unless the text says otherwise)."""
    if groups.get("dec"):
        start = int(groups["dec"])
    else:
        start = 1900 + 10 * lex.decade_words[groups["decn"].lower()]
    first, last = 0, 9
    if groups.get("part"):
        first, last = lex.decade_parts[groups["part"].lower()]
    return date(start + first, 1, 1), date(start + last, 12, 31), False


def _refers_back(item: Period, ctx: _Context, lex: _Lexicon) -> bool:
    """Whether a period was named as a comparison ("the same period", "a year earlier", "the 1988 period" written in
    1989), so that an anaphor does not refer back to it."""
    m = lex.back_references.search(item.text)
    if m is None:
        # "an increase of 1.5 percent from last year": the comparison's basis
        return lex.basis_before.search(ctx.text, max(0, item.start - 40), item.start) is not None
    year = m.groupdict().get("year")
    return year is None or ctx.publication is None or int(year) < ctx.publication.year


def _year_back(ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """"a year earlier", "year-ago quarter": the period named before it in the sentence (else the last stretch
    named before), one year back; with none, the publication day one year back."""
    anchor = next((p for p in reversed(ctx.earlier) if p.start >= ctx.sentence_start and p.first_day
                   and p.last_day and not _refers_back(p, ctx, lex)), None)
    if anchor is None:
        # "charges taken in the year-earlier period": the article's reporting period (its first stretch) a year
        # back, as for "the 1989 period"; otherwise the last stretch named.
        lead = ctx.text[ctx.start : ctx.start + 40].lower().startswith(lex.reporting_period_back)
        anchor = next((p for p in (ctx.stretches if lead else reversed(ctx.stretches))
                       if not _refers_back(p, ctx, lex)), None)
    if anchor is not None and anchor.first_day and anchor.last_day:
        return _shift_year(anchor.first_day, -1), _shift_year(anchor.last_day, -1), True
    day = _shift_year(_publication(ctx), -1)
    return day, day, True


def _latest(groups: dict[str, Any], ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """"the latest quarter" (the most recent quarter named that has ended, else the last one ended by publication),
    "the current quarter/year/month" (the one holding the publication date), "the latest period" (the last
    stretch, else the last quarter ended by publication)."""
    unit = groups["unit"].lower()
    months = {"quarter": 3, "month": 1, "year": 12, "period": 0}[unit]
    if groups["which"].lower() != "current":
        named = []
        for item in reversed(ctx.stretches[-_LATEST_LOOKBACK:]):  # bounded: the stage stays linear
            first, last = item.first_day, item.last_day
            if first is None or last is None or _refers_back(item, ctx, lex):
                continue
            if months == 0 or _whole_months(first, last) == months:
                named.append((first, last))
        # the most recent of those named that has ended ("the third quarter ... the quarter a year ago ... in the
        # latest quarter": this year's third), else the last one named
        ended = [n for n in named if ctx.publication is None or n[1] <= ctx.publication]
        if ended:
            return (*max(ended, key=lambda n: n[1]), True)
        if named:
            return (*named[0], True)
    if months == 0:  # "the latest period" with no stretch named before: the last reporting quarter ended
        months = 3
    pub = _publication(ctx)
    index = pub.year * 12 + (pub.month - 1) // months * months  # the unit holding the publication date
    if groups["which"].lower() != "current":
        index -= months  # the last one that has ended
    first = date(index // 12, index % 12 + 1, 1)
    end_index = index + months - 1
    return first, _month_end(end_index // 12, end_index % 12 + 1), True


def _anaphor(groups: dict[str, Any], ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """"during the period": the last stretch reported on (``_reported_period``); "in the month", "in the quarter":
    the last one of that length named before. Periods named as a comparison are skipped."""
    unit = (groups.get("unit") or "period").lower()
    if unit == "period":
        return _reported_period(ctx, lex)
    for item in reversed(ctx.stretches):
        first, last = item.first_day, item.last_day
        if first is None or last is None or _refers_back(item, ctx, lex):
            continue  # "the same period last year ... during the period": this year's, not last year's
        if _whole_months(first, last) == {"month": 1, "quarter": 3}[unit]:
            return first, last, True
    if ctx.publication is None:
        raise _NeedsPublication  # in an undated article the periods it refers back to have no dates either
    raise ValueError("no period to refer back to")


def _reported_period(ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """"during the period": the last stretch named before that is a period the text reports on, not one named in
    passing: a comparison ("the same period", "a year earlier"), a stretch not yet over ("this year", "2021" written
    in 2021), a window up to the publication date ("the past 50 years", "since March") and a part of a longer
    stretch named before it ("in July" after "the first seven months") are skipped; with none left, the last
    stretch named."""
    pub = ctx.publication
    stretches = [p for p in ctx.stretches[-_LATEST_LOOKBACK:] if p.first_day and p.last_day]
    for k in range(len(stretches) - 1, -1, -1):
        item = stretches[k]
        first, last = item.first_day, item.last_day
        assert first is not None and last is not None
        if _refers_back(item, ctx, lex) or (pub is not None and last >= pub):
            continue
        if any(item.part_of(p) for p in stretches[:k]):
            continue
        return first, last, True
    if stretches:
        return stretches[-1].first_day, stretches[-1].last_day, True  # type: ignore[return-value]
    if pub is None:
        raise _NeedsPublication
    raise ValueError("no period to refer back to")


def _date(groups: dict[str, Any], ctx: _Context, month: int) -> tuple[date, date, bool]:
    """A calendar date; without a year, the most recent one on or before publication (or the coming one in a
    sentence about the future)."""
    day = int(groups["day"])
    if groups.get("year"):
        return (date(int(groups["year"]), month, day),) * 2 + (False,)
    if ctx.publication is None:
        raise _NeedsPublication
    pub = ctx.publication
    years = (pub.year, pub.year + 1) if ctx.future else (pub.year, pub.year - 1)
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:  # February 29 of a common year
            continue
        if (candidate >= pub) if ctx.future else (candidate <= pub):
            if not ctx.future and ctx.deadline and candidate < pub:
                ahead = _same_day_after(pub, month, day)
                if ahead is not None and (ahead - pub).days < (pub - candidate).days:
                    return ahead, ahead, True  # "effective Feb. 1", written in late October
            if not ctx.future and (pub - candidate).days > _DATE_BACK_DAYS:
                # "payable Dec. 7" in late October: a day named without its year is the near one ahead, not
                # last year's.
                ahead = _same_day_after(pub, month, day)
                if ahead is not None and (ahead - pub).days <= _DATE_AHEAD_DAYS:
                    return ahead, ahead, True
            return candidate, candidate, True
    raise ValueError("not a date")


def _same_day_after(pub: date, month: int, day: int) -> date | None:
    for year in (pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate > pub:
            return candidate
    return None


def _last_month_named(ctx: _Context, month: int) -> tuple[date, date, bool]:
    if ctx.publication is None:
        raise _NeedsPublication
    pub = ctx.publication
    year = pub.year if month < pub.month else pub.year - 1
    return (*_months(year, month, month), True)


def _previous(groups: dict[str, Any], ctx: _Context) -> tuple[date, date, bool]:
    """"the previous quarter/month/year": the one before the period named just before, else before publication."""
    months = {"quarter": 3, "month": 1, "year": 12}[groups["unit"].lower()]
    if ctx.stretches and ctx.stretches[-1].first_day:
        anchor = ctx.stretches[-1].first_day
    elif ctx.publication is not None:
        anchor = ctx.publication.replace(day=1)
        if months == 3:
            anchor = anchor.replace(month=(anchor.month - 1) // 3 * 3 + 1)
        elif months == 12:
            anchor = anchor.replace(month=1)
    else:
        raise _NeedsPublication
    index = anchor.year * 12 + anchor.month - 1 - months
    first = date(index // 12, index % 12 + 1, 1)
    last_index = index + months - 1
    return first, _month_end(last_index // 12, last_index % 12 + 1), True


def _same(groups: dict[str, Any], ctx: _Context, lex: _Lexicon) -> tuple[date, date, bool]:
    """"the same period (last year)": the period named just before, a year back when the text says so.

    "January and February ... the same period last year" refers back to both months together."""
    # A period is a stretch: "as of the end of October" is a point in time, not what "the same period" means.
    # Nor is another "same period" phrase: "the same period last year ... in the same period" means this year's;
    # nor a period named as the comparison ("up 12 points from the pace of 2012 ... in the same period").
    index = len(ctx.stretches) - 1
    while index >= 0 and (ctx.stretches[index].text.lower().startswith("same ") or lex.compared_before.search(
            ctx.text, max(0, ctx.stretches[index].start - 40), ctx.stretches[index].start)):
        index -= 1
    if index < 0:
        raise ValueError("no period to refer back to")
    first_item = last_item = ctx.stretches[index]
    for item in reversed(ctx.stretches[:index]):
        if item.text.lower().startswith("same "):
            continue
        if ctx.text[item.end : first_item.start] != " and " or not item.first_day or \
                last_item.last_day is None or item.first_day > last_item.last_day:
            break  # "January and February ...": only a chain of periods joined by "and", in calendar order
        first_item = item
    first, last = first_item.first_day, last_item.last_day
    if first is None or last is None:
        raise _NeedsPublication
    if groups.get("back"):
        return _shift_year(first, -1), _shift_year(last, -1), True
    if groups.get("year"):  # "the same period of 2023"
        shift = int(groups["year"]) - first.year
        return _shift_year(first, shift), _shift_year(last, shift), True
    return first, last, True


def _undated(result: PeriodResult, text: str, start: int, end: int) -> None:
    result.periods.append(Period(text=text[start:end], start=start, end=end, first_day=None, last_day=None,
                                 timex=None, relative=True))
    result.warnings.append(f"period {text[start:end]!r} has no dates: it needs a publication date")


def extract_periods(
    text: str,
    publication: date | None,
    sentences: list[tuple[int, int]] | None = None,
    exclude: list[tuple[int, int]] | None = None,
    language: str = "en",
    verbs: list[tuple[int, str, str]] | None = None,
) -> PeriodResult:
    """Every time expression of ``text`` that names a calendar period or date.

    Args:
        text: the cleaned article body.
        publication: the publication date every relative expression is resolved against (None: such
            periods get no dates and a warning).
        sentences: ``(start, end)`` of each sentence (for future markers); the whole text when None.
        exclude: spans that hold no period (the dateline, amounts).
        language: the data folder of the patterns.

    Returns:
        Periods in text order, with ``first_day``, ``last_day``, ``timex`` and ``relative``.
    """
    lex = _lexicon(language)
    sentences = Locator(sentences or [(0, len(text))])
    taken = SpanSet(exclude or [])
    matches = []
    for pattern in lex.patterns:
        if not may_match(pattern.gate, text):
            continue
        for core in pattern.regex.finditer(text):
            match = _Hit(core, lex.prefix.search(text, max(0, core.start() - _PREFIX_WINDOW), core.start()))
            if pattern.needs_prefix and match.pre is None:
                continue
            groups = match.groupdict()
            if pattern.kind == "month" and groups["m1"] == "May" and not groups.get("year") and not groups.get("rel") \
                    and not lex.may_needs.search(text, max(0, match.start() - 12), match.start()):
                continue  # "May" alone is the modal verb unless a preposition precedes it
            if pattern.kind == "month" and not groups.get("year") and lex.month_not_before.match(text, match.end()):
                continue  # "May Day": a holiday's name
            matches.append((match.start(), -(match.end() - match.start()), pattern.kind, match))
    result = PeriodResult()
    chosen: list[tuple[int, int, str, _Hit]] = []
    for start, negative_length, kind, match in sorted(matches, key=lambda m: (m[0], m[1])):
        end = start - negative_length
        if match.groupdict().get("span"):  # "during the period": the item is the noun
            start, end = match.span("span")
        if taken.overlaps(start, end) or glued(text, start, end) or crosses_paragraph(text, start, end):
            continue
        taken.add(start, end)
        chosen.append((start, end, kind, match))
    frame: int | None = None
    frame_paragraph = -1  # the paragraph (count of line breaks before it) the frame year was written in
    newlines = [m.start() for m in re.finditer("\n", text)]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text)]
    stretches: list[Period] = []
    anchors: list[Period] = []  # the periods a "year earlier" may refer to
    dated: tuple[int, int] | None = None  # (sentence start, year) of the latest dated month-or-finer period
    for start, end, kind, match in sorted(chosen):
        groups = match.groupdict()
        sentence_start = (sentences.find(start) or (0, len(text)))[0]
        # The future is what a sentence says after its future word: "Exports rose in June, and the firm will
        # expand in December" makes December the coming one, not June.
        last_break = bisect_right(breaks, start) - 1
        clause = max(sentence_start, breaks[last_break] if last_break >= 0 else 0, start - _FUTURE_WINDOW)
        future = _speaks_of_future(lex, text, clause, start)
        if verbs is not None and kind in _TENSED_KINDS and not groups.get("year") and not groups.get("rel"):
            if _clause_is_future(verbs, clause, _clause_end(breaks, sentences, start, text), lex.future_modals):
                future = True
        ctx = _Context(publication, future, frame, stretches, text, start,
                       dated[1] if dated and dated[0] == sentence_start else None, anchors, sentence_start,
                       _REPORT_GRACE_DAYS if kind in _REPORTING_KINDS else 0,
                       kind in _DEADLINE_KINDS and bool(lex.deadline_before.search(
                           text, max(0, start - _PREFIX_WINDOW), start)),
                       frame_paragraph == bisect_right(newlines, start))
        try:
            first, last, relative = _resolve(kind, groups, ctx, lex)
        except (ValueError, OverflowError):
            # The phrase only looked like a period ("May" the verb, "2025-23"), or its dates fall outside the
            # calendar (a publication date of 0001-01-01 has no "last year").
            continue
        except _NeedsPublication:
            _undated(result, text, start, end)
            continue
        if first is not None and last is not None and first > last:
            continue  # a reading that runs backwards is no period; never an error for the whole article
        if match["end"]:
            first = last
        elif match["begin"]:
            last = first
        elif match["since"]:
            if publication is None:  # "since 1997" runs to the publication date, which is unknown
                _undated(result, text, start, end)
                continue
            if first > publication:
                continue
            last, relative = publication, True
        # "The 1987 crash": a year that names an event by its date is no frame of the report
        if groups.get("year") and kind in _FRAME_KINDS and not (
                lex.event_year[1].match(text, end) and lex.event_year[0].search(text, max(0, start - 5), start)):
            frame, frame_paragraph = int(groups["year"]), bisect_right(newlines, start)
        if kind in _SENTENCE_YEAR_KINDS and (groups.get("year") or groups.get("rel")) and not match["since"]:
            dated = (sentence_start, first.year)
        period = Period(text=text[start:end], start=start, end=end, first_day=first, last_day=last,
                        timex=timex_for(first, last), relative=relative)
        result.periods.append(period)
        if kind not in _NOT_ANTECEDENT_KINDS:
            anchors.append(period)
        # "has exceeded last year's total. During the period, ...": a possessive names a compared level, not the
        # stretch the article reports on
        possessive = lex.possessive_after.match(text, end) is not None
        if first != last and not _NOT_ANTECEDENTS.fullmatch(period.text) and kind not in _NOT_ANTECEDENT_KINDS \
                and not possessive:
            stretches.append(period)
    _recurring(text, lex, taken, result)
    result.periods.sort(key=lambda p: (p.start, p.end))
    return result


def _clause_end(breaks: list[int], sentences: Locator, start: int, text: str) -> int:
    """Where the clause holding ``start`` ends: the next clause break, or the sentence's end."""
    sentence_end = (sentences.find(start) or (0, len(text)))[1]
    following = bisect_right(breaks, start)
    return min(sentence_end, breaks[following]) if following < len(breaks) else sentence_end


def _speaks_of_future(lex: _Lexicon, text: str, start: int, end: int) -> bool:
    """Whether a future word stands in ``text[start:end]`` ("will", "plans to"), not counting one that is a noun
    after a determiner ("announced the plan Aug. 21"), unless an infinitive follows it ("a plan to open")."""
    for word in lex.future.finditer(text, start, end):
        if not lex.future_noun.search(text, max(start, word.start() - 8), word.end()) \
                or text.startswith(" to ", word.end()):  # "a plan to keep the port open": an intention
            return True
    return False


def _clause_is_future(verbs: list[tuple[int, str, str]], start: int, end: int, modals: frozenset[str]) -> bool:
    """Whether a future modal (``modals``: will, shall, 'll) stands among the tagged verbs of ``start..end``.
    (A past or present verb was measured as a cue too and made TimeBank worse: README "Percentages and
    periods".)"""
    lo = bisect_left(verbs, (start, "", ""))
    hi = bisect_left(verbs, (end, "", ""))
    return any(tag == "MD" and word in modals for _, tag, word in verbs[lo:hi])


def _recurring(text: str, lex: _Lexicon, taken: SpanSet, result: PeriodResult) -> None:
    """Recurring times ("every year", "annually"): periods with no days whose timex is their recurrence."""
    for regex in lex.sets:
        for match in regex.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end) or crosses_paragraph(text, start, end):
                continue
            adverb = match.groupdict().get("adverb") or match.groupdict().get("ly")
            unit = lex.set_adverbs[adverb.lower()] if adverb else match["unit"].lower()
            word = (match.groupdict().get("n") or "").lower()
            n = lex.set_numbers.get(word) or (int(word) if word.isdigit() else 1)
            value = lex.set_units[unit].format(n=n, n3=3 * n, n10=10 * n)
            taken.add(start, end)
            result.periods.append(Period(text=text[start:end], start=start, end=end, first_day=None, last_day=None,
                                         timex=value, relative=False, recurrence=value))
