"""The record contract (see CONTRACT.md): one pydantic model per item, one :class:`Record` per article.

These models are the single source of truth for the JSONL output, the gold files and test expectations.
``xjextract schema`` prints their JSON Schema.

>>> Span(text="Urumqi", start=0, end=6).end
6
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, model_validator

SCHEMA_VERSION = "2.3"

#: ISO 8601 at the precision the page gives: a date, or a date and a time to the minute.
_PUBLISHED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")

NonNegInt = Annotated[int, Field(ge=0)]


def _iso_published(value: str | None) -> str | None:
    if value is not None and not _PUBLISHED_RE.match(value):
        raise ValueError(f"published must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got {value!r}")
    return value


#: A publication time at the precision the page gives: ``2024-07-18T18:36`` or ``2024-02-02``.
Published = Annotated[str | None, AfterValidator(_iso_published)]


class _Model(BaseModel):
    """Base: unknown fields are an error, so a typo in a gold file or a consumer's fixture fails loudly."""

    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of ``Record.text``: ``text == record.text[start:end]``."""

    text: str
    start: NonNegInt
    end: NonNegInt
    sentence: NonNegInt | None = Field(default=None, description="index into the record's sentences of the sentence "
                                       "that holds the item")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} has length {self.end - self.start}, text {self.text!r}")
        return self


class Source(_Model):
    """Where the record came from, and what its raw offsets index."""

    path: str = Field(description="the input file (a JSONL line is FILE:LINE)")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the raw bytes (of a JSONL line: of its text)")
    format: Literal["page", "text", "html"] = Field(
        default="page", description="how the text was read; for html, raw offsets index the page's visible text")


class Dateline(_Model):
    """An opening like ``URUMQI, Feb. 2 (Xinhua) --``; ``date`` resolved to a full date."""

    place: str | None
    date: date | None
    agency: str | None


class Removed(_Model):
    """A stretch of the raw input cut as boilerplate, in raw character offsets."""

    start: NonNegInt
    end: NonNegInt
    reason: str
    preview: str = Field(description="the first characters of the removed stretch, for a human reader")


class Stretch(_Model):
    """A stretch of ``Record.text`` (``text[start:end]``)."""

    start: NonNegInt
    end: NonNegInt


class Piece(_Model):
    """``text[start:start+length] == raw[raw_start:raw_start+length]``: maps the cleaned text to the raw file."""

    start: NonNegInt
    raw_start: NonNegInt
    length: NonNegInt


class Sentence(_Model):
    start: NonNegInt
    end: NonNegInt
    paragraph: NonNegInt = Field(description="index of the paragraph the sentence belongs to")


class Entity(Span):
    label: str
    canonical: str | None = None


class Money(Span):
    amount: float
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    qualifier: str | None = None
    usd: float | None = None


class Conversion(_Model):
    """A conversion the article states: ``money[source]`` is said to equal ``money[target]``."""

    source: NonNegInt
    target: NonNegInt
    implied_rate: float | None = Field(default=None, description="source amount / target amount")
    reference_rate: float | None = Field(default=None, description="source units per target unit (ECB)")
    deviation: float | None = Field(default=None, description="implied / reference - 1")
    reference_date: date | None = Field(default=None, description="the date of the reference rate that fits best")
    reference_basis: Literal["publication", "period_end"] | None = Field(
        default=None, description="why that date: the publication date, or the end of a period in the sentence"
    )


class Percentage(Span):
    value: float
    unit: Literal["percent", "percentage_point"]
    kind: Literal["change", "share", "rate", "other"]
    direction: Literal["up", "down"] | None = None
    basis: str | None = None


class Period(Span):
    first_day: date | None
    last_day: date | None
    timex: str | None
    relative: bool
    recurrence: str | None = Field(default=None, description="for a recurring time (TIMEX3 SET: 'every year', "
                                   "'annually'), the ISO 8601 duration between occurrences (P1Y); such a period "
                                   "has no days and its timex is that duration")

    @model_validator(mode="after")
    def _days_ordered(self) -> Period:
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValueError(f"period {self.text!r}: last_day {self.last_day} before first_day {self.first_day}")
        return self

    def part_of(self, outer: Period) -> bool:
        """Whether these days lie within ``outer``'s and are fewer ("January to November" within "this year", "July"
        within "the first seven months"); False when either lacks its days."""
        if None in (self.first_day, self.last_day, outer.first_day, outer.last_day):
            return False
        return outer.first_day <= self.first_day and self.last_day <= outer.last_day \
            and (self.first_day, self.last_day) != (outer.first_day, outer.last_day)  # type: ignore[operator]


class Quantity(Span):
    value: float
    unit: str


#: An ISO 8601 duration: P3Y, P27M, P1.5Y, P10D, PT8H, PT30M.
_DURATION_RE = re.compile(r"^P(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?"
                          r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$")


def _iso_duration(value: str) -> str:
    if not _DURATION_RE.match(value):
        raise ValueError(f"{value!r} is not an ISO 8601 duration (P3Y, P9M, P10D, PT8H)")
    return value


class Duration(Span):
    """A stretch of time given by its length ("three years", "nine consecutive quarters")."""

    value: Annotated[str, AfterValidator(_iso_duration)] = Field(description="ISO 8601 duration: P3Y, P27M, P10D")


class FactSubject(_Model):
    """Whose figure it is: an entity mention (in the fact's sentence, or the one it is inherited from), or the
    words that name the nation without naming it ("the national average": canonical China)."""

    text: str
    start: NonNegInt
    end: NonNegInt
    canonical: str | None


class FactMetric(_Model):
    """What the figure measures: the words that name it and the metric lexicon's name (data/en/metrics.json)."""

    text: str
    start: NonNegInt
    end: NonNegInt
    name: str


class Fact(_Model):
    """One figure-bearing statement about one subject, metric and period (gold/README.md "Facts"); the value,
    change, share and period are indices into the record's lists."""

    sentence: NonNegInt = Field(description="index into sentences of the statement's sentence")
    subject: FactSubject | None = None
    metric: FactMetric | None = None
    money: NonNegInt | None = Field(default=None, description="index into money: the value, when an amount")
    quantity: NonNegInt | None = Field(default=None, description="index into quantities: the value, otherwise")
    change: NonNegInt | None = Field(default=None, description="index into percentages (kind change)")
    share: NonNegInt | None = Field(default=None, description="index into percentages (kind share)")
    period: NonNegInt | None = Field(default=None, description="index into periods: the period the figure is for")
    inherited: list[Literal["subject", "metric", "period"]] = Field(
        default_factory=list, description="slots filled from outside the sentence (the paragraph, the headline)")


class Record(_Model):
    """One article. Every item with ``start``/``end`` indexes into ``text``."""

    schema_version: str = SCHEMA_VERSION
    id: str
    source: Source
    url: str | None = Field(default=None, description="where the article came from, when the input says")
    publisher: str | None = None
    title: str | None = None
    published: Published = Field(default=None, description="ISO 8601: 2024-07-18T18:36 or 2024-02-02")
    published_from: Literal["metadata", "page", "url", "option"] | None = Field(
        default=None, description="where published was read: the input's metadata, the page, the URL, the option")
    dateline: Dateline | None = None
    text: str = Field(description="the article: its headline (when the page shows one) as the first paragraph, "
                      "then the body; paragraphs are joined by a blank line")
    headline: Stretch | None = Field(default=None, description="where the headline stands in text (always at 0); "
                                     "the body is the rest")
    pieces: list[Piece] = Field(default_factory=list, description="map from text offsets to raw offsets")
    removed: list[Removed] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)
    conversions: list[Conversion] = Field(default_factory=list)
    percentages: list[Percentage] = Field(default_factory=list)
    periods: list[Period] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    durations: list[Duration] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list, description="statistical facts: each figure tied to its subject, "
                              "metric and period")
    meta: dict[str, Any] = Field(default_factory=dict, description="other metadata the input carried (JSONL keys)")
    warnings: list[str] = Field(default_factory=list)
    #: ``(pieces list, the starts of its pieces)``: built once, not once per item (that was quadratic).
    _piece_starts: tuple[list[Piece], list[int]] | None = PrivateAttr(default=None)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-file offsets of ``text[start:end]``, a span within one paragraph (it may cross the joins
        between the lines of a plain-text paragraph, never a paragraph break).

        Raises:
            ValueError: the span is not inside one paragraph.
        """
        if self._piece_starts is None or self._piece_starts[0] is not self.pieces:
            self._piece_starts = (self.pieces, [p.start for p in self.pieces])
        first = bisect_right(self._piece_starts[1], start) - 1
        last = bisect_right(self._piece_starts[1], max(start, end - 1)) - 1
        if first >= 0 and last >= 0:
            a, b = self.pieces[first], self.pieces[last]
            inside = start <= a.start + a.length and end <= b.start + b.length
            if inside and (first == last or "\n\n" not in self.text[a.start + a.length : b.start]):
                return a.raw_start + start - a.start, b.raw_start + end - b.start
        raise ValueError(f"span {start}:{end} is not inside one paragraph of record {self.id!r}")

    @model_validator(mode="after")
    def _offsets_index_text(self) -> Record:
        n = len(self.text)
        for kind in ("entities", "money", "percentages", "periods", "quantities", "durations"):
            for item in getattr(self, kind):
                if item.end > n or self.text[item.start : item.end] != item.text:
                    raise ValueError(
                        f"{kind} item {item.text!r} at {item.start}:{item.end} does not match the text there"
                    )
                if self.pieces:
                    self.raw_span(item.start, item.end)  # every item lies within one paragraph
                if item.sentence is not None and not (
                        item.sentence < len(self.sentences)
                        and self.sentences[item.sentence].start <= item.start < self.sentences[item.sentence].end):
                    raise ValueError(f"{kind} item {item.text!r}: sentence {item.sentence} does not hold it")
        for sent in self.sentences:
            if sent.end > n or sent.start > sent.end:
                raise ValueError(f"sentence {sent.start}:{sent.end} lies outside the text (length {n})")
        for conv in self.conversions:
            if max(conv.source, conv.target) >= len(self.money):
                raise ValueError(f"conversion {conv.source}->{conv.target} indexes a missing money item")
        sizes = {"money": len(self.money), "quantity": len(self.quantities), "change": len(self.percentages),
                 "share": len(self.percentages), "period": len(self.periods), "sentence": len(self.sentences)}
        for i, fact in enumerate(self.facts):
            for slot, size in sizes.items():
                index = getattr(fact, slot)
                if index is not None and index >= size and (slot != "sentence" or self.sentences):
                    raise ValueError(f"facts[{i}].{slot} = {index} indexes a missing item (there are {size})")
        return self


#: Where the contract's JSON Schema of this release lives, as its ``$id`` (docs/CONTRACT.md "Versions").
SCHEMA_ID = f"urn:xjextract:record:{SCHEMA_VERSION}"


def json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of :class:`Record`, as ``xjextract schema`` prints it: ``$schema``, ``$id``
    naming the release, and ``schema_version`` required with this release's value."""
    schema = Record.model_json_schema()
    properties = schema["properties"]
    assert isinstance(properties, dict)
    properties["schema_version"] = {**properties["schema_version"], "const": SCHEMA_VERSION}
    required = list(schema.get("required", []))  # type: ignore[call-overload]
    schema["required"] = ["schema_version", *[r for r in required if r != "schema_version"]]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
