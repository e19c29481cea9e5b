from __future__ import annotations

from datetime import date

import pytest
from conftest import CORPUS

from xjextract.fx import RATE_TOLERANCE, apply_reference_rates, reference_rate
from xjextract.money import extract_money
from xjextract.pipeline import extract_article, read_article
from xjextract.schema import Period


def test_weekend_uses_the_last_known_rate() -> None:
    friday, saturday, sunday = date(2024, 2, 2), date(2024, 2, 3), date(2024, 2, 4)
    assert reference_rate("CNY", "USD", saturday) == reference_rate("CNY", "USD", friday)
    assert reference_rate("CNY", "USD", sunday) == reference_rate("CNY", "USD", friday)


def test_orientation_and_identity() -> None:
    day = date(2024, 7, 18)
    cny_per_usd = reference_rate("CNY", "USD", day)
    usd_per_cny = reference_rate("USD", "CNY", day)
    assert cny_per_usd and usd_per_cny and cny_per_usd * usd_per_cny == pytest.approx(1)
    assert 6.5 < cny_per_usd < 7.5  # the yuan traded between 7.1 and 7.3 per dollar in 2024
    assert reference_rate("CNY", "CNY", day) == 1.0


@pytest.mark.parametrize(
    ("source", "target", "day"),
    [("KZT", "USD", date(2024, 5, 15)), ("RUB", "CNY", date(2024, 5, 15)), ("USD", "CNY", date(1990, 1, 1)),
     ("USD", "CNY", date(2099, 1, 1))],
    ids=["no KZT in the ECB history", "RUB history ends in 2022", "before the history", "long after the history"],
)
def test_no_rate_is_none_not_a_guess(source: str, target: str, day: date) -> None:
    assert reference_rate(source, target, day) is None


def record(stem: str):  # type: ignore[no-untyped-def]
    return extract_article(read_article(CORPUS / f"{stem}.txt"))


def test_seed_000_amounts_have_usd_and_conversions_fit_the_publication_date() -> None:
    rec = record("000_0e780ba2c3dffdc5")
    assert all(m.usd is not None for m in rec.money)
    for m in rec.money:
        if m.currency == "USD":
            assert m.usd == m.amount
    assert len(rec.conversions) == 3
    for conv in rec.conversions:
        src, tgt = rec.money[conv.source], rec.money[conv.target]
        assert (src.currency, tgt.currency) == ("CNY", "USD")
        assert conv.implied_rate == pytest.approx(src.amount / tgt.amount)
        # the article states 200/27.56 = 7.2569 etc.: the market rate of its day, to rounding
        assert abs(conv.deviation) < 0.001 and conv.reference_basis == "publication"
        assert src.usd == pytest.approx(tgt.amount, rel=0.002)
    assert rec.warnings == []


def test_seed_003_converts_at_the_end_of_the_period_it_reports() -> None:
    rec = record("003_d62f2ae918e7ea18")
    (conv,) = rec.conversions
    assert conv.implied_rate == pytest.approx(83.68 / 11.78)
    # Without periods, the publication date is the only candidate: about 1% off, within tolerance.
    text = rec.text
    sentence = next((s.start, s.end) for s in rec.sentences if s.start <= rec.money[0].start < s.end)
    alone = apply_reference_rates(rec.money, [conv], date(2024, 2, 2), [], [sentence])
    assert alone.conversions[0].reference_basis == "publication"
    assert -0.015 < alone.conversions[0].deviation < -0.005
    # With "last year" (2023) in the sentence, the end of 2023 fits best, to within 0.1%.
    at = text.index("last year", sentence[0])
    last_year = Period(text="last year", start=at, end=at + 9, first_day=date(2023, 1, 1),
                       last_day=date(2023, 12, 31), timex="2023", relative=True)
    fitted = apply_reference_rates(rec.money, [conv], date(2024, 2, 2), [last_year], [sentence])
    best = fitted.conversions[0]
    assert (best.reference_basis, best.reference_date) == ("period_end", date(2023, 12, 31))
    assert abs(best.deviation) < 0.001
    assert fitted.warnings == []


def test_a_conversion_off_every_candidate_is_warned() -> None:
    text = "Trade reached 200 billion yuan (about 20 billion U.S. dollars) last year."
    found = extract_money(text, [(0, len(text))])
    result = apply_reference_rates(found.money, found.conversions, date(2024, 7, 18), [], [(0, len(text))])
    assert result.conversions[0].deviation == pytest.approx(10 / reference_rate("CNY", "USD", date(2024, 7, 18)) - 1)
    (warning,) = result.warnings
    assert "'200 billion yuan' = '20 billion U.S. dollars'" in warning and "off the closest reference rate" in warning


def test_rounding_of_short_figures_widens_the_tolerance() -> None:
    # 1.4 has two digits: up to 3.6% rounding; the stated rate is ~1.7% off the day's rate, so no warning.
    text = "Exports were valued at $1.4 billion (10 billion yuan) last year."
    found = extract_money(text, [(0, len(text))])
    result = apply_reference_rates(found.money, found.conversions, date(2024, 12, 5), [], [(0, len(text))])
    assert abs(result.conversions[0].deviation) > 0.01 and result.warnings == []
    assert RATE_TOLERANCE == 0.02


def test_missing_rates_and_missing_dates_are_warned() -> None:
    text = "Settlements reached 42.6 billion tenge (about 680 million yuan)."
    found = extract_money(text, [(0, len(text))])
    result = apply_reference_rates(found.money, found.conversions, date(2024, 5, 15), [], [(0, len(text))])
    assert result.money[0].usd is None and result.money[1].usd is not None
    assert result.conversions[0].reference_rate is None and result.conversions[0].implied_rate == pytest.approx(42.6 / 0.68)
    assert any("no reference rate for KZT" in w for w in result.warnings)
    undated = apply_reference_rates(found.money, found.conversions, None, [], [(0, len(text))])
    assert all(m.usd is None for m in undated.money) and "no publication date" in undated.warnings[0]


def test_no_corpus_conversion_is_flagged(corpus_records) -> None:  # type: ignore[no-untyped-def]
    """Every conversion in the corpus is within tolerance of some candidate date (measured, see fx.py)."""
    flagged = [w for _, r in corpus_records.values() for w in r.warnings if "off the closest" in w]
    assert flagged == []
