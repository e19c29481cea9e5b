from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

from xjextract.percentages import extract_percentages
from xjextract.segment import segment_sentences

CASES = load_cases("percentages.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_percentage_case(case: dict[str, Any]) -> None:
    text = case["text"]
    sentences = [(s.start, s.end) for s in segment_sentences(text, [(0, len(text))])]
    got = [[p.text, p.value, p.unit, p.kind, p.direction, p.basis] for p in extract_percentages(text, sentences)]
    assert got == [[t, float(v), u, k, d, b] for t, v, u, k, d, b in case["expected"]]
