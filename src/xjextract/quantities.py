"""Non-monetary quantities (tonnes, square km, kilowatts, TEUs, trains, vehicles, "N times"), by rules over
the unit lexicon in ``data/<lang>/quantities.json``.

quantulum3 was measured on this press and reads "U.S. dollars" as atomic mass units and "(...)" as a minus
sign; on the gold quantities it finds 43% of them in 5.5 s (``python benchmarks/quantities.py``), so a closed
unit list read by rules is used.

>>> [(q.text, q.value, q.unit) for q in extract_quantities("It handled 39.338 million tons and 4,691 freight trains.")]
[('39.338 million tons', 39338000.0, 'tonne'), ('4,691', 4691.0, 'train')]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .resources import load_json
from .schema import Quantity
from .spans import SpanSet, crosses_paragraph, glued

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: The word right after a unit form, on its line.
_NEXT_WORD = re.compile(r"[ \t]*(\w+)")
#: A bare four-digit number in this range is a year: "in 2024 and will add flights" has no quantity.
_YEARS = range(1900, 2101)


@dataclass(frozen=True)
class _Lexicon:
    adjacent: re.Pattern[str]
    worded: re.Pattern[str]  # "one million tonnes": a written number with a scale word, then a unit form
    linked: re.Pattern[str]
    units: dict[str, str]
    #: forms of a unit not in the gold list, converted to one that is: "mu" -> hectare, times 1/15
    factors: dict[str, Decimal]
    #: words after a singular unit form that show it is the unit, not a modifier of the next noun ("11 million ton by")
    unit_before: frozenset[str]
    scales: dict[str, int]
    not_between: frozenset[str]
    modifier_forms: frozenset[str]
    multiplier: re.Pattern[str]  # "three times that of": a written number before times/fold
    multiplier_words: dict[str, int]
    count: re.Pattern[str]  # "205 countries and regions", "1.2 million visitors"
    count_not_after: re.Pattern[str]
    count_not_nouns: frozenset[str]
    units_of: dict[str, list[tuple[str, re.Pattern[str]]]]  # "units" of vehicles named before: vehicle
    units_of_window: int
    number_words: dict[str, int]
    range_before: re.Pattern[str]  # "100,000 to " right before a quantity: the first number of its range
    list_before: re.Pattern[str]  # "1.8 billion, 310 million and " right before one: the numbers sharing its unit


@cache
def _lexicon(language: str) -> _Lexicon:
    data = load_json("quantities.json", language)
    money = load_json("money.json", language)
    scales = {k.casefold(): int(v) for k, v in money["scales"].items()}
    number_words = {k.casefold(): int(v) for k, v in money.get("number_words", {}).items()}
    units = {form.casefold(): unit for unit, forms in data["units"].items() for form in forms}
    factors: dict[str, Decimal] = {}
    for form, spec in data.get("converted_forms", {}).items():
        units[form.casefold()] = spec["unit"]
        factors[form.casefold()] = Decimal(spec["numerator"]) / Decimal(spec["denominator"])
    forms = sorted(units, key=len, reverse=True)
    loose = [f for f in forms if f not in {a.casefold() for a in data["adjacent_only"]}]
    scale = f"(?:{'|'.join(sorted(scales, key=len, reverse=True))})"
    alternation = "|".join(re.escape(f) for f in forms)
    number = rf"(?<![\w.,$£€¥/-])(?P<num>{_NUMBER})(?:\s(?P<scale>{scale}))?"
    words = rf"(?:[A-Za-z][\w'’.-]*\s+){{1,{int(data['max_words_between'])}}}"
    return _Lexicon(
        adjacent=re.compile(rf"(?i:{number}(?:\s+|-)(?P<unit>{alternation}))(?![\w-])"),
        worded=re.compile(rf"(?i:(?<![\w-])(?P<word>{'|'.join(sorted(number_words, key=len, reverse=True)) or '(?!)'})"
                          rf"\s(?P<scale>{scale})(?:\s+|-)(?P<unit>{alternation}))(?![\w-])"),
        linked=re.compile(rf"(?i:{number}\s+(?P<between>{words})(?P<unit>{'|'.join(re.escape(f) for f in loose)}))(?![\w-])"),
        units=units,
        factors=factors,
        unit_before=frozenset(w.casefold() for w in data.get("unit_before", [])),
        scales=scales,
        not_between=frozenset(w.casefold() for w in data["not_between"]),
        modifier_forms=frozenset(w.casefold() for w in data["modifier_forms"]),
        multiplier=re.compile(
            rf"(?i:(?<![\w-])(?P<word>{'|'.join(sorted(data.get('multiplier_words', {}), key=len, reverse=True)) or '(?!)'})"
            rf"(?:\s+|-)(?P<unit>times|fold))(?![\w-])(?={data.get('multiplier_needs', '')})"),
        multiplier_words={k.casefold(): int(v) for k, v in data.get("multiplier_words", {}).items()},
        count=_count_regex(data, scale, number_words),
        count_not_after=re.compile(rf"(?i:(?<![\w-])(?:{'|'.join(re.escape(w) for w in data['count_not_after'])})\s+$)"),
        count_not_nouns=frozenset(w.casefold() for w in data["count_not_nouns"]),
        units_of={noun.casefold(): [(unit, re.compile(p, re.IGNORECASE)) for unit, p in spec.items()]
                  for noun, spec in data.get("units_of", {}).items()},
        units_of_window=int(data.get("units_of_window", 0)),
        number_words=number_words,
        range_before=re.compile(rf"(?i:{number})\s*(?:to|-|–)\s*$"),
        list_before=re.compile(rf"(?i:{number})(?:,\s*|,?\s+and\s+)$"),
    )


def _count_regex(data: dict[str, object], scale: str, number_words: dict[str, int]) -> re.Pattern[str]:
    """A number in digits (or a written number with a scale), up to N words, then a plural noun."""
    words = "|".join(sorted(number_words, key=len, reverse=True)) or "(?!)"
    irregular = "|".join(re.escape(w) for w in data["count_irregular"])  # type: ignore[union-attr]
    # lazy: the nearest plural noun ("871,700 visitors came from overseas": visitors, not "overseas" after "from")
    # a word may be quoted ('236 "hard-tech" companies') or a digit and a capital ("23.8 5G service subscribers")
    between = rf"(?:[\"“]?(?:[A-Za-z][\w'’-]*|\d[A-Z](?![\w'’-]))[\"”]?\s+){{0,{int(data['count_max_words_between'])}}}?"  # type: ignore[call-overload]
    return re.compile(
        rf"(?<![\w.,$£€¥/-])(?:(?P<num>{_NUMBER})(?:\s(?P<scale>{scale}))?|(?i:(?P<word>{words}))\s(?P<wscale>{scale}))"
        rf"\s+(?P<between>{between})(?P<noun>[a-z][a-z-]*[a-rt-z]s|{irregular})(?![\w-])")


def _value(number: str, scale: str | None, lex: _Lexicon, form: str | None = None) -> float:
    """The number times its scale word, in the unit of ``form`` (converted when the form is one of another unit)."""
    value = Decimal(number.replace(",", "")) * (lex.scales[scale.casefold()] if scale else 1)
    return float(value * lex.factors.get(form.casefold(), 1) if form else value)


def _modifier(match: re.Match[str], lex: _Lexicon) -> bool:
    """A singular unit form after a number other than one, not hyphenated: it modifies the next noun."""
    hyphenated = match.string[match.start("unit") - 1] == "-"
    value = _value(match["num"], match["scale"], lex)
    if match["unit"].casefold() not in lex.modifier_forms or hyphenated or value == 1:
        return False
    # "output of 11 million ton by the end of 2016", "20 ton per hour", "11 million ton.": nothing follows for it
    # to modify
    following = _NEXT_WORD.match(match.string, match.end("unit"))
    return following is not None and following.group(1).casefold() not in lex.unit_before


def extract_quantities(
    text: str, exclude: list[tuple[int, int]] | None = None, language: str = "en"
) -> list[Quantity]:
    """Quantities of ``text`` with a unit from the lexicon, in text order.

    Args:
        text: the cleaned article body.
        exclude: spans already taken (money, percentages): a number inside one is not a quantity.
        language: the data folder of the lexicon.
    """
    lex = _lexicon(language)
    taken = SpanSet(exclude or [])
    found: list[Quantity] = []
    forms: dict[int, str] = {}  # start -> the unit form a quantity was read with, for the first number of its range
    for match in lex.adjacent.finditer(text):
        value = _value(match["num"], match["scale"], lex, match["unit"])
        if _modifier(match, lex) or not math.isfinite(value) or glued(text, match.start(), match.end()) \
                or crosses_paragraph(text, match.start(), match.end()):
            continue  # (hundreds of digits: no JSON number; "4\u200b8 tonnes": not 8)
        if not taken.overlaps(match.start(), match.end()):
            found.append(Quantity(text=match.group(0), start=match.start(), end=match.end(), value=value,
                                  unit=lex.units[match["unit"].casefold()]))
            forms[match.start()] = match["unit"]
    for match in lex.worded.finditer(text):  # "reduced by one million tonnes"
        value = float(Decimal(lex.number_words[match["word"].casefold()]) * lex.scales[match["scale"].casefold()]
                      * lex.factors.get(match["unit"].casefold(), 1))
        if not taken.overlaps(match.start(), match.end()) and not crosses_paragraph(text, match.start(), match.end()):
            found.append(Quantity(text=match.group(0), start=match.start(), end=match.end(), value=value,
                                  unit=lex.units[match["unit"].casefold()]))
            forms[match.start()] = match["unit"]
    for match in lex.multiplier.finditer(text):
        if not taken.overlaps(match.start(), match.end()):
            found.append(Quantity(text=match.group(0), start=match.start(), end=match.end(),
                                  value=float(lex.multiplier_words[match["word"].casefold()]), unit="times"))
    for q in found:
        taken.add(q.start, q.end)
    for match in lex.linked.finditer(text):
        between = match["between"].split()
        if match["scale"] and [w.casefold() for w in between] == ["of"]:
            between = []  # "40.4 million of tons": the scale's "of"
        year = match["scale"] is None and len(match["num"]) == 4 and match["num"].isdigit() and int(match["num"]) in _YEARS
        if year or _modifier(match, lex) or any(w.casefold().strip(".,") in lex.not_between or w[-1] in ",;:" for w in between):
            continue
        end = match.end("scale") if match["scale"] else match.end("num")
        value = _value(match["num"], match["scale"], lex, match["unit"])
        if taken.overlaps(match.start(), end) or not math.isfinite(value) or glued(text, match.start(), end) \
                or crosses_paragraph(text, match.start(), end):
            continue
        found.append(Quantity(text=text[match.start():end], start=match.start(), end=end,
                              value=value, unit=lex.units[match["unit"].casefold()]))
        forms[match.start()] = match["unit"]
    for q in found:
        taken.add(q.start, q.end)
    found += _ranges(text, found, taken, lex, forms)
    found += _counts(text, taken, lex)
    found += _listed(text, found, taken, lex)
    return sorted(found, key=lambda q: q.start)


#: How far before a quantity the first number of its range may start ("100,000 to 150,000 tons").
_RANGE_WINDOW = 30


def _ranges(text: str, found: list[Quantity], taken: SpanSet, lex: _Lexicon, forms: dict[int, str]) -> list[Quantity]:
    """First numbers of ranges ("100,000 to 150,000 tons", "3 to 4 million tonnes"): a quantity of the second's unit,
    and of its scale word when the first has none (as money's ranges). Never a year ("2006 to 10 million")."""
    out = []
    for q in found:
        if q.unit == "times":
            continue
        match = lex.range_before.search(text, max(0, q.start - _RANGE_WINDOW), q.start)
        if not match or taken.overlaps(match.start(), match.end()) or crosses_paragraph(text, match.start(), q.start):
            continue
        number, scale = match["num"], match["scale"]
        if scale is None and len(number) == 4 and number.isdigit() and int(number) in _YEARS:
            continue
        if scale is None:  # "3 to 4 million tonnes": the range shares the second number's scale word
            scale = next((w for w in q.text.split() if w.casefold() in lex.scales), None)
        end = match.end("scale") if match["scale"] else match.end("num")
        value = _value(number, scale, lex, forms.get(q.start))
        if not math.isfinite(value) or glued(text, match.start(), end):
            continue
        out.append(Quantity(text=text[match.start():end], start=match.start(), end=end, value=value, unit=q.unit))
        taken.add(match.start(), end)
    return out


def _listed(text: str, found: list[Quantity], taken: SpanSet, lex: _Lexicon) -> list[Quantity]:
    """The numbers listed before a quantity that share its unit: "1.8 billion, 310 million and 190 million units",
    "12.5, 8.1 and 4.3 million tonnes" (a number without a scale word takes the last one's, as a range's does).
    Never a year ("in 2017, 2018 and 2019")."""
    out = []
    for q in found:
        if q.unit == "times":
            continue
        scale = next((w for w in q.text.split() if w.casefold() in lex.scales), None)
        head = q.start
        while (match := lex.list_before.search(text, max(0, head - _RANGE_WINDOW), head)) is not None:
            if taken.overlaps(match.start(), match.end()) or crosses_paragraph(text, match.start(), q.start):
                break
            number = match["num"]
            if match["scale"] is None and len(number) == 4 and number.isdigit() and int(number) in _YEARS:
                break
            end = match.end("scale") if match["scale"] else match.end("num")
            value = _value(number, match["scale"] or scale, lex)
            if not math.isfinite(value) or glued(text, match.start(), end):
                break
            out.append(Quantity(text=text[match.start():end], start=match.start(), end=end, value=value, unit=q.unit))
            taken.add(match.start(), end)
            head = match.start()
    return out


def _counts(text: str, taken: SpanSet, lex: _Lexicon) -> list[Quantity]:
    """Counts (unit ``count``): "traded with 205 countries and regions" (span ``205``), "86 companies"; never a
    year, a number after "the"/"top" ("the 10 ASEAN members"), nor one before a time or measure word."""
    out = []
    for match in lex.count.finditer(text):
        noun = match["noun"].casefold()
        between = match["between"].split()
        if noun in lex.count_not_nouns or any(w.casefold() in lex.not_between or w.casefold() in lex.count_not_nouns
                                              or w[-1] in ",;:" for w in between):
            continue
        if match["num"]:
            end = match.end("scale") if match["scale"] else match.end("num")
            year = match["scale"] is None and len(match["num"]) == 4 and match["num"].isdigit() \
                and int(match["num"]) in _YEARS
            value = _value(match["num"], match["scale"], lex)
        else:
            end, year = match.end("wscale"), False
            value = float(lex.number_words[match["word"].casefold()] * lex.scales[match["wscale"].casefold()])
        start = match.start()
        if year or taken.overlaps(start, end) or lex.count_not_after.search(text, max(0, start - 12), start) \
                or not math.isfinite(value) or glued(text, start, end) or crosses_paragraph(text, start, match.end()):
            continue
        unit = "count"
        if noun in lex.units_of:  # "2.6 million units" of the vehicles the paragraph named before
            lo = max(0, start - lex.units_of_window)
            lo = max(lo, text.rfind("\n", lo, start) + 1)
            unit = next((u for u, pattern in lex.units_of[noun] if pattern.search(text, lo, start)), "count")
            if unit != "count" and not between:  # a unit's span holds its noun, as "2,100 trucks" does
                end = match.end("noun")
        out.append(Quantity(text=text[start:end], start=start, end=end, value=value, unit=unit))
    return out
