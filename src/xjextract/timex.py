"""TIMEX3 values from calendar stretches: one rule, used by the period stage and by the gold validator.

The value is that of the coarsest unit that tiles ``first..last`` exactly (year > half > quarter > month >
day), a decade or an ISO week being its own unit; a stretch of several units is an ISO 8601 interval of its first and last unit.

>>> timex_for(date(2024, 1, 1), date(2024, 6, 30)), timex_for(date(2024, 1, 1), date(2024, 9, 30))
('2024-H1', '2024-Q1/2024-Q3')
>>> timex_for(date(2023, 1, 1), date(2025, 12, 31)), timex_for(date(2024, 3, 1), date(2024, 7, 18))
('2023/2025', '2024-03-01/2024-07-18')
>>> timex_for(date(1990, 1, 1), date(1999, 12, 31)), timex_for(date(2024, 1, 29), date(2024, 2, 4))
('199', '2024-W05')
>>> timex_for(date(14, 1, 1), date(14, 12, 31))  # four digits, as TIMEX3 writes them
'0014'
"""

from __future__ import annotations

import calendar
from datetime import date


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _units(first: date, last: date) -> tuple[str, str] | None:
    """The first and last unit labels of the coarsest exact tiling, or None if only days tile it."""
    if first.day != 1 or last != _month_end(last.year, last.month):
        return None
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if first.month == 1 and last.month == 12:
        return f"{first.year:04d}", f"{last.year:04d}"
    # Halves and quarters only within one year: "2023-H2/2024-H1" is legal ISO but no one writes it.
    if first.year == last.year:
        if (first.month - 1) % 6 == 0 and months % 6 == 0:
            return f"{first.year:04d}-H{(first.month - 1) // 6 + 1}", f"{last.year:04d}-H{(last.month - 1) // 6 + 1}"
        if (first.month - 1) % 3 == 0 and months % 3 == 0:
            return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}", f"{last.year:04d}-Q{(last.month - 1) // 3 + 1}"
    return f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"


def _week_or_decade(first: date, last: date) -> str | None:
    """``1990s`` -> ``199``; an ISO week (Monday to Sunday) -> ``2024-W05``; else None."""
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year % 10 == 0 \
            and last.year == first.year + 9:
        return f"{first.year // 10:03d}"
    if first.isoweekday() == 1 and (last - first).days == 6:
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    return None


def timex_for(first: date, last: date) -> str:
    """The TIMEX3 value (or ISO 8601 interval) of the inclusive stretch ``first..last``.

    Raises:
        ValueError: ``last`` is before ``first``.
    """
    if last < first:
        raise ValueError(f"{last} is before {first}")
    special = _week_or_decade(first, last)
    if special is not None:
        return special
    units = _units(first, last)
    if units is None:
        return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    start, end = units
    return start if start == end else f"{start}/{end}"
