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


def _cldr_currencies() -> dict[str, dict[str, list[str]]]:
    from xjextract.resources import load_json

    return load_json("currencies.json")["currencies"]


def test_every_iso_currency_reads_by_its_names_symbols_and_code() -> None:
    """Generated from the data file (CLDR via scripts/build_currencies.py): every name, plural, symbol and current
    code of every ISO 4217 currency gives that code, unless the domain layer (money.json) maps the form to
    another currency on purpose (an ambiguity rule) or keeps the code out (not_codes)."""
    from xjextract.money import currency_forms
    from xjextract.resources import load_json

    before, after = currency_forms()
    domain = load_json("money.json")
    overridden = {form for forms in domain["currencies"].values() for form in forms.get("before", []) + forms.get("after", [])}
    not_codes = set(domain["not_codes"])
    checked = set()
    misses = []
    for code, forms in _cldr_currencies().items():
        probes = [f"Trade reached 5 million {name}." for name in forms["names"] if name not in overridden]
        probes += [f"Trade reached {symbol}5 million." for symbol in forms["symbols"] if symbol not in overridden]
        if (forms["names"] or forms["symbols"]) and code not in not_codes and code not in overridden:
            probes += [f"Trade reached 5 million {code}.", f"Trade reached {code} 5 million."]
        for probe in probes:
            got = [(m.amount, m.currency) for m in extract_money(probe, [(0, len(probe))]).money]
            if got != [(5e6, code)]:
                misses.append((probe, got))
        if probes:
            checked.add(code)
    assert not misses, misses[:10]
    assert len(checked) > 150  # every currency CLDR names in English, not a handful


def test_domain_ambiguity_rules_win_over_cldr() -> None:
    from xjextract.money import currency_forms

    before, after = currency_forms()
    assert before["$"] == "USD" and before["¥"] == "CNY" and before["£"] == "GBP" and before["C$"] == "CAD"
    assert after["yuan"] == "CNY" and after["pounds"] == "GBP"


@pytest.mark.parametrize("counted", ["online game players", "consumers", "workers", "travelers", "units shipped"])
def test_a_bare_amount_of_people_counted_is_no_money_of_the_sentence_before(counted: str) -> None:
    text = f"Game revenue rose to 31.2 billion yuan. By June, {counted} numbered about 520 million."
    sentences = [(s.start, s.end) for s in segment_sentences(text, [(0, len(text))])]
    found = extract_money(text, sentences)
    assert [m.text for m in found.money] == ["31.2 billion yuan"]


def test_a_bare_amount_of_goods_still_takes_the_currency_of_the_sentence_before() -> None:
    text = "Exports rose to 9.4 billion yuan. Imports reached 3.3 billion."
    sentences = [(s.start, s.end) for s in segment_sentences(text, [(0, len(text))])]
    assert [(m.text, m.currency) for m in extract_money(text, sentences).money] == [
        ("9.4 billion yuan", "CNY"), ("3.3 billion", "CNY")]


def test_a_currency_named_after_the_bracketed_equivalent_is_the_source_amounts() -> None:
    # "1.2 trillion ($170 billion) yuan": a layout slip of the press; the yuan amount ends at its scale word
    text = "Imports of chips reached 1.2 trillion ($170 billion) yuan in the period."
    found = extract_money(text, [(0, len(text))])
    assert [(m.text, m.amount, m.currency) for m in found.money] == [
        ("1.2 trillion", 1.2e12, "CNY"), ("$170 billion", 1.7e11, "USD")]
    assert [(c.source, c.target) for c in found.conversions] == [(0, 1)]
    text = "Sales were 5 billion (up 3 percent) in all."  # a bracket without a currency after it names none
    assert extract_money(text, [(0, len(text))]).money == []
