from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from xjextract.schema import Money, Period, Record, Source, json_schema

SRC = Source(path="a.txt", sha256="0" * 64)


def test_record_round_trips_through_json(corpus_records: dict[str, tuple[str, object]]) -> None:
    for _, record in corpus_records.values():
        assert isinstance(record, Record)
        again = Record.model_validate_json(record.model_dump_json())
        assert again == record


def test_every_contract_field_is_in_the_schema() -> None:
    contract = ["schema_version", "id", "source", "publisher", "title", "published", "dateline", "text",
                "removed", "sentences", "entities", "money", "conversions", "percentages", "periods",
                "quantities", "warnings"]
    properties = json_schema()["properties"]
    assert isinstance(properties, dict)
    assert [f for f in contract if f not in properties] == []


def test_span_must_match_text() -> None:
    money = Money(text="5 yuan", start=0, end=6, amount=5, currency="CNY")
    Record(id="a", source=SRC, text="5 yuan today", money=[money])
    with pytest.raises(ValidationError, match="does not match"):
        Record(id="a", source=SRC, text="6 yuan today", money=[money])


def test_span_length_must_match() -> None:
    with pytest.raises(ValidationError, match="length"):
        Money(text="5 yuan", start=0, end=5, amount=5, currency="CNY")


@pytest.mark.parametrize("published", ["2024-07-18T18:36", "2024-02-02", None])
def test_published_precisions_accepted(published: str | None) -> None:
    assert Record(id="a", source=SRC, text="", published=published).published == published


@pytest.mark.parametrize("published", ["18 July 2024", "2024-07-18 18:36", "2024-07-18T18:36:00"])
def test_published_other_forms_rejected(published: str) -> None:
    with pytest.raises(ValidationError, match="published"):
        Record(id="a", source=SRC, text="", published=published)


def test_unknown_fields_are_rejected() -> None:
    data = json.loads(Record(id="a", source=SRC, text="").model_dump_json())
    data["moneys"] = []
    with pytest.raises(ValidationError, match="moneys"):
        Record.model_validate(data)


def test_conversion_must_index_money() -> None:
    with pytest.raises(ValidationError, match="missing money"):
        Record.model_validate({"id": "a", "source": SRC.model_dump(), "text": "", "conversions": [{"source": 0, "target": 1}]})


def test_schema_names_its_draft_release_and_requires_the_version() -> None:
    from xjextract.schema import SCHEMA_VERSION, json_schema

    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:xjextract:record:{SCHEMA_VERSION}"
    assert schema["required"][0] == "schema_version"
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION  # type: ignore[index]


def test_every_item_carries_the_sentence_that_holds_it(corpus_records: dict[str, tuple[str, object]]) -> None:
    for _, record in corpus_records.values():
        for kind in ("entities", "money", "percentages", "periods", "quantities", "durations"):
            for item in getattr(record, kind):
                sentence = record.sentences[item.sentence]
                assert sentence.start <= item.start < sentence.end, (record.id, item.text)


def test_a_wrong_sentence_index_is_refused(corpus_records: dict[str, tuple[str, object]]) -> None:
    from pydantic import ValidationError

    _, record = next(iter(corpus_records.values()))
    item = record.money[0]
    wrong = item.model_copy(update={"sentence": (item.sentence + 1) % len(record.sentences)})
    with pytest.raises(ValidationError, match="does not hold it"):
        type(record).model_validate({**record.model_dump(), "money": [wrong.model_dump(), *[m.model_dump() for m in record.money[1:]]]})


def test_a_period_is_part_of_a_longer_one_that_holds_its_days_not_of_itself_nor_without_days() -> None:
    def period(first: date | None, last: date | None) -> Period:
        return Period(text="x", start=0, end=1, first_day=first, last_day=last, timex=None, relative=False)

    year, months = period(date(2024, 1, 1), date(2024, 12, 31)), period(date(2024, 1, 1), date(2024, 11, 30))
    assert months.part_of(year) and not year.part_of(months) and not year.part_of(year)
    assert not period(date(2023, 12, 1), date(2024, 1, 31)).part_of(year)
    assert not period(None, None).part_of(year) and not months.part_of(period(None, None))
