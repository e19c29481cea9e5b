from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import load_cases

from xjextract.periods import extract_periods
from xjextract.segment import segment_sentences

CASES = load_cases("periods.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_period_case(case: dict[str, Any]) -> None:
    text = case["text"]
    published = date.fromisoformat(case["published"]) if case["published"] else None
    sentences = [(s.start, s.end) for s in segment_sentences(text, [(0, len(text))])]
    result = extract_periods(text, published, sentences)
    got = [[p.text, p.first_day and p.first_day.isoformat(), p.last_day and p.last_day.isoformat(), p.timex, p.relative]
           for p in result.periods]
    assert got == case["expected"]
    assert all(text[p.start : p.end] == p.text for p in result.periods)
    assert bool(result.warnings) == any(e[1] is None for e in case["expected"])


def test_dateline_date_is_not_a_period() -> None:
    text = "URUMQI, Feb. 2 (Xinhua) -- Trade grew last year."
    periods = extract_periods(text, date(2024, 2, 2), exclude=[(0, 26)]).periods
    assert [p.text for p in periods] == ["last year"]


def test_the_tagger_reads_a_future_the_cue_words_miss() -> None:
    """settings tense = "tagger": the modal "shall", which no future word of the data file names, makes March the
    coming one; with the cue words alone it is the last one."""
    from xjextract.settings import Settings
    from xjextract.tense import verb_tags

    text = "The plant shall resume exports in March."
    sentences = [(0, len(text))]
    verbs = verb_tags(text, sentences, Settings())
    assert any(tag == "MD" for _, tag, _ in verbs)
    tagged = extract_periods(text, date(2024, 7, 18), sentences, verbs=verbs).periods
    plain = extract_periods(text, date(2024, 7, 18), sentences).periods
    assert [(p.text, p.first_day) for p in tagged] == [("March", date(2025, 3, 1))]
    assert [(p.text, p.first_day) for p in plain] == [("March", date(2024, 3, 1))]
    assert verb_tags("Exports rose in 2023.", [(0, 21)], Settings()) == []  # a sentence with a year is not tagged


def test_no_publication_date_fails_the_periods_of_a_corpus_article() -> None:
    """Every corpus article read against publication dates spread over a year: a reading that runs backwards
    ("in January and March ... the same period last year" written on Jan. 15) once failed the whole article."""
    from conftest import CORPUS

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    days = [date(2024, m, d) for m in range(1, 13) for d in (1, 15)]
    for text in texts:
        for day in days:
            for period in extract_periods(text, day).periods:
                assert period.first_day is None or period.last_day is None or period.first_day <= period.last_day


@pytest.mark.parametrize(("text", "span", "day"), [
    ("Trains carried 10 billion passengers by the end of the first quarter of 2019.", "end of the first quarter of 2019",
     "2019-03-31"),
    ("Loans stood at 3 trillion yuan at the end of the third quarter of 2018.", "end of the third quarter of 2018",
     "2018-09-30"),
])
def test_the_end_of_a_quarter_after_the_article_is_its_last_day(text: str, span: str, day: str) -> None:
    from xjextract.api import extract_text

    periods = [(p.text, str(p.first_day), str(p.last_day)) for p in extract_text(text, published="2019-05-10").periods]
    assert periods == [(span, day, day)]


def test_during_the_period_skips_the_basis_of_a_change_but_not_a_range_opened_by_from() -> None:
    text = ("Revenues rose 9.9 percent in the first half.\nIn the period, output rose 1.5 percent from last year.\n"
            "Losses reached 28.88 billion yuan during the period.\nFrom January to July, trucks rose 19 percent. "
            "Sales fell during the period.")
    found = [(p.text, str(p.first_day), str(p.last_day)) for p in extract_periods(text, date(2012, 8, 24)).periods]
    assert found == [("first half", "2012-01-01", "2012-06-30"), ("period", "2012-01-01", "2012-06-30"),
                     ("last year", "2011-01-01", "2011-12-31"), ("period", "2012-01-01", "2012-06-30"),
                     ("January to July", "2012-01-01", "2012-07-31"), ("period", "2012-01-01", "2012-07-31")]
