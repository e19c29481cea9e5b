"""Monetary amounts and the conversions an article states, by rules over a lexicon in ``data/<lang>/money.json``.

Forms: a currency symbol or code before the number ("US$11.58 billion", "RMB 5 million", "USD 27.56 billion"),
a currency name or code after it ("200 billion yuan", "5 million RMB", "2.4 billion som"), written numbers
before a scale word ("two billion yuan"), ranges ("4 to 5 million yuan") and shared units ("280 million and
220 million U.S. dollars") that give the first number the second one's currency, and bare amounts with a
scale word ("reached 2.02 trillion,") that take the one currency of their sentence (or of the nearest
sentence before that names an amount), with a warning.
Qualifiers ("about", "more than", ...) go in ``qualifier``, outside the span. Prices per unit are not money.

>>> found = extract_money("It reached 200 billion yuan (about 27.56 billion U.S. dollars).", [(0, 63)])
>>> [(m.text, m.amount, m.currency, m.qualifier) for m in found.money]
[('200 billion yuan', 200000000000.0, 'CNY', None), ('27.56 billion U.S. dollars', 27560000000.0, 'USD', 'about')]
>>> [(c.source, c.target, round(c.implied_rate, 4)) for c in found.conversions]
[(0, 1, 7.2569)]
"""

from __future__ import annotations

import math
import unicodedata
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from .resources import load_json
from .schema import Conversion, Money
from .spans import SpanSet, crosses_paragraph, glued

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: Between the two amounts of a range ("$5,000 to $6,500", "4-5 million yuan", "280 million and 220 million").
_RANGE_JOINT = re.compile(r"\s*(?:to|-|–|and)\s*")
#: Four-digit numbers in this range without a scale word are years, never the first number of a range.
_YEARS = range(1900, 2101)
#: How far before an amount the first number of a range may start ("1.25 trillion to 1.5 trillion yuan"):
#: the search is bounded so that a sentence of many amounts stays linear.
_RANGE_WINDOW = 64


def _alternation(forms: list[str]) -> str:
    """A regex alternation, longest form first; a form with a capital letter ("RMB", "Rs", "U.S. dollars")
    matches as written, a lower-case one ("yuan") in any case. A dollar prefix ("C$", "HK$", "USD$") also
    reads in any case and with a space before its sign ("c $ 16.4 million", the tokenized form)."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        if re.fullmatch(r"[A-Za-z]{2,4}\$", form):
            parts.append(rf"(?i:{re.escape(form[:-1])})\s?\$")
        elif re.fullmatch(r"[A-Z]\$", form):  # "C$", "A$": capital only, or "a $48.2 million" would be AUD
            parts.append(rf"{form[0]}\s?\$")
        else:
            escaped = re.escape(form)
            parts.append(f"(?i:{escaped})" if form.islower() else escaped)
    return "|".join(parts)


def _is_symbol(form: str) -> bool:
    """A currency sign ("€", "HK$") or a form in another script ("元"): read glued to the number or after it,
    with or without a space, unlike a Latin word ("yuan") that needs one."""
    return any(unicodedata.category(c) == "Sc" for c in form) or not any("a" <= c.lower() <= "z" for c in form)


@dataclass(frozen=True)
class _Lexicon:
    prefixed: re.Pattern[str]
    suffixed: re.Pattern[str]
    symbol_after: re.Pattern[str]  # "5 €", "100₾", "10 $": a currency sign after the number
    bare: re.Pattern[str]
    count_nouns: re.Pattern[str]
    before_range: re.Pattern[str]
    qualifier: re.Pattern[str]
    per_unit: re.Pattern[str]
    per_unit_before: re.Pattern[str]
    links: tuple[re.Pattern[str], ...]
    before: dict[str, str]
    after: dict[str, str]
    scales: dict[str, int]
    words: dict[str, Decimal]
    not_qualifier_after: dict[str, frozenset[str]]
    needs_scale: frozenset[str]
    repeated_name: re.Pattern[str]  # "$310.86 dollars": the currency named again after a prefixed amount
    # "1.5 trillion ($219 billion) yuan": the currency named after the equivalent in brackets
    split: re.Pattern[str]


def currency_forms(language: str = "en") -> tuple[dict[str, str], dict[str, str]]:
    """``(before, after)``: every surface form of every ISO 4217 currency and its code. CLDR's names and symbols
    (currencies.json, generated) and the current codes, with money.json's forms and ambiguity rules on top."""
    data = load_json("money.json", language)
    cldr = load_json("currencies.json", language)["currencies"]
    not_codes = set(data.get("not_codes", []))
    any_case = set(data.get("codes_any_case", []))
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for code, forms in cldr.items():
        for symbol in forms["symbols"]:
            before.setdefault(symbol, code)
            after.setdefault(symbol, code)
        for name in forms["names"]:
            after.setdefault(name, code)
        if (forms["names"] or forms["symbols"]) and code not in not_codes and not re.search(r"\d", code):
            before.setdefault(code, code)
            after.setdefault(code, code)
    for code, forms in data["currencies"].items():  # the domain layer wins
        for form in forms.get("before", []):
            before[form] = code
        for form in forms.get("after", []):
            after[form] = code
    for code in any_case:
        before[code] = before.get(code.upper(), code.upper())
        after[code] = after.get(code.upper(), code.upper())
    return before, after


@cache
def _lexicon(language: str) -> _Lexicon:
    """Compile the money lexicon of one language once."""
    data = load_json("money.json", language)
    vocab = load_json("vocabulary.json", language)
    before_forms, after_forms = currency_forms(language)
    before = {_key(f): c for f, c in before_forms.items()}
    after = {_key(f): c for f, c in after_forms.items()}
    scales = {k.casefold(): int(v) for k, v in data["scales"].items()}
    glued = {k.casefold(): int(v) for k, v in data.get("glued_scales", {}).items()}
    words = {k.casefold(): Decimal(str(v)) for k, v in data["number_words"].items()}
    scale_words = f"(?i:{'|'.join(sorted(scales, key=len, reverse=True))})(?![\\w])"
    scale = rf"(?:{scale_words}|(?<=\d)(?i:[{''.join(glued)}])(?![\w]))"
    all_scales = {**glued, **scales}
    names = [f for f in after_forms if not _is_symbol(f)]
    symbols = [f for f in set(before_forms) | set(after_forms) if _is_symbol(f)]
    word_number = (f"(?i:{'|'.join(sorted((w for w in words if w != 'a'), key=len, reverse=True))})"
                   f"(?=\\s+{scale_words}|-(?:{_alternation(names)})(?![\\w]))")
    number = f"(?:{_NUMBER}|{word_number})"
    grouped = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?)"  # "10 000 dollars": SI-style thousands
    return _Lexicon(
        prefixed=re.compile(
            rf"(?<![\w$])(?P<cur>{_alternation(list(before_forms))})\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{scale}))?(?![\w%])"
        ),
        suffixed=re.compile(
            rf"(?<![\w.,$])(?P<num>{grouped}|{number})(?:[\s-]?(?P<scale>{scale}))?(?:\s+|-)(?P<cur>{_alternation(names)})(?:\s(?P<scale2>{scale_words}))?(?![\w$])"
        ),
        symbol_after=re.compile(
            rf"(?<![\w.,$])(?P<num>{_NUMBER})(?:\s?(?P<scale>{scale_words}))?\s?(?P<cur>{_alternation(symbols)})(?![\w$])"
        ),
        bare=re.compile(
            rf"(?<![\w.,$])(?P<num>{number})\s?(?P<scale>{scale_words})(?=\s*(?:[{re.escape(data['inherit_before'])}]|$))"
        ),
        count_nouns=re.compile(data["count_nouns"], re.IGNORECASE),
        before_range=re.compile(
            rf"(?<![\w.,$])(?P<num>{number})(?:\s?(?P<scale>{scale_words}))?{_RANGE_JOINT.pattern}$"
        ),
        qualifier=re.compile(rf"(?i:(?<![\w])(?P<q>{'|'.join(sorted(vocab['qualifiers'], key=len, reverse=True))})\s+)$"),
        per_unit=re.compile(rf"\s*\)?\s*(?:per|a|an|each|/)\s*(?:{_alternation(data['per_unit'])})(?![\w])"),
        # "earnings per share at 0.34 yuan": the unit named before the amount
        per_unit_before=re.compile(data["per_unit_before"].replace("{UNITS}", _alternation(data["per_unit"]))),
        links=tuple(re.compile(link + "$") for link in data["conversion_links"]),
        before=before,
        after=after,
        scales=all_scales,
        words=words,
        not_qualifier_after={k: frozenset(v) for k, v in data["not_qualifier_after"].items()},
        needs_scale=frozenset(w.casefold() for w in data.get("needs_scale", [])),
        repeated_name=re.compile(rf"\s+(?P<cur>{_alternation(names)})(?![\w$])"),
        split=re.compile(
            rf"(?<![\w.,$])(?P<num>{number})[\s-]?(?P<scale>{scale_words})\s*\((?=[^()\n]*\d)[^()\n]{{1,60}}\)\s*(?P<cur>{_alternation(names)})(?![\w$])"
        ),
    )


def _key(form: str) -> str:
    """How a matched currency form is looked up: as written for forms with capitals, else lower-cased; the
    space of a tokenized dollar prefix ("c $") dropped."""
    form = re.sub(r"\s+(?=\$)", "", form)
    return form if not form.islower() and not re.fullmatch(r"[A-Za-z]{2,4}\$", form) else form.casefold()


def _code(table: dict[str, str], form: str) -> str | None:
    """The code of a matched form, or None when this table has no such form (a symbol matched by the pattern of
    the other side)."""
    key = _key(form)
    return table.get(key) or table.get(key.casefold()) or next(
        (code for k, code in table.items() if k.casefold() == key.casefold()), None)


@dataclass
class MoneyResult:
    """What :func:`extract_money` returns."""

    money: list[Money] = field(default_factory=list)
    conversions: list[Conversion] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _value(number: str, scale: str | None, lex: _Lexicon) -> float:
    """The amount in units, computed in decimal so that 27.56 billion is exactly 27560000000."""
    key = number.casefold()
    base = lex.words[key] if key in lex.words else Decimal(re.sub(r"[,\s\u00a0\u202f]", "", number))
    return float(base * (lex.scales[scale.casefold()] if scale else 1))


def _qualifier(text: str, start: int, lex: _Lexicon) -> tuple[str | None, int]:
    """The qualifier right before ``start`` (lower-cased) and where it starts."""
    match = lex.qualifier.search(text, max(0, start - 30), start)
    if not match:
        return None, start
    word = match.group("q").lower()
    before = text[max(0, match.start() - 20) : match.start()].split()
    if before and before[-1].lower() in lex.not_qualifier_after.get(word, ()):
        return None, start
    return word, match.start()


def _item(text: str, start: int, end: int, amount: float, currency: str, lex: _Lexicon) -> Money:
    qualifier, _ = _qualifier(text, start, lex)
    return Money(text=text[start:end], start=start, end=end, amount=amount, currency=currency, qualifier=qualifier)


def extract_money(text: str, sentences: list[tuple[int, int]], language: str = "en") -> MoneyResult:
    """Every monetary amount of ``text``, and the conversions stated between them.

    Args:
        text: the cleaned article body.
        sentences: ``(start, end)`` of each sentence; amounts and conversions never cross them.
        language: the data folder of the lexicon.

    Returns:
        Money items in text order (``usd`` not yet filled: see :mod:`xjextract.fx`), conversions with
        ``implied_rate``, and warnings for currencies inferred from context.
    """
    lex = _lexicon(language)
    result = MoneyResult()
    context: set[str] = set()  # the currencies of the last sentence that named an amount
    for s_start, s_end in sentences:
        found: list[Money] = []
        taken = SpanSet()
        candidates = [(m.start(), -m.end(), lex.before, m) for m in lex.prefixed.finditer(text, s_start, s_end)]
        candidates += [(m.start(), -m.end(), lex.after, m) for m in lex.suffixed.finditer(text, s_start, s_end)]
        candidates += [(m.start(), -m.end(), lex.before, m) for m in lex.symbol_after.finditer(text, s_start, s_end)]
        candidates += [(m.start(), -m.end(), lex.after, m) for m in lex.split.finditer(text, s_start, s_end)]
        # Earliest first, then longest: "10 $ 30 $" is 10 and 30 dollars, not "$ 30".
        for _, _, table, match in sorted(candidates, key=lambda c: (c[0], c[1])):
            if taken.overlaps(match.start(), match.end()):
                continue
            currency = _code(table, match.group("cur"))
            if currency is None:
                continue
            scale = match["scale"] or match.groupdict().get("scale2")  # "75 USD million"
            if scale is None and match.group("cur").casefold() in lex.needs_scale:
                continue  # "a twenty-pound bag" weighs
            if re.match(r"0\d", match["num"]):
                continue  # "000 dollars", the tail of "10 000 dollars": not a number of its own
            amount = _value(match["num"], scale, lex)
            # the amount of "1.5 trillion ($219 billion) yuan" ends at its scale word; its equivalent is read next
            end = match.end("scale") if match.re is lex.split else match.end()
            again = lex.repeated_name.match(text, end) if table is lex.before else None
            if again and _code(lex.after, again["cur"]) == currency:
                end = again.end()  # "$310.86 dollars": one amount, its currency written twice
            found.append(_item(text, match.start(), end, amount, currency, lex))
            taken.add(match.start(), end)
        # "2,798.4 yuan (about 394 U.S. dollars) per tonne": a price stated in two currencies is still a price
        priced = {m.start for m in found if lex.per_unit.match(text, m.end, s_end)
                  or lex.per_unit_before.search(text, max(s_start, m.start - 40), m.start)}
        for i, j in _conversion_pairs(text, found, lex):
            if found[j].start in priced:  # the equivalent in brackets is followed by the unit: so is its source
                priced.add(found[i].start)
        for low, high in zip(found[-2::-1], found[::-1]):  # "$5,000 to $6,500 per ton": the range's low end too
            if high.start in priced and _RANGE_JOINT.fullmatch(text, low.end, high.start):
                priced.add(low.start)
        found = [m for m in found if m.start not in priced]
        found = sorted(found + _ranges(text, found, s_start, lex), key=lambda m: m.start)
        # The currencies the sentence reports in: a stated equivalent ("(about 27.56 billion U.S. dollars)")
        # does not count. A sentence that names none takes those of the last sentence that did.
        targets = {j for _, j in _conversion_pairs(text, found, lex)}
        own = {m.currency for k, m in enumerate(found) if k not in targets}
        reported = own or context
        context = reported
        # A sentence that names no currency of its own and counts things ("The number of packages ... hitting 8
        # billion") gives its bare amounts no currency from the sentence before: they are counts.
        if own or not lex.count_nouns.search(text, s_start, s_end):
            found = sorted(found + _inherited(text, found, reported, s_start, s_end, lex, result.warnings),
                           key=lambda m: m.start)
        found = [m for m in _representable(found, result.warnings) if not glued(text, m.start, m.end)
                 and not crosses_paragraph(text, m.start, m.end)]
        offset = len(result.money)
        result.conversions += [
            Conversion(source=offset + i, target=offset + j, implied_rate=found[i].amount / found[j].amount)
            for i, j in _conversion_pairs(text, found, lex)
            if found[i].amount > 0 and found[j].amount > 0  # "about 0 U.S. dollars" states no rate
        ]
        result.money += found
    return result


def _representable(found: list[Money], warnings: list[str]) -> list[Money]:
    """Amounts a JSON number can hold: a 400-digit figure becomes infinity in floating point and is dropped
    with a warning rather than written as an invalid record."""
    kept = []
    for money in found:
        if math.isfinite(money.amount):
            kept.append(money)
        else:
            warnings.append(f"amount {money.text[:40]!r}... is too large to represent: dropped")
    return kept


def _ranges(text: str, found: list[Money], s_start: int, lex: _Lexicon) -> list[Money]:
    """First numbers of ranges and shared units: "4 to 5 million yuan", "280 million and 220 million dollars"."""
    extra = []
    taken = SpanSet((m.start, m.end) for m in found)
    for money in found:
        _, head = _qualifier(text, money.start, lex)
        match = lex.before_range.search(text, max(s_start, head - _RANGE_WINDOW), head)
        if not match or taken.overlaps(match.start(), match.end()):
            continue
        number, scale = match["num"], match["scale"]
        if scale is None and len(number) == 4 and number.isdigit() and int(number) in _YEARS:
            continue
        if scale is None:  # "4 to 5 million yuan": the range shares the second number's scale word
            scale = next((w for w in money.text.split() if w.casefold() in lex.scales), None)
        end = match.end("scale") if match["scale"] else match.end("num")
        extra.append(_item(text, match.start("num"), end, _value(number, scale, lex), money.currency, lex))
    return extra


def _inherited(
    text: str, found: list[Money], currencies: set[str], s_start: int, s_end: int, lex: _Lexicon,
    warnings: list[str],
) -> list[Money]:
    """Bare amounts with a scale word that take the one currency of their sentence (or, when it names none,
    of the nearest sentence before it that names an amount)."""
    if len(currencies) != 1:
        return []
    (currency,) = currencies
    extra = []
    taken = SpanSet((m.start, m.end) for m in found)
    for match in lex.bare.finditer(text, s_start, s_end):
        if taken.overlaps(match.start(), match.end()):
            continue
        extra.append(_item(text, match.start(), match.end(), _value(match["num"], match["scale"], lex), currency, lex))
        warnings.append(f"currency of {match.group(0)!r} ({currency}) taken from its context")
    return extra


def _conversion_pairs(text: str, found: list[Money], lex: _Lexicon) -> list[tuple[int, int]]:
    """Neighbouring amounts in different currencies joined like "X (about Y)" or "X, or Y,"."""
    pairs = []
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        if first.currency == second.currency:
            continue
        _, head = _qualifier(text, second.start, lex)
        between = text[first.end : head]
        if any(link.match(between) for link in lex.links):
            pairs.append((i, i + 1))
    return pairs
