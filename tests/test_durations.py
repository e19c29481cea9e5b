"""Durations and recurring times (sets) on hand-written cases (tests/cases/durations.json)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import load_cases

from xjextract.durations import extract_durations
from xjextract.periods import extract_periods

CASES = load_cases("durations.json")
DURATIONS = [(i, c) for i, c in CASES if i.startswith("durations")]
SETS = [(i, c) for i, c in CASES if i.startswith("sets")]


@pytest.mark.parametrize("case", [c for _, c in DURATIONS], ids=[i for i, _ in DURATIONS])
def test_duration_case(case: dict[str, Any]) -> None:
    text = case["text"]
    found = extract_durations(text, [tuple(x) for x in case.get("exclude", [])])
    assert [[d.text, d.value] for d in found] == case["expected"]
    assert all(text[d.start : d.end] == d.text for d in found)


@pytest.mark.parametrize("case", [c for _, c in SETS], ids=[i for i, _ in SETS])
def test_set_case(case: dict[str, Any]) -> None:
    result = extract_periods(case["text"], date.fromisoformat(case["published"]))
    sets = [p for p in result.periods if p.recurrence is not None]
    assert [[p.text, p.recurrence] for p in sets] == case["expected"]
    assert all(p.first_day is None and p.last_day is None and p.timex == p.recurrence for p in sets)
    assert not result.warnings  # a recurring time needs no publication date and warns of nothing


def test_a_period_is_never_also_a_duration() -> None:
    from xjextract.pipeline import extract_article

    record = extract_article("Trade\n\nOver the past five years, exports rose in the first six months of 2024.\n",
                             "x", publication=date(2024, 7, 18))
    assert [p.text for p in record.periods] == ["past five years", "first six months of 2024"]
    assert record.durations == []
