"""Reference exchange rates: the ECB history that ships inside currencyconverter (no network), used to fill
``usd`` on every amount and to check every stated conversion.

Articles often convert with an earlier rate than the publication date's (seed 003 converts last year's
total at the end-of-2023 rate), so each conversion is checked against several candidate dates: the
publication date and the last day of every period named in the amount's sentence. The best fit is
reported; a warning is raised only when no candidate is within tolerance.

>>> round(reference_rate("CNY", "USD", date(2024, 7, 18)), 4)
7.2577
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from currency_converter import CurrencyConverter, RateNotFoundError

from .schema import Conversion, Money, Period
from .spans import Locator

#: Beyond rounding, a stated rate may differ from the ECB cross rate by the spread between the PBOC central
#: parity (which Chinese media often use) and the market rate: up to about 1.6% in 2023-2025 (the corpus'
#: worst best-fit conversion is 1.7% off: python benchmarks/conversions.py). 2% covers it without hiding a
#: wrong figure or a wrong currency.
RATE_TOLERANCE = 0.02
#: A date this many days past the end of the shipped rate history still uses its last rate; later ones get none.
MAX_STALE_DAYS = 7
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@cache
def _converter() -> CurrencyConverter:
    """The ECB rate table, parsed once per process (about 0.4 s)."""
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known")


def reference_rate(source: str, target: str, day: date) -> float | None:
    """Units of ``source`` per one unit of ``target`` on ``day`` (the last known rate over weekends and
    holidays), or None when the history has no rate for either currency then.

    >>> reference_rate("KZT", "USD", date(2024, 1, 5)) is None
    True
    """
    if source == target:
        return 1.0
    converter = _converter()
    last = date.max
    for code in (source, target):
        if code == "EUR":  # the table's base currency has no bounds of its own
            continue
        bounds = converter.bounds.get(code)
        if bounds is None or day < bounds.first_date or day > bounds.last_date + timedelta(days=MAX_STALE_DAYS):
            return None
        last = min(last, bounds.last_date)
    try:
        return float(converter.convert(1, target, source, date=min(day, last)))
    except (RateNotFoundError, ValueError):
        return None


def _rounding(text: str) -> float:
    """The relative rounding error a stated figure may carry: half a unit of its last printed digit."""
    match = _NUMBER.search(text)
    if not match:
        return 0.0
    value = float(match.group(0).replace(",", ""))
    decimals = len(match.group(1) or "")
    return 0.5 * 10 ** (-decimals) / value if value else 0.0


@dataclass
class FxResult:
    """Amounts with ``usd``, conversions with their reference rate, and warnings."""

    money: list[Money]
    conversions: list[Conversion]
    warnings: list[str] = field(default_factory=list)


def apply_reference_rates(
    money: list[Money],
    conversions: list[Conversion],
    publication: date | None,
    periods: list[Period],
    sentences: list[tuple[int, int]],
) -> FxResult:
    """Fill ``usd`` on every amount (rate of the publication date) and check every stated conversion.

    Args:
        money: the amounts, in text order.
        conversions: stated conversions indexing ``money``.
        publication: the publication date; None leaves every rate empty (with a warning).
        periods: periods of the article; the last day of those in an amount's sentence is a candidate date.
        sentences: ``(start, end)`` of each sentence.

    Returns:
        New money and conversion lists, and warnings (missing rates, conversions off every candidate).
    """
    warnings: list[str] = []
    if publication is None:
        if money:
            warnings.append("no publication date: amounts have no usd value and conversions no reference rate")
        return FxResult(list(money), list(conversions), warnings)
    missing: set[str] = set()
    priced = []
    for item in money:
        rate = reference_rate(item.currency, "USD", publication)
        if rate is None:
            missing.add(item.currency)
        priced.append(item.model_copy(update={"usd": item.amount / rate if rate else None}))
    locator = Locator(sentences)
    ends_by_sentence: dict[int, list[date]] = {}  # last days of the periods of each sentence
    for period in periods:
        index = locator.index(period.start)
        if period.last_day and period.last_day <= publication and index is not None:
            ends_by_sentence.setdefault(index, []).append(period.last_day)
    checked = []
    for conv in conversions:
        index = locator.index(priced[conv.source].start)
        ends = ends_by_sentence.get(index, []) if index is not None else []
        checked.append(_check(conv, priced, publication, ends, warnings, missing))
    warnings += [f"no reference rate for {code} on {publication}: its amounts have no usd value"
                 for code in sorted(missing)]
    return FxResult(priced, checked, warnings)


def _check(
    conv: Conversion,
    money: list[Money],
    publication: date,
    period_ends: list[date],
    warnings: list[str],
    missing: set[str],
) -> Conversion:
    """The conversion with the reference rate of the candidate date that fits its implied rate best
    (``period_ends``: the last days, up to publication, of the periods in the source amount's sentence)."""
    source, target = money[conv.source], money[conv.target]
    if source.amount <= 0 or target.amount <= 0:
        return conv  # "about 0 U.S. dollars" states no rate
    implied = source.amount / target.amount
    candidates = [("publication", publication)] + [("period_end", day) for day in period_ends]
    fits = []
    for basis, day in candidates:
        rate = reference_rate(source.currency, target.currency, day)
        if rate:
            fits.append((abs(implied / rate - 1), basis, day, rate))
    if not fits:
        missing.update(c for c in (source.currency, target.currency) if reference_rate(c, "USD", publication) is None)
        return conv.model_copy(update={"implied_rate": implied})
    off, basis, day, rate = min(fits, key=lambda f: (f[0], f[1] != "publication"))
    tolerance = RATE_TOLERANCE + _rounding(source.text) + _rounding(target.text)
    if off > tolerance:
        warnings.append(
            f"stated conversion {source.text!r} = {target.text!r} implies {implied:.4f} {source.currency}/"
            f"{target.currency}, {100 * off:.1f}% off the closest reference rate ({rate:.4f} on {day}, {basis}); "
            f"tolerance {100 * tolerance:.1f}%"
        )
    return conv.model_copy(update={
        "implied_rate": implied, "reference_rate": rate, "deviation": implied / rate - 1,
        "reference_date": day, "reference_basis": basis,
    })
