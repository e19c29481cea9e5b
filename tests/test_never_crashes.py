"""Every stage's entry function takes any text without raising, and keeps the offset contract.

Each property runs at a few hundred examples in the default run and at 10,000 under the ``slow`` marker
(``make test`` runs both; ``pytest -m "not slow"`` skips the long ones while developing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xjextract.clean import clean_article
from xjextract.entities import canonicalize, extract_entities
from xjextract.fx import apply_reference_rates
from xjextract.money import extract_money
from xjextract.percentages import extract_percentages
from xjextract.periods import extract_periods
from xjextract.pipeline import extract_article
from xjextract.quantities import extract_quantities
from xjextract.readers import ArticleError, decode_article
from xjextract.segment import segment_sentences
from xjextract.settings import Settings

FAST, SLOW = 200, 10_000

#: Pieces of real article text, page furniture, and the characters that broke things before.
FRAGMENTS = st.sampled_from([
    "Next Article", "Enditem", "(Web editor: A, B)", "China", " date 2024-02-02 Title here",
    "2024-07-18 18:36 Last Updated At:19:07", "URUMQI, Feb. 2 (Xinhua) -- Trade grew a lot today.", "Share", "",
    "   ", "Copyright © 2024 CGTN.", "200 billion yuan (about 27.56 billion U.S. dollars)", "up 48.4 percent",
    "in the first half of 2024", "the same period last year", "US$", "$3.45billion", "RMB 5 million", "4 to 5",
    "January-March", "Q1", "last Tuesday", "0 U.S. dollars", "1" + "0" * 40, "Kazakhstan and Kyrgyzstan",
    "Urumqi Customs", "the FTZ", "Jiang Zhidong said", "respectively", "2,000 tonnes", "54.9 times", "(", ")",
    "\u200b", "\u0301", "\u2028", "\u2029", "\u0085", "\r", "\r\n", "\n\n", "\ufeff", ". ", "U.S.", "Feb.",
])
TEXT = st.lists(st.one_of(st.text(max_size=40), FRAGMENTS), max_size=16).map(" ".join)
LINES = st.lists(st.one_of(st.text(max_size=60), FRAGMENTS), max_size=12).map("\n".join)
DAYS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                 st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))


def _both(prop: Callable[..., None], *strategies: Any, deadline: None = None) -> tuple[Any, Any]:
    """The property as a default test and as a ``slow`` one with 10,000 examples."""
    checks = [HealthCheck.too_slow, HealthCheck.data_too_large]
    fast = settings(max_examples=FAST, deadline=deadline, suppress_health_check=checks)(given(*strategies)(prop))
    slow = pytest.mark.slow(settings(max_examples=SLOW, deadline=deadline, suppress_health_check=checks)(
        given(*strategies)(prop)))
    return fast, slow


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))] if text else []


def _assert_spans(text: str, items: list[Any]) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text


def prop_clean(raw: str, publication: date | None) -> None:
    art = clean_article(raw, publication)
    previous = -1
    for p in art.pieces:
        assert art.text[p.start : p.start + p.length] == raw[p.raw_start : p.raw_start + p.length]
        assert p.raw_start >= previous
        previous = p.raw_start + p.length
    for r in art.removed:
        assert 0 <= r.start <= r.end <= len(raw)


def prop_segment(raw: str) -> None:
    art = clean_article(raw)
    sentences = segment_sentences(art.text, art.paragraphs)
    for s in sentences:
        start, end = art.paragraphs[s.paragraph]
        assert start <= s.start <= s.end <= end  # never across paragraphs


def prop_money(text: str, publication: date | None) -> None:
    found = extract_money(text, _sentences(text))
    _assert_spans(text, found.money)
    for conv in found.conversions:
        assert conv.source < conv.target < len(found.money)
    fx = apply_reference_rates(found.money, found.conversions, publication, [], _sentences(text))
    assert len(fx.money) == len(found.money) and len(fx.conversions) == len(found.conversions)


def prop_periods(text: str, publication: date | None) -> None:
    found = extract_periods(text, publication, _sentences(text))
    _assert_spans(text, found.periods)
    for p in found.periods:
        assert p.first_day is None or p.last_day is None or p.first_day <= p.last_day


def prop_percentages(text: str) -> None:
    _assert_spans(text, extract_percentages(text, _sentences(text)))


def prop_quantities(text: str) -> None:
    _assert_spans(text, extract_quantities(text))


def prop_canonicalize(text: str, cuts: list[tuple[int, int]]) -> None:
    spans = sorted({(min(a, b) % (len(text) + 1), max(a, b) % (len(text) + 1)) for a, b in cuts})
    found = canonicalize(text, [(s, e, "GPE", None) for s, e in spans if s < e])
    _assert_spans(text, found)


def prop_entities(raw: str) -> None:
    art = clean_article(raw)
    _assert_spans(art.text, extract_entities(art.text, art.paragraphs, Settings()))


def prop_decode(data: bytes) -> None:
    try:
        raw = decode_article(data, "x.txt", "x")
    except ArticleError as exc:
        assert str(exc).startswith("x.txt: ")
        return
    assert isinstance(raw.text, str)


def prop_pipeline(raw: str, publication: date | None) -> None:
    record = extract_article(raw, publication=publication)  # the Record validates every span on creation
    for kind in ("entities", "money", "percentages", "periods", "quantities"):
        for item in getattr(record, kind):
            start, end = record.raw_span(item.start, item.end)
            assert raw[start:end] == item.text


test_clean_never_raises, test_clean_never_raises_slow = _both(prop_clean, LINES, DAYS)
test_segment_never_raises, test_segment_never_raises_slow = _both(prop_segment, LINES)
test_money_never_raises, test_money_never_raises_slow = _both(prop_money, TEXT, DAYS)
test_periods_never_raise, test_periods_never_raise_slow = _both(prop_periods, TEXT, DAYS)
test_percentages_never_raise, test_percentages_never_raise_slow = _both(prop_percentages, TEXT)
test_quantities_never_raise, test_quantities_never_raise_slow = _both(prop_quantities, TEXT)
test_canonicalize_never_raises, test_canonicalize_never_raises_slow = _both(
    prop_canonicalize, TEXT, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=8))
test_entities_never_raise, test_entities_never_raise_slow = _both(prop_entities, LINES)
test_decode_never_raises, test_decode_never_raises_slow = _both(
    prop_decode, st.one_of(st.binary(max_size=200), LINES.map(lambda t: t.encode("utf-16")),
                           LINES.map(lambda t: t.encode("utf-8"))))
test_pipeline_never_raises, test_pipeline_never_raises_slow = _both(prop_pipeline, LINES, DAYS)
