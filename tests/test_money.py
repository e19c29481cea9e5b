from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

from xjextract.money import extract_money
from xjextract.segment import segment_sentences

CASES = load_cases("money.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_money_case(case: dict[str, Any]) -> None:
    text = case["text"]
    sentences = [(s.start, s.end) for s in segment_sentences(text, [(0, len(text))])]
    assert len(sentences) == case.get("sentences", len(sentences))
    found = extract_money(text, sentences)
    got = [[m.text, m.amount, m.currency, m.qualifier] for m in found.money]
    assert got == [[t, float(a), c, q] for t, a, c, q in case["expected"]]
    for m in found.money:
        assert text[m.start : m.end] == m.text
    if "conversions" in case:
        assert [[c.source, c.target] for c in found.conversions] == case["conversions"]
        for c in found.conversions:
            assert c.implied_rate == pytest.approx(found.money[c.source].amount / found.money[c.target].amount)


def test_inferred_currency_is_warned() -> None:
    text = "Exports were worth 4.6 billion yuan, while imports reached 2.1 billion."
    found = extract_money(text, [(0, len(text))])
    assert found.money[-1].currency == "CNY"
    assert found.warnings == ["currency of '2.1 billion' (CNY) taken from its context"]
