from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

from xjextract.schema import Record
from xjextract.segment import segment_sentences

CASES = load_cases("sentences.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_sentence_case(case: dict[str, Any]) -> None:
    text = case["text"]
    got = [text[s.start : s.end] for s in segment_sentences(text, [(0, len(text))])]
    assert len(got) == len(case["starts"]), got
    for sentence, start in zip(got, case["starts"]):
        assert sentence.startswith(start), (sentence, start)


def test_sentences_never_cross_paragraphs(corpus_records: dict[str, tuple[str, Record]]) -> None:
    for _, record in corpus_records.values():
        bounds = [(p.start, p.start + p.length) for p in record.pieces]
        for s in record.sentences:
            p_start, p_end = bounds[s.paragraph]
            assert p_start <= s.start < s.end <= p_end
            assert "\n\n" not in record.text[s.start : s.end]


def test_sentences_cover_every_paragraph(corpus_records: dict[str, tuple[str, Record]]) -> None:
    for _, record in corpus_records.values():
        covered = {s.paragraph for s in record.sentences}
        assert covered == set(range(len(record.pieces)))
