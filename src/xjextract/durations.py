"""Durations: stretches of time given by their length ("three years", "nine consecutive quarters", "a five-year
plan"), valued as ISO 8601 durations (``P3Y``, ``P27M``), by rules over ``data/<lang>/durations.json``.

What a period names ("the past five years", "first six months") is not a duration: the period stage's spans
are excluded. See gold/README.md "Durations".

>>> [(d.text, d.value) for d in extract_durations("It took three years and nine consecutive quarters, plus half a day.")]
[('three years', 'P3Y'), ('nine consecutive quarters', 'P27M'), ('half a day', 'PT12H')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .resources import load_json
from .schema import Duration
from .spans import SpanSet, crosses_paragraph, glued

_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class _Lexicon:
    noun: re.Pattern[str]  # "three years", "nine consecutive quarters", "half a day"
    adjective: re.Pattern[str]  # "a five-year plan", "10-day"
    units: dict[str, tuple[str, int, bool]]
    plurals: dict[str, str]
    numbers: dict[str, int]
    fractions: dict[str, float]
    article_needs: re.Pattern[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    range_start: re.Pattern[str]  # "seven to " before "eight days": the first end of a range


@cache
def _lexicon(language: str) -> _Lexicon:
    data = load_json("durations.json", language)
    units = {u: (spec[0], int(spec[1]), len(spec) > 2 and spec[2] == "time") for u, spec in data["units"].items()}
    unit_words = sorted(list(units) + list(data["plurals"]), key=len, reverse=True)
    words = sorted(data["numbers"], key=len, reverse=True)
    word_number = rf"(?:{'|'.join(words)})(?:[- ](?:{'|'.join(words)}))?"
    fractions = "|".join(re.escape(f) for f in sorted(data["fractions"], key=len, reverse=True))
    between = "|".join(data["consecutive"])
    number = rf"(?P<num>{_DIGITS}|{word_number}|an?)"
    noun = (rf"(?i:(?<![\w.,$-])(?:(?P<frac>{fractions})\s+|{number}\s+(?:(?:{between})\s+)?)"
            rf"(?P<unit>{'|'.join(unit_words)}))(?![\w-])")
    adjective = (rf"(?<![\w.,$-])(?P<num>{_DIGITS}|(?i:{word_number}|single))-(?:(?:{between})-)?"
                 rf"(?P<unit>{'|'.join(units)})(?:-long)?(?![\w-])")
    return _Lexicon(
        noun=re.compile(noun),
        adjective=re.compile(adjective),
        units=units,
        plurals=data["plurals"],
        numbers=data["numbers"],
        fractions=data["fractions"],
        article_needs=re.compile(rf"(?i:\b(?:{'|'.join(data['article_needs'])})\s+$)"),
        not_after=re.compile(rf"(?i:\s*(?:{'|'.join(data['not_after'])})\b|-old\b)"),
        not_before=re.compile(rf"(?i:\b(?:{'|'.join(data['not_before'])})\s+$)"),
        range_start=re.compile(rf"(?i:(?<![\w.,$-])(?P<num>{_DIGITS}|{word_number})\s*(?:to|or|-|–)\s*$)"),
    )


def _number(text: str, lex: _Lexicon) -> Decimal | None:
    low = text.lower()
    if low in ("a", "an", "single"):
        return Decimal(1)
    if re.fullmatch(_DIGITS, low):
        return Decimal(low.replace(",", ""))
    total = 0
    for word in re.split(r"[- ]", low):
        if word not in lex.numbers:
            return None
        value = lex.numbers[word]
        total = total * value if value == 100 else total + value
    return Decimal(total)


def iso_duration(amount: Decimal, unit: str, lex: _Lexicon) -> str:
    """``P3Y``, ``P27M`` (nine quarters), ``PT8H``, ``PT12H`` (half a day)."""
    designator, multiple, time = lex.units[unit]
    value = amount * multiple
    if value < 1 and designator == "Y" and (value * 12) == (value * 12).to_integral_value():
        value, designator = value * 12, "M"  # half a year: P6M (one and a half years stays P1.5Y)
    if unit == "day" and value != value.to_integral_value():  # half a day: in hours
        value, designator, time = value * 24, "H", True
    text = format(value.normalize(), "f")
    return f"PT{text}{designator}" if time or designator == "H" else f"P{text}{designator}"


def extract_durations(text: str, exclude: list[tuple[int, int]] | None = None, language: str = "en") -> list[Duration]:
    """Every duration in ``text``, in text order, none overlapping ``exclude`` (periods, amounts).

    >>> [(d.text, d.value) for d in extract_durations("a 10-day fair over two months, a year earlier")]
    [('10-day', 'P10D'), ('two months', 'P2M')]
    """
    lex = _lexicon(language)
    taken = SpanSet(exclude or [])
    found: list[Duration] = []
    hits = sorted([*lex.noun.finditer(text), *lex.adjective.finditer(text)], key=lambda m: (m.start(), -m.end()))
    for match in hits:
        start, end = match.span()
        if taken.overlaps(start, end) or glued(text, start, end) or crosses_paragraph(text, start, end):
            continue
        before = text[max(0, start - 20) : start]
        if lex.not_before.search(before) or lex.not_after.match(text, end):
            continue
        unit = match["unit"].lower()
        unit = lex.plurals.get(unit, unit)
        if match.groupdict().get("frac"):
            amount = Decimal(str(lex.fractions[match["frac"].lower()]))
        else:
            number = match["num"]
            if number.lower() in ("a", "an") and not lex.article_needs.search(before):
                continue  # "a year earlier", "twice a year", "30 trains a day"
            amount = _number(number, lex)
            if amount is None or amount <= 0:
                continue
            if number[0].isupper() and match.re is lex.adjective:
                continue  # "the Five-Year Plan" is a name
        taken.add(start, end)
        found.append(Duration(text=text[start:end], start=start, end=end, value=iso_duration(amount, unit, lex)))
        if match.re is lex.noun and match.groupdict().get("num"):
            _range_start(text, start, unit, lex, taken, found)
    found.sort(key=lambda d: d.start)
    return found


def _range_start(text: str, start: int, unit: str, lex: _Lexicon, taken: SpanSet, found: list[Duration]) -> None:
    """"seven to eight days": the first number is a duration of the same unit (as money ranges are read)."""
    head = lex.range_start.search(text, max(0, start - 24), start)
    if head is None:
        return
    amount = _number(head["num"], lex)
    first, last = head.span("num")
    if amount is None or amount <= 0 or taken.overlaps(first, last):
        return
    taken.add(first, last)
    found.append(Duration(text=text[first:last], start=first, end=last, value=iso_duration(amount, unit, lex)))
