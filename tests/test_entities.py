from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

from xjextract.entities import canonicalize, extract_entities, gazetteer_patterns
from xjextract.resources import load_json
from xjextract.schema import Record
from xjextract.settings import Settings

CASES = load_cases("entities.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_entity_case(case: dict[str, Any]) -> None:
    text = case["text"]
    place = tuple(case["place"]) if "place" in case else None
    found = extract_entities(text, [(0, len(text))], Settings(), [tuple(x) for x in case.get("exclude", [])], place)
    got = [[e.text, e.label, e.canonical] for e in found]
    for expected in case["expected"]:
        assert expected in got, got
        got.remove(expected)  # each expected mention once
    texts = [e.text for e in found]
    for absent in case.get("absent", []):
        assert absent not in texts


def test_gazetteer_is_well_formed() -> None:
    labels = set(load_json("vocabulary.json")["entity_labels"])
    patterns = gazetteer_patterns()
    assert len(patterns) > 300
    seen = set()
    for p in patterns:
        assert set(p) == {"label", "pattern", "id"} and p["label"] in labels, p
        key = p["pattern"].casefold()
        assert key not in seen, f"duplicate pattern {p['pattern']!r}"
        seen.add(key)


def test_canonicalize_trims_and_keeps_name_labels_only() -> None:
    text = "the Xinjiang's 5 percent"
    found = canonicalize(text, [(0, 15, "GPE", None), (16, 24, "PERCENT", None)])
    assert [(e.text, e.start, e.label) for e in found] == [("Xinjiang", 4, "GPE")]


def test_one_label_per_canonical_name_in_an_article() -> None:
    text = "Hami grew. Hami rose. Hami fell."
    found = canonicalize(text, [(0, 4, "GPE", None), (11, 15, "ORG", None), (22, 26, "GPE", None)])
    assert [e.label for e in found] == ["GPE", "GPE", "GPE"]


def test_entities_come_only_from_the_body(corpus_records: dict[str, tuple[str, Record]]) -> None:
    _, seed = corpus_records["000_0e780ba2c3dffdc5"]
    assert seed.entities and not any("Coast Guard" in e.text or e.text == "CCG" for e in seed.entities)
    for _, record in corpus_records.values():
        spans = [(e.start, e.end) for e in record.entities]
        assert len(spans) == len(set(spans)), record.id


def test_a_surname_alone_opening_a_paragraph_is_the_person_named_before() -> None:
    from datetime import date

    from xjextract.pipeline import extract_article

    record = extract_article("Horgos tourism\n\nZhang Wei, deputy director of the local tourism bureau, spoke first.\n\n"
                             "Zhang said Horgos plans to open a second terminal by the end of the year.\n", "x",
                             publication=date(2025, 9, 23))
    assert [(e.text, e.label, e.canonical) for e in record.entities if e.text.startswith("Zhang")] == [
        ("Zhang Wei", "PERSON", "Zhang Wei"), ("Zhang", "PERSON", "Zhang Wei")]


def test_hongkong_in_one_word_is_hong_kong() -> None:
    from datetime import date

    from xjextract.pipeline import extract_article

    record = extract_article("Output\n\nCompanies from Hongkong invested 5 billion yuan in Suzhou in 2016.\n", "x",
                             publication=date(2017, 9, 29))
    assert [(e.text, e.canonical) for e in record.entities if e.text == "Hongkong"] == [("Hongkong", "Hong Kong")]


def test_compass_abbreviations_and_a_product_class_are_no_entities() -> None:
    from datetime import date

    from xjextract.pipeline import extract_article

    record = extract_article("Coffee output in SW China grows\n\nMachinery and electronic products contributed 15.9 "
                             "billion U.S. dollars, and NW China's Xinjiang exported more.\n", "x",
                             publication=date(2018, 5, 6))
    texts = [e.text for e in record.entities]
    assert "SW" not in texts and "NW" not in texts and "Machinery" not in texts
    assert "Xinjiang" in texts and "China" in texts


def test_the_currencys_name_is_no_entity_and_no_subject() -> None:
    from datetime import date

    from xjextract.pipeline import extract_article

    record = extract_article("Settlements\n\nXinjiang's cross-border settlements grew in the second quarter. Renminbi "
                             "remained the dominant currency, accounting for 68.4 percent of all cross-border receipts "
                             "in the region.\n", "x", publication=date(2025, 8, 1))
    assert "Renminbi" not in [e.text for e in record.entities]
    assert [f.subject.canonical if f.subject else None for f in record.facts] == ["Xinjiang"]


def test_ningbo_zhoushan_is_one_port_under_one_name_however_printed() -> None:
    from datetime import date

    from xjextract.pipeline import extract_article

    record = extract_article("Port\n\nNingbo Zhoushan port handled 100 million tonnes. The Port of Ningbo Zhoushan and "
                             "the Ningbo-Zhoushan Port are one.\n", "x", publication=date(2020, 11, 19))
    assert [(e.text, e.label, e.canonical) for e in record.entities] == [
        ("Ningbo Zhoushan", "FAC", "Ningbo Zhoushan Port"), ("Port of Ningbo Zhoushan", "FAC", "Ningbo Zhoushan Port"),
        ("Ningbo-Zhoushan Port", "FAC", "Ningbo Zhoushan Port")]


def test_a_title_case_headlines_holiday_economy_is_no_entity() -> None:
    from datetime import date

    from xjextract.pipeline import extract_article

    record = extract_article("Tourism Stimulates Growth of Shaanxi's Holiday Economy\n\nShaanxi received 56 million "
                             "tourists.\n", "x", publication=date(2017, 10, 10))
    texts = [e.text for e in record.entities]
    assert "Shaanxi" in texts and "Holiday Economy" not in texts
