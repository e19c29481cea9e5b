from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import load_cases

from xjextract.percentages import extract_percentages
from xjextract.periods import extract_periods
from xjextract.segment import segment_sentences

CASES = load_cases("percentages.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_percentage_case(case: dict[str, Any]) -> None:
    text = case["text"]
    sentences = [(s.start, s.end) for s in segment_sentences(text, [(0, len(text))])]
    periods = [(p.start, p.end) for p in extract_periods(text, date(2024, 7, 18), sentences).periods]  # as the pipeline
    got = [[p.text, p.value, p.unit, p.kind, p.direction, p.basis] for p in extract_percentages(text, sentences, periods)]
    assert got == [[t, float(v), u, k, d, b] for t, v, u, k, d, b in case["expected"]]
