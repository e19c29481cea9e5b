"""Statistical facts: each figure tied to what it measures (subject, metric, value, change, share, period), by
rules over the clause structure of its sentence and the cues of ``data/<lang>/facts.json`` and the metric
lexicon ``data/<lang>/metrics.json`` (gold/README.md "Facts" is the definition).

Within a sentence, figures are grouped clause by clause (a clause ends at "; ", ", while ", ", and " before
words): a value, its change and its share in one clause are one fact; a figure whose slot is taken starts a new
fact when words naming another series or subject stand between, and is a second reading of the same figure
(in no fact) otherwise. "Respectively" lists are distributed in order. A converted amount in brackets belongs to
its source's fact; a level given as the comparison ("up from 31 percent") is in no fact. A fact whose sentence
names no period, subject or metric takes the one of the paragraph's previous fact, else the headline's, else the
lead paragraph's, and says so in ``inherited``.

No dependency parse: the clause rules were measured against the gold (README "Statistical facts"), and the parser
would cost more than the whole pipeline's budget allows.

>>> from xjextract.pipeline import extract_article
>>> rec = extract_article("Trade up\\n\\nXinjiang's foreign trade grew 48.4 percent to 200 billion yuan "
...                       "in the first half of 2024.", "a")
>>> f = rec.facts[0]
>>> f.subject.canonical, f.metric.name, rec.money[f.money].text, rec.percentages[f.change].text
('Xinjiang', 'foreign_trade', '200 billion yuan', '48.4 percent')
>>> rec.periods[f.period].text
'first half of 2024'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TypeVar

from .resources import load_json
from .schema import (Conversion, Entity, Fact, FactMetric, FactSubject, Money, Percentage, Period, Quantity, Sentence,
                     Stretch)

T = TypeVar("T")
#: How far before a figure (in characters) its subject, metric, period and cue words are looked for. A statement is
#: far shorter in this press; the bound keeps the stage linear on a paragraph of thousands of figures.
_WINDOW = 400
#: How far after a value an absolute change is that value's change ("5 million tons, an increase of 2.9 million").
_CHANGE_AFTER_VALUE = 80
#: How far before a value a word describing it stands ("covering approximately 180 square km").
_STATIC_BEFORE = 45
#: How many subjects of a kind a short name looks back at ("the Zhengzhou airport").
_SHORT_NAME_LOOKBACK = 20
#: How far after a comparison level its own period may stand ("the 5.8-percent increase in 2016").
_LEVEL_PERIOD = 30
_HYPHENATED = re.compile(r"\d-\s*[A-Za-z]")  # "1,035-km", "350-kilometer": a modifier


@dataclass(frozen=True)
class _Cues:
    clause_breaks: re.Pattern[str]
    past_level_before: re.Pattern[str]
    basis_before: re.Pattern[str]
    level_basis_before: re.Pattern[str]  # "surpassing the average of 12,000 recorded in": the compared level's period
    basis_periods: re.Pattern[str]
    subject_labels: frozenset[str]
    not_subject_before: re.Pattern[str]
    source_after: re.Pattern[str]
    anaphora: re.Pattern[str]
    pronoun: re.Pattern[str]
    continuation: re.Pattern[str]
    same_series: re.Pattern[str]
    apposition: re.Pattern[str]
    possessed: re.Pattern[str]
    metric_of: re.Pattern[str]
    value_series: re.Pattern[str]
    share_whole: tuple[re.Pattern[str], re.Pattern[str]]  # "59 percent of the total foreign trade, ": its whole
    owner_before: re.Pattern[str]
    second_party_before: re.Pattern[str]
    possessive_chain: re.Pattern[str]
    respectively: re.Pattern[str]
    list_with: re.Pattern[str]  # ", with sales of A and B increasing": where a "respectively" list opens
    own_period: re.Pattern[str]
    dated_by: re.Pattern[str]
    dated_before: re.Pattern[str]
    period_possessive: re.Pattern[str]
    period_possessive_own: re.Pattern[str]
    change_before_over: re.Pattern[str]
    threshold_before: re.Pattern[str]
    threshold_after: re.Pattern[str]  # "20 million yuan or more": a class's lower bound
    source_names: re.Pattern[str]
    demonyms: dict[str, str]
    report_before: re.Pattern[str]
    report_after: re.Pattern[str]
    partner_before: re.Pattern[str]
    event_before: re.Pattern[str]
    present_before: re.Pattern[str]  # "is one of the world's largest ... purchasers, importing": a description
    created_counted: re.Pattern[str]  # "jobs were also created": a passive whose subject is what was counted
    event_clause: re.Pattern[str]
    event_since: re.Pattern[str]
    target_of: tuple[re.Pattern[str], re.Pattern[str]]  # before and after the period
    component_change: re.Pattern[str]  # ", including 13.6 percent in tax revenue": a part's own change
    share_clause: tuple[re.Pattern[str], re.Pattern[str]]  # ", while 46.7 percent of the enterprises": before, after
    event_subjects: re.Pattern[str]
    described_as: re.Pattern[str]  # an apposition describing a name by a noun: group "noun"
    described_anaphor: re.Pattern[str]  # "the small commodities hub": group "noun"
    list_opening: re.Pattern[str]  # the end of a sentence that opens a list: "... as follows:"
    stock_day: re.Pattern[str]  # the words of a period's end ("end of 2022"): a stock's date, not a scene's
    described_possessor: re.Pattern[str]  # "'s small commodities hub" after a name
    distance_units: frozenset[str]
    distance_after: re.Pattern[str]
    fronted: re.Pattern[str]
    possessive_aside: re.Pattern[str]
    relative_clause: re.Pattern[str]
    region_modifier: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]  # before, after, a name of its kind
    origin_of_firms: re.Pattern[str]
    visitors_origin: re.Pattern[str]
    forward: re.Pattern[str]
    attribution_event: re.Pattern[str]
    places_counted_after: re.Pattern[str]
    present: re.Pattern[str]
    static: re.Pattern[str]
    perfect_before: re.Pattern[str]
    rate_after: re.Pattern[str]  # "6,000 parcels a day": a rate, for no period the context names
    pool_before: re.Pattern[str]  # "among 31 provinces": the pool a ranking is taken in
    unit_gloss_before: re.Pattern[str]  # "per mu (approximately": what one unit is in another, no statistic
    described_kind_after: re.Pattern[str]  # "Chinese| agricultural province": a headline's place described by its country
    ratio_base_before: re.Pattern[str]  # "for every 100 residents": the base a ratio is taken per
    figure_anaphor: re.Pattern[str]  # "The figure marked": the value of the fact before
    change_anaphor: re.Pattern[str]  # "This is ... up 23 percent": the change of the value before
    share_anaphor: re.Pattern[str]  # "This accounted for 53.5% of the total": the share of the value before
    own_results: tuple[re.Pattern[str], re.Pattern[str]]  # "Alibaba reported ... revenue", a body's name
    participle_clause: re.Pattern[str]  # ", carrying some": a clause that goes on with the statement before
    spelled_out: re.Pattern[str]  # "the past five months from January to May": between a period and its dates
    count_place_before: re.Pattern[str]  # "destinations in more than": a count of the places a level went to
    sources: frozenset[str]
    range_periods: re.Pattern[str]
    ahead_periods: re.Pattern[str]
    day_words: re.Pattern[str]
    day_until: re.Pattern[str]  # "by Monday": the day a count runs to
    reported: re.Pattern[str]
    source_before: re.Pattern[str]
    national: re.Pattern[str]  # "the national average": the nation's even where the article never names it
    national_name: str
    epithets: tuple[tuple[re.Pattern[str], str], ...]  # "the Chinese capital": Beijing
    scope_before: re.Pattern[str]  # "the longest high-speed rail network in the country": a superlative's scope
    #: (anaphor, canonical, unnamed_is_none) of each kind: "the port" refers back to a subject whose canonical name
    #: is a port's; unnamed_is_none: a kind named without a name ("his company") gives no subject and inherits none
    kinds: tuple[tuple[re.Pattern[str], re.Pattern[str], bool], ...]
    #: per kind (by its canonical pattern), the ORG names that are not of it although the kind takes ORGs
    org_kinds: dict[str, re.Pattern[str]]
    #: per kind (by its canonical pattern), the kind's noun the text puts right after a name of that kind ("The
    #: Yangtze River Delta region has ...": a region, whatever its name)
    noun_kinds: dict[str, re.Pattern[str]]
    noun_kind_before: re.Pattern[str]  # "the" before a name with its kind's noun after ("the Zhengzhou airport")
    through: re.Pattern[str]
    own_figure: re.Pattern[str]
    quantity_over: re.Pattern[str]
    figure_before_over: re.Pattern[str]  # "up 5 percent over": a figure before "over", which compares
    list_joint: re.Pattern[str]
    global_figure: re.Pattern[str]
    fronted_as: re.Pattern[str]
    data_from_before: re.Pattern[str]  # "Statistics from the": the body named next published the data
    forecast_after: re.Pattern[str]  # "The CADA expects": a body's forecast, of others' figures
    place_reported: re.Pattern[str]
    global_not_after: re.Pattern[str]
    clause_series: re.Pattern[str]
    rate_points: re.Pattern[str]  # "with the growth rate falling" before a change in points
    restated: re.Pattern[str]  # " (" or " (about " between a quantity and its restatement in another measure
    outpaced: re.Pattern[str]  # "outpacing a": the change after it is another series'
    outpaced_list: re.Pattern[str]  # "increase in agriculture and": the next of those compared
    range_joint: re.Pattern[str]
    range_and: re.Pattern[str]
    range_between: re.Pattern[str]
    actor_after: re.Pattern[str]
    bilateral_after: re.Pattern[str]
    joint_region_after: re.Pattern[str]
    aside_before: re.Pattern[str]
    level_list_joint: re.Pattern[str]
    absolute_change_before: re.Pattern[str]
    condition_before: re.Pattern[str]  # "can be removed if no more than 2 percent of its residents earn less than"
    change_by_before: re.Pattern[str]
    price_before: re.Pattern[str]
    second_share: re.Pattern[str]
    points_compared_after: re.Pattern[str]
    times_compared: tuple[re.Pattern[str], re.Pattern[str]]
    absolute_change_after: re.Pattern[str]
    difference_after: re.Pattern[str]
    metrics: re.Pattern[str]
    metric_names: dict[str, str]
    count_only: frozenset[str]
    general: dict[str, frozenset[str]]


@cache
def _cues(language: str) -> _Cues:
    data = load_json("facts.json", language)
    metric_data = load_json("metrics.json", language)
    lexicon = metric_data["metrics"]
    names = {form.casefold(): name for name, forms in lexicon.items() for form in forms}
    forms = sorted(names, key=len, reverse=True)
    nouns = "|".join(data["described"]["nouns"])
    return _Cues(
        clause_breaks=re.compile(data["clause_breaks"].replace("{WITH_SERIES}", data["with_series"]), re.IGNORECASE),
        past_level_before=re.compile(data["past_level_before"], re.IGNORECASE),
        basis_before=re.compile(data["basis_before"], re.IGNORECASE),
        level_basis_before=re.compile(data["level_basis_before"], re.IGNORECASE),
        basis_periods=re.compile(data["basis_periods"], re.IGNORECASE),
        subject_labels=frozenset(data["subject_labels"]),
        not_subject_before=re.compile(data["not_subject_before"], re.IGNORECASE),
        source_after=re.compile(data["source_after"], re.IGNORECASE),
        anaphora=re.compile(data["anaphora"], re.IGNORECASE),
        pronoun=re.compile(data["pronoun"], re.IGNORECASE),
        continuation=re.compile(data["continuation"]),
        same_series=re.compile(data["same_series"]),
        apposition=re.compile(data["apposition"], re.IGNORECASE),
        possessed=re.compile(data["possessed"]),
        metric_of=re.compile(data["metric_of"], re.IGNORECASE),
        value_series=re.compile(data["value_series"], re.IGNORECASE),
        share_whole=(re.compile(data["share_whole"][0]), re.compile(data["share_whole"][1])),
        owner_before=re.compile(data["owner_before"], re.IGNORECASE),
        second_party_before=re.compile(data["second_party_before"], re.IGNORECASE),
        possessive_chain=re.compile(
            data["possessive_chain"].replace("{COMPANY_NOUNS}", "|".join(data["company_nouns"]))),
        respectively=re.compile(data["respectively"], re.IGNORECASE),
        list_with=re.compile(data["list_with"].replace("{WITH_SERIES}", data["with_series"]), re.IGNORECASE),
        own_period=re.compile(data["own_period"], re.IGNORECASE),
        dated_by=re.compile(data["dated_by"], re.IGNORECASE),
        dated_before=re.compile(data["dated_before"], re.IGNORECASE),
        period_possessive=re.compile(data["period_possessive"]),
        period_possessive_own=re.compile(data["period_possessive_own"], re.IGNORECASE),
        change_before_over=re.compile(data["change_before_over"], re.IGNORECASE),
        threshold_before=re.compile(data["threshold_before"], re.IGNORECASE),
        threshold_after=re.compile(data["threshold_after"], re.IGNORECASE),
        source_names=re.compile(data["source_names"]),
        demonyms=data["demonyms"],
        report_before=re.compile(data["report_before"], re.IGNORECASE),
        report_after=re.compile(data["report_after"], re.IGNORECASE),
        partner_before=re.compile(data["partner_before"], re.IGNORECASE),
        event_before=re.compile(data["event_before"], re.IGNORECASE),
        created_counted=re.compile(data["created_counted"]),
        present_before=re.compile(data["present_before"]),
        event_clause=re.compile(data["event_clause"]),
        event_since=re.compile(data["event_since"], re.IGNORECASE),
        target_of=(re.compile(data["target_of"][0], re.IGNORECASE), re.compile(data["target_of"][1], re.IGNORECASE)),
        component_change=re.compile(data["component_change"]),
        share_clause=(re.compile(data["share_clause"][0]), re.compile(data["share_clause"][1])),
        event_subjects=re.compile(data["event_subjects"]),
        described_as=re.compile(data["described"]["as"].replace("{NOUNS}", nouns)),
        described_anaphor=re.compile(data["described"]["anaphor"].replace("{NOUNS}", nouns)),
        stock_day=re.compile(data["stock_day"]),
        list_opening=re.compile(data["list_opening"]),
        described_possessor=re.compile(data["described"]["possessor"].replace(
            "{PLACES}", "|".join(data["described"]["possessed_places"]))),
        distance_units=frozenset(data["distance"]["units"]),
        distance_after=re.compile(data["distance"]["after"]),
        fronted=re.compile(data["fronted"]),
        possessive_aside=re.compile(data["possessive_aside"]),
        relative_clause=re.compile(data["relative_clause"]),
        region_modifier=(re.compile(data["region_modifier"][0]), re.compile(data["region_modifier"][1]),
                         re.compile(data["region_modifier"][2])),
        origin_of_firms=re.compile(data["origin_of_firms"]),
        visitors_origin=re.compile(data["visitors_origin"]),
        forward=re.compile(data["forward"]),
        attribution_event=re.compile(data["attribution_event"]),
        places_counted_after=re.compile(data["places_counted_after"]),
        present=re.compile(data["present"], re.IGNORECASE),
        static=re.compile(data["static"], re.IGNORECASE),
        perfect_before=re.compile(data["perfect_before"]),
        rate_after=re.compile(data["rate_after"], re.IGNORECASE),
        pool_before=re.compile(data["pool_before"]),
        unit_gloss_before=re.compile(data["unit_gloss_before"], re.IGNORECASE),
        described_kind_after=re.compile(data["described_kind_after"]),
        ratio_base_before=re.compile(data["ratio_base_before"]),
        figure_anaphor=re.compile(data["figure_anaphor"]),
        change_anaphor=re.compile(data["change_anaphor"]),
        share_anaphor=re.compile(data["share_anaphor"]),
        own_results=(re.compile(data["own_results"]["after"]), re.compile(data["own_results"]["not_bodies"])),
        participle_clause=re.compile(data["participle_clause"]),
        spelled_out=re.compile(data["spelled_out"]),
        count_place_before=re.compile(data["count_place_before"]),
        sources=frozenset(data["sources"]),
        range_periods=re.compile(data["range_periods"]),
        ahead_periods=re.compile(data["ahead_periods"], re.IGNORECASE),
        day_words=re.compile(data["day_words"], re.IGNORECASE),
        day_until=re.compile(data["day_until"], re.IGNORECASE),
        reported=re.compile(data["reported"]),
        source_before=re.compile(data["source_before"], re.IGNORECASE),
        scope_before=re.compile(data["scope_before"], re.IGNORECASE),
        national=re.compile(data["national"]["anaphor"], re.IGNORECASE),
        national_name=data["national"]["canonical"],
        epithets=tuple((re.compile(p), c) for p, c in data.get("epithets", {}).items()),
        kinds=tuple((re.compile(k["anaphor"], re.IGNORECASE), re.compile(k["canonical"]), k.get("unnamed_is_none", False))
                    for k in data["kinds"].values()),
        org_kinds={k["canonical"]: re.compile(k["or_org_except"]) for k in data["kinds"].values() if "or_org_except" in k},
        noun_kinds={k["canonical"]: re.compile(k["noun_after"]) for k in data["kinds"].values() if "noun_after" in k},
        noun_kind_before=re.compile(data["noun_kind_before"], re.IGNORECASE),
        through=re.compile(data["through"], re.IGNORECASE),
        own_figure=re.compile(data["own_figure"]),
        quantity_over=re.compile(data["quantity_over"]),
        figure_before_over=re.compile(data["figure_before_over"], re.IGNORECASE),
        list_joint=re.compile(data["list_joint"]),
        global_figure=re.compile(data["global"], re.IGNORECASE),
        fronted_as=re.compile(data["fronted_as"]),
        data_from_before=re.compile(data["data_from_before"], re.IGNORECASE),
        forecast_after=re.compile(data["forecast_after"]),
        place_reported=re.compile(data["place_reported"]),
        global_not_after=re.compile(data["global_not_after"], re.IGNORECASE),
        clause_series=re.compile(data["clause_series"]),
        rate_points=re.compile(data["rate_points"]),
        restated=re.compile(data["restated"]),
        outpaced=re.compile(data["outpaced"], re.IGNORECASE),
        outpaced_list=re.compile(data["outpaced_list"], re.IGNORECASE),
        range_joint=re.compile(data["range"]["joint"]),
        range_and=re.compile(data["range"]["and"]),
        range_between=re.compile(data["range"]["between_before"]),
        actor_after=re.compile(data["actor_after"], re.IGNORECASE),
        bilateral_after=re.compile(data["bilateral_after"], re.IGNORECASE),
        joint_region_after=re.compile(data["joint_region_after"], re.IGNORECASE),
        aside_before=re.compile(data["aside_before"], re.IGNORECASE),
        level_list_joint=re.compile(data["level_list_joint"], re.IGNORECASE),
        absolute_change_before=re.compile(data["absolute_change_before"], re.IGNORECASE),
        condition_before=re.compile(data["condition_before"]),
        change_by_before=re.compile(data["change_by_before"], re.IGNORECASE),
        price_before=re.compile(data["price_before"]),
        second_share=re.compile(data["second_share"], re.IGNORECASE),
        points_compared_after=re.compile(data["points_compared_after"], re.IGNORECASE),
        times_compared=(re.compile(data["times_compared"][0], re.IGNORECASE),
                        re.compile(data["times_compared"][1], re.IGNORECASE)),
        absolute_change_after=re.compile(data["absolute_change_after"], re.IGNORECASE),
        difference_after=re.compile(data["difference_after"], re.IGNORECASE),
        metrics=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.IGNORECASE),
        metric_names=names,
        count_only=frozenset(metric_data.get("count_only", [])),
        general={k: frozenset(v) for k, v in metric_data.get("general", {}).items()},
    )


@dataclass(frozen=True)
class _Indexed:
    """A period with its index, bucketed by its start."""

    index: int
    period: Period

    @property
    def start(self) -> int:
        return self.period.start


@dataclass
class _Figure:
    slot: str  # "value", "change", "share"
    start: int
    end: int
    money: int | None = None
    quantity: int | None = None
    percentage: int | None = None
    points: bool = False  # a percentage in percentage points


@dataclass
class _Draft:
    figures: list[_Figure] = field(default_factory=list)
    subject: FactSubject | None = None
    period: int | None = None  # given out by a "respectively" list of periods
    compared_from: int | None = None  # where the words of a series compared with start ("outpacing the national ...")

    def slot(self, name: str) -> _Figure | None:
        return next((f for f in self.figures if f.slot == name), None)

    @property
    def start(self) -> int:
        return min(f.start for f in self.figures)

    @property
    def end(self) -> int:
        return max(f.end for f in self.figures)


@dataclass
class _Context:
    """What a fact without its own subject, metric or period inherits: the paragraph's last, the headline's,
    the lead's."""

    subject: FactSubject | None = None
    metric: FactMetric | None = None
    period: int | None = None
    #: the period is a target's or a forecast's ("By 2024, Liupanshui aims to ...", "will hire ... in the next 12
    #: months"): only a statement that looks ahead too takes it
    forward: bool = False


def _refined(headline: _Context, lead: _Context | None, text: str, cues: _Cues) -> _Context:
    """The headline's frame with its subject named more fully by the lead's ("Freight trains through Urumqi up 18.6
    pct" over "The Urumqi International Land Port Area ... handled 1,583 international freight trains"): the lead's
    subject when the headline's name is a part of its name, or when the headline only describes it by the country it
    is in ("Major Chinese agricultural province sees record grain output" over "Jilin, a key agricultural province")."""
    if lead is None or headline.subject is None or lead.subject is None:
        return headline
    named_by_country = headline.subject.canonical not in (None, headline.subject.text)  # "Chinese": China
    if named_by_country and cues.described_kind_after.match(text, headline.subject.end):
        return replace(headline, subject=lead.subject)
    short, full = headline.subject.canonical or headline.subject.text, lead.subject.canonical or lead.subject.text
    if short == full or re.search(rf"(?<!\w){re.escape(short)}(?!\w)", full) is None:
        return headline
    return replace(headline, subject=lead.subject)


def extract_facts(
    text: str,
    sentences: list[Sentence],
    headline: Stretch | None,
    entities: list[Entity],
    money: list[Money],
    conversions: list[Conversion],
    percentages: list[Percentage],
    periods: list[Period],
    quantities: list[Quantity],
    language: str = "en",
    present: Container[int] = frozenset(),
) -> list[Fact]:
    """The statistical facts of one article, in text order.

    Args:
        text: the record's text (headline first when there is one).
        sentences: its sentences with their paragraph index.
        headline: where the headline stands in ``text``, if there is one.
        entities, money, conversions, percentages, periods, quantities: the article's items.
        language: the data folder of the cues and the metric lexicon.
        present: the sentences (indices) whose verbs are all in the simple present, as the tagger reads them
            (``xjextract.tense.PresentSentences``, which tags a sentence only when asked): their figures inherit no
            period from beyond the paragraph.

    Returns:
        Facts whose slots index the item lists; ``sentence`` indexes ``sentences``.
    """
    cues = _cues(language)
    targets = {c.target for c in conversions}
    figures = [_Figure("value", m.start, m.end, money=i) for i, m in enumerate(money) if i not in targets]
    figures += [_Figure("value", q.start, q.end, quantity=i) for i, q in enumerate(quantities)
                if not (i and _restated_quantity(text, quantities[i - 1], q, cues))]
    figures += [_Figure(p.kind, p.start, p.end, percentage=i, points=p.unit == "percentage_point")
                for i, p in enumerate(percentages) if p.kind in ("change", "share")]
    figures.sort(key=lambda f: f.start)
    # "The Chinese capital's GDP": a place named by what it is, not by its name
    epithets = [Entity(start=m.start(), end=m.end(), text=m.group(0), label="GPE", canonical=canonical)
                for pattern, canonical in cues.epithets for m in pattern.finditer(text)]
    if epithets:  # "China's capital city": the city, not China inside its words
        entities = sorted([*(e for e in entities if not any(x.start <= e.start and e.end <= x.end for x in epithets)),
                           *epithets], key=lambda e: e.start)
    subjects = _short_names([e for e in entities if e.label in cues.subject_labels], text, cues,
                            headline.end if headline is not None else -1)
    facts: list[Fact] = []
    headline_context = _Context()
    lead_context: _Context | None = None
    lead_paragraph = -1
    paragraph, context = -1, _Context()
    starts = [sent.start for sent in sentences]
    last_subject: FactSubject | None = None  # the first subject of the last body paragraph
    paragraph_subject: FactSubject | None = None
    in_headline_paragraph = False

    def by_sentence(items: list[T]) -> dict[int, list[T]]:
        """Items bucketed by the sentence that holds them: one pass, so the stage stays linear."""
        out: dict[int, list[T]] = {}
        for item in items:
            i = bisect_right(starts, item.start) - 1  # type: ignore[attr-defined]
            if i >= 0 and item.start < sentences[i].end:  # type: ignore[attr-defined]
                out.setdefault(i, []).append(item)
        return out

    article = (subjects, [e.start for e in subjects])  # the article's subjects, for anaphora of a kind
    # "Yiwu, a key export hub in ...": what a later "the small commodities hub" refers back to
    described: dict[str, list[tuple[int, FactSubject]]] = {}
    for e in subjects:
        found = cues.described_as.match(text, e.end)
        subject = _subject_of([e], cues) if found else None
        if found and subject is not None:
            described.setdefault(found.group("noun"), []).append((e.start, subject))
    first_of_kind: dict[str, int] = {}
    figures_at = by_sentence(figures)
    periods_at = {k: [(x.index, x.period) for x in v]
                  for k, v in by_sentence([_Indexed(i, p) for i, p in enumerate(periods)]).items()}
    subjects_at = by_sentence(subjects)
    paragraph_figures, paragraph_period = False, False
    lead_figures = False  # the lead paragraph holds a figure
    paragraph_dated = False  # a fact of the paragraph has a period of its own
    list_frame: _Context | None = None  # the frame of a list a dated paragraph ending on a colon opens
    for index, sent in enumerate(sentences):
        if sent.paragraph != paragraph:
            # "NBS data released last month showed that home prices kept rising ... in January." a paragraph with no
            # figure that dates its statement frames the paragraph after it
            framing = paragraph >= 0 and not paragraph_figures and paragraph_period
            if paragraph >= 0 and lead_context is None and not (headline and paragraph == 0):
                lead_context, lead_paragraph, lead_figures = context, paragraph, paragraph_figures
            elif lead_context is not None and context.period is not None and (
                    paragraph == lead_paragraph + 1 or lead_context.period is None and not lead_figures) and (
                    lead_context.period is None
                    or not lead_figures and periods[context.period].part_of(periods[lead_context.period])):
                # a lead that dates nothing ("China has reaped summer grain harvest with a 1-percent growth"), or
                # dates no figure ("exports climbed to a record this year"): the first paragraph after it that dates
                # its figures ("From January to November, ...") gives the article's period
                lead_context = _Context(lead_context.subject, lead_context.metric, context.period, context.forward)
            if not in_headline_paragraph:
                last_subject = paragraph_subject  # what "its" opening the next paragraph refers to
            # "Specifically, ...", "Of the total, ...": a paragraph that goes on with the one before keeps its frame
            going_on = paragraph >= 0 and not in_headline_paragraph and cues.continuation.match(text, sent.start)
            same = not going_on and paragraph >= 0 and not in_headline_paragraph and (_same_series(
                text, sent, context, periods_at.get(index, []), cues) or _anaphoric_opening(
                text, sent, context, periods_at.get(index, []), cues))
            paragraph, paragraph_subject = sent.paragraph, None
            context = context if going_on else _Context(None, context.metric, context.period, context.forward) \
                if same or framing else list_frame or _Context()
            # "The trade in the first seven months of this year was as follows:": a dated paragraph without figures
            # that ends on a colon frames the list after it, paragraph by paragraph, until one dates its own figures
            if framing and cues.list_opening.search(text, sentences[index - 1].start, sentences[index - 1].end):
                list_frame = context
            elif paragraph_dated:
                list_frame = None
            paragraph_figures, paragraph_period, paragraph_dated = False, False, False
        in_headline_paragraph = headline is not None and sent.start < headline.end
        here = figures_at.get(index, [])
        paragraph_figures = paragraph_figures or bool(here)
        in_sentence, level_ends = [], []
        level: _Figure | None = None  # the last comparison level: the figures listed after it are levels too
        last_value: _Figure | None = None
        for f in here:
            if cues.condition_before.search(text, max(sent.start, f.start - 100), f.start):
                continue  # "A county can be removed from the list if no more than 2 percent of ...": a criterion
            if f.slot == "value":
                previous, last_value = last_value, f
                if cues.absolute_change_before.search(text, max(sent.start, f.start - 40), f.start) and (
                        cues.absolute_change_after.match(text, f.end)
                        or (previous is not None and f.start - previous.end < _CHANGE_AFTER_VALUE)):
                    continue  # "up 1.434 million tonnes from last year", "5 million tons, an increase of 2.9
                    # million tons": the change itself, no fact's value
                if cues.difference_after.match(text, f.end):
                    continue  # "130 billion US dollars more than that at the end of 2013": a difference
                if cues.change_by_before.search(text, max(sent.start, f.start - 40), f.start):
                    continue  # "output could be reduced by one million tonnes": the change itself
                if f.money is not None and cues.price_before.search(text, max(sent.start, f.start - 30), f.start):
                    continue  # "Priced at 3.5 yuan, the new product ...": a price described
                if f.quantity is not None and quantities[f.quantity].unit == "times" and (
                        cues.times_compared[0].search(text, max(sent.start, f.start - 20), f.start)
                        or cues.times_compared[1].match(text, f.end)):
                    continue  # "increase output by nearly five times", "almost three times that of Japan"
                if cues.threshold_before.search(text, max(sent.start, f.start - 60), f.start) \
                        or cues.threshold_after.match(text, f.end):
                    continue  # "new projects worth over 100 million yuan stood at 1,427": a class's bound
                if f.quantity is not None and _distance(text, quantities[f.quantity], cues):
                    continue  # "about 17 km from the border town", "the 1,035-km line": a description
                if f.quantity is not None and quantities[f.quantity].unit == "count" and cues.pool_before.search(
                        text, max(sent.start, f.start - 40), f.start):
                    continue  # "18th among 31 provinces", "Of a statistical pool of 70 major cities": the pool
                if cues.ratio_base_before.search(text, max(sent.start, f.start - 12), f.start):
                    continue  # "23.8 5G subscribers for every 100 residents": the base of the ratio
                if cues.unit_gloss_before.search(text, max(sent.start, f.start - 40), f.start):
                    continue  # "the average grain yield per mu (approximately 0.067 hectares)": one unit in another
            listed = level is not None and level.slot == f.slot and cues.level_list_joint.fullmatch(
                text, level.end, f.start) is not None
            over = cues.quantity_over.search(text, max(sent.start, f.start - 12), f.start)
            more_than = over is not None and (not cues.change_before_over.search(
                text, max(sent.start, over.start() - 30), over.start())  # "exported over 96,000 vehicles"
                or (f.slot == "change" and not cues.figure_before_over.search(  # "surged over 50 percent"
                    text, max(sent.start, over.start() - 30), over.start())))
            if not listed and (more_than or not _past_level(text, sent.start, f, cues)):
                in_sentence.append(f)
                level = None
                continue
            level = f
            if over is None:
                level_ends.append(f.end)
        level_ends.sort()
        # the period of a comparison level ("compared with the 5.8-percent increase in 2016") is that level's
        sentence_periods = [i for i, p in periods_at.get(index, [])  # type: ignore[misc]
                            if p.recurrence is None and not _basis(text, sent.start, p, cues)
                            and bisect_right(level_ends, p.start) == bisect_left(level_ends, p.start - _LEVEL_PERIOD)]
        named = subjects_at.get(index, [])
        sentence_subjects = [e for e in named if _can_be_subject(text, e, cues)]
        if headline is not None and sent.start < headline.end:
            # a headline on "China's small commodities hub" is the hub's, which the lead names, not China's
            sentence_subjects = [e for e in sentence_subjects if not cues.described_possessor.match(text, e.end)]
        chosen = {id(e) for e in sentence_subjects}
        partners = [e for e in named if id(e) not in chosen and not _is_source(e, cues)
                    and cues.partner_before.search(text[max(0, e.start - 12) : e.start])
                    and not _given_as_source(text, e, cues)
                    and not cues.source_before.search(text[max(0, e.start - 20) : e.start])]
        metrics = [m for m in cues.metrics.finditer(text, sent.start, sent.end)]
        in_headline = headline is not None and sent.start < headline.end
        clauses = _clauses(text, sent, cues)
        local = _Sentence(sent, clauses, sentence_subjects, partners, metrics, sentence_periods, periods)
        local.ahead = ahead = cues.forward.search(text, sent.start, sent.end) is not None
        local.present = (lambda i=index, h=in_headline: not h and i in present)  # asked only where it decides
        local.paragraph_framed = paragraph_dated or paragraph_period
        local.article, local.first_of_kind = article, first_of_kind
        local.named, local.named_starts = named, [e.start for e in named]
        local.described = described
        local.figure_starts = [f.start for f in in_sentence]
        headline_frame = _refined(headline_context, lead_context, text, cues)  # neither changes within the sentence
        for k, draft in enumerate(_group(text, clauses, in_sentence, local, cues, quantities)):
            if k == 0 and facts and _second_reading(text, sent, draft, facts[-1], cues):
                continue  # "The figure marked an increase of 23.4 percent from the pre-epidemic level in 2019" after
                # "reached 28.33 trillion yuan, up 22.7 percent": a second change of that figure, in no fact
            # "... received 145.5 billion yuan. This is a significant increase, up 23 percent"; "It was 4.93 billion
            # CNY, up 35.7%. This accounted for 53.5% of the total Hunan-Africa trade"
            if k == 0 and facts and facts[-1].sentence == index - 1 and sentences[index - 1].paragraph == sent.paragraph \
                    and (slot := _slot_of_previous(text, sent, draft, facts[-1], cues)) is not None:
                facts[-1] = facts[-1].model_copy(update={slot: draft.figures[0].percentage})
                continue
            value = draft.slot("value")
            counted = value is not None and value.quantity is not None \
                and quantities[value.quantity].unit == "count"
            local.context_subject = context.subject
            local.last_subject = last_subject
            fact = _fact(text, index, local, draft, cues, [context, headline_frame, lead_context or _Context()],
                         counted)
            facts.append(fact)
            local.previous_end = draft.end
            if draft.compared_from is not None:
                continue  # "well above the national overall level of 3.9%": another series compared with, not
                # what the paragraph goes on about
            local.previous_subject = fact.subject if draft.subject is None else local.previous_subject
            # a subject given out by a "respectively" list is one member of it, not what the paragraph is about
            subject = context.subject if draft.subject is not None else fact.subject or context.subject
            paragraph_subject = paragraph_subject or subject
            own = fact.period is not None and "period" not in fact.inherited
            # "In 2018, GDP rose 6.3 percent. Profits increased by 31.2 percent from January to November. Revenue
            # increased by 8.3 percent": a part of the period the paragraph has dated its figures by, named after its
            # own figure, dates that figure only; the paragraph goes on in its frame
            detail = own and paragraph_dated and context.period is not None and periods[fact.period].start > draft.end \
                and periods[fact.period].part_of(periods[context.period])
            paragraph_dated = paragraph_dated or own
            context = _Context(subject, fact.metric or context.metric,
                               fact.period if fact.period is not None and not detail else context.period,
                               ahead if own and not detail else context.forward)
        if not in_sentence:  # a sentence without figures may still set the paragraph's frame, though not by a
            # single day ("Bales were stacked in a warehouse on Monday": a scene, not the figures' period)
            # "The prefecture grows a fifth of Xinjiang's cotton": the prefecture named before, not Xinjiang
            local.context_subject = context.subject
            typed = _typed_anaphor(text, sent.start, sentence_subjects[0].start if sentence_subjects else sent.end,
                                   local, cues)
            named_first = typed[1] if typed else None
            # a period's end is a day too, but the date of a stock ("As of the end of 2022, players reached ..."),
            # not a scene's
            framed = next((i for i in sentence_periods if periods[i].first_day is None
                           or periods[i].first_day != periods[i].last_day
                           or cues.stock_day.search(periods[i].text)), None)
            paragraph_period = paragraph_period or framed is not None
            # "The city has a large concentration of poor families": opening a paragraph that names nothing, the
            # subject of the paragraph before
            opening = cues.anaphora.match(text, sent.start) if paragraph_subject is None and not sentence_subjects \
                and context.subject is None else None
            carried = last_subject if opening and typed is None else None
            # a headline without figures whose only name is a possessor after a partner's preposition ("An insight
            # into China's esports industry") is about what that name owns; "ties with Latin America" is not
            alone = [e for e in partners[:1] if text[e.end : e.end + 2] in ("'s", "’s")] \
                if in_headline and not sentence_subjects else []
            # "Southwest China's Yunnan Province has become ...": along the possessive chain, Yunnan
            context = _Context(named_first or _subject_of(sentence_subjects, cues, text) or _subject_of(alone, cues)
                               or context.subject or carried,
                               _metric(metrics[0], cues) if metrics else context.metric,
                               framed if framed is not None else context.period,
                               ahead if framed is not None else context.forward)
        if in_headline:
            headline_context = context
    # a headline figure without a subject ("Fiscal revenue up 27.6% in H1") is the lead's first subject's
    headline_end = headline.end if headline is not None else -1
    lead = next((f.subject for f in facts if sentences[f.sentence].start >= headline_end and f.subject), None)
    for k, f in enumerate(facts):
        if sentences[f.sentence].start >= headline_end or lead is None:
            break
        if f.subject is None:
            facts[k] = f.model_copy(update={"subject": lead, "inherited": ["subject", *f.inherited]})
    return _headline_periods(facts, sentences, headline_end, percentages)


def _headline_periods(facts: list[Fact], sentences: list[Sentence], headline_end: int,
                      percentages: list[Percentage]) -> list[Fact]:
    """A headline change without a period ("Huawei's yearly revenue surges by 18 percent") takes the period of the
    lead's first fact with the same change ("The overall 2019 revenue ... surging by 18 percent")."""
    body = [f for f in facts if sentences[f.sentence].start >= headline_end]
    first = sentences[body[0].sentence].paragraph if body else None
    lead = [f for f in body if sentences[f.sentence].paragraph == first]
    for k, f in enumerate(facts):
        if sentences[f.sentence].start >= headline_end:
            break
        if f.period is not None or f.change is None:
            continue
        change = percentages[f.change]
        twin = next((g for g in lead if g.change is not None and g.period is not None
                     and percentages[g.change].value == change.value
                     and percentages[g.change].direction == change.direction), None)
        if twin is not None:
            facts[k] = f.model_copy(update={"period": twin.period, "inherited": [*f.inherited, "period"]})
    return facts


def _same_series(text: str, sent: Sentence, context: _Context, periods: list[tuple[int, Period]], cues: _Cues) -> bool:
    """A paragraph opening on the series the paragraph before ended with (`same_series` before its first metric),
    and dating nothing itself ("The M2 growth was 0.4 percentage points higher than the same period last year" after
    "M2 rose 8.4 percent ... at the end of October"): it keeps that paragraph's period and metric, not its subject."""
    if context.metric is None or context.period is None:
        return False
    first = cues.metrics.search(text, sent.start, sent.end)
    if first is None or cues.metric_names[first.group(0).casefold()] != context.metric.name \
            or not cues.same_series.fullmatch(text[sent.start : first.start()].strip()):
        return False
    return all(p.recurrence is not None or _basis(text, sent.start, p, cues) for _, p in periods)


def _second_reading(text: str, sent: Sentence, draft: _Draft, previous: Fact, cues: _Cues) -> bool:
    """A sentence opening on "The figure" whose first statement is one change alone, after a fact with a value and its
    change: a second change of that value (a share, or a first change, is a fact of its own, as the gold has it)."""
    return (len(draft.figures) == 1 and draft.figures[0].slot == "change" and previous.change is not None
            and (previous.money is not None or previous.quantity is not None)
            and cues.figure_anaphor.match(text, sent.start) is not None)


def _slot_of_previous(text: str, sent: Sentence, draft: _Draft, previous: Fact, cues: _Cues) -> str | None:
    """A sentence opening on a bare "This", "That" or "It" whose first statement is one figure alone, right after a fact
    with a value: "change" when it is a change ("This is a significant increase, up 23 percent") and that fact has no
    change or share, "share" when it is a share ("This accounted for 53.5% of the total") and that fact has none; the
    slot of the value's fact it fills. None otherwise."""
    if len(draft.figures) != 1 or (previous.money is None and previous.quantity is None):
        return None
    slot = draft.figures[0].slot
    if slot == "change" and previous.change is None and previous.share is None:
        opening = cues.change_anaphor
    elif slot == "share" and previous.share is None:
        opening = cues.share_anaphor
    else:
        return None
    return slot if opening.match(text, sent.start) is not None else None


def _anaphoric_opening(text: str, sent: Sentence, context: _Context, periods: list[tuple[int, Period]],
                       cues: _Cues) -> bool:
    """A paragraph opening on an anaphor of what the paragraph before was about ("The energy giant's total installed
    capacity has reached ..." after "By the end of August, China Energy's ...") and dating nothing itself: it keeps
    that paragraph's period."""
    if context.period is None or context.subject is None:
        return False
    opening = cues.anaphora.match(text, sent.start) or any(
        a.match(text, sent.start) for a, _, _ in cues.kinds) or cues.described_anaphor.match(text, sent.start)
    if opening is None:
        return False
    return all(p.recurrence is not None or _basis(text, sent.start, p, cues) for _, p in periods)


class _Sentence:
    """One sentence's clauses and candidates, sorted, for lookups by position (bisect, never a scan)."""

    def __init__(self, sent: Sentence, clauses: list[tuple[int, int]], subjects: list[Entity], partners: list[Entity],
                 metrics: list[re.Match[str]], period_indices: list[int], periods: list[Period]) -> None:
        self.sent, self.clauses = sent, clauses
        self.clause_starts = [c[0] for c in clauses]
        self.subjects, self.subject_starts = subjects, [e.start for e in subjects]
        self.partners, self.partner_starts = partners, [e.start for e in partners]
        self.metrics, self.metric_starts = metrics, [m.start() for m in metrics]
        self.periods = period_indices
        self.period_starts = [periods[i].start for i in period_indices]
        self.period_ends = [periods[i].end for i in period_indices]
        self.article: tuple[list[Entity], list[int]] = ([], [])
        self.first_of_kind: dict[str, int] = {}
        self.named: list[Entity] = []  # every candidate entity of the sentence, partners and parts of lists too
        self.named_starts: list[int] = []
        self.described: dict[str, list[tuple[int, FactSubject]]] = {}
        self.context_subject: FactSubject | None = None
        self.last_subject: FactSubject | None = None
        self.previous_subject: FactSubject | None = None  # the subject of the sentence's fact before (a clause's own)
        self.previous_end = -1  # where the sentence's fact before ends
        self.figure_starts: list[int] = []  # where the sentence's figures start (those in facts), sorted
        self.ahead = False  # the sentence looks ahead (a plan, a forecast: cue "forward")
        self.present: Callable[[], bool] = lambda: False  # the sentence's verbs are all in the simple present
        self.paragraph_framed = False  # the paragraph has dated a fact or a statement of its own (not carried over)

    def clause_of(self, position: int) -> tuple[int, int]:
        i = bisect_right(self.clause_starts, position) - 1
        return self.clauses[max(i, 0)]

    @staticmethod
    def between(items: list[T], starts: list[int], lo: int, hi: int) -> list[T]:
        """The items starting in ``lo:hi``."""
        return items[bisect_left(starts, lo) : bisect_left(starts, hi)]


def _restated_quantity(text: str, before: Quantity, quantity: Quantity, cues: _Cues) -> bool:
    """"900,000 mu (60,000 hectares)": a quantity in brackets right after one of the same unit restates it, as a
    converted amount does; it is in no fact (the fact takes the first)."""
    return before.unit == quantity.unit and before.unit != "count" \
        and cues.restated.fullmatch(text, before.end, quantity.start) is not None


def _past_level(text: str, sentence_start: int, figure: _Figure, cues: _Cues) -> bool:
    """A level given as the comparison ("up from 31 percent"); not a count of the places something comes from
    ("203,346 buyers from 214 countries and regions")."""
    before = text[max(sentence_start, figure.start - 40) : figure.start]
    return cues.past_level_before.search(before) is not None and not (
        figure.quantity is not None and cues.places_counted_after.match(text, figure.end))


def _basis(text: str, sentence_start: int, period: Period, cues: _Cues) -> bool:
    """A comparison basis ("from a year earlier", "the same period last year"), not the fact's period."""
    if cues.basis_periods.match(period.text):
        return True
    before = text[max(sentence_start, period.start - 32) : period.start]
    found = cues.basis_before.search(before)
    if found:
        word = found.group(0).split()[0].casefold()
        opening = not text[max(sentence_start, period.start - 60) : period.start - len(found.group(0))].strip(" ,")
        article = found.group(0).split()[-1].casefold() in ("the", "a")  # "from the January-August period": a basis
        if word == "from" and (opening or (cues.range_periods.search(period.text) and not article)):
            return False  # "From January to November": a range, not a basis
        if word == "over" and cues.ahead_periods.match(period.text):
            return False  # "over the next three years"
        return True
    if cues.level_basis_before.search(text, max(sentence_start, period.start - 80), period.start):
        return True  # "surpassing the average of 12,000 recorded in 2015": the compared level's year
    event = cues.event_before.search(text, max(sentence_start, period.start - 40), period.start)
    if event and not cues.created_counted.search(text, max(sentence_start, event.start() - 30), event.start()):
        return True  # "launched in November 2023", "since 2016": when something began
    # ("431,300 urban jobs were also created last year": the creating is what the figure counts, its period)
    if cues.event_clause.match(text[sentence_start : period.start]) or cues.event_since.search(
            text, max(sentence_start, period.start - 80), period.start):
        return True  # "Since the first train passed through the port in 2016, ...", "since it served the first ... in"
    if cues.target_of[1].match(text, period.end) and cues.target_of[0].search(
            text, max(sentence_start, period.start - 40), period.start):
        return True  # "75.4 percent of the ministry's full-year target": the target's year
    # a stock at a month's end ("194.56 trillion yuan at the end of October, according to the PBOC") is dated by
    # that day, which is not the day the data came out
    one_day = (period.first_day is not None and period.first_day == period.last_day
               and not period.text.lower().startswith("end of")) or bool(cues.day_words.fullmatch(period.text))
    until = cues.day_until.search(text, max(sentence_start, period.start - 12), period.start) is not None
    return one_day and not until and bool(
        cues.report_before.search(text[max(sentence_start, period.start - 40) : period.start])
        or cues.report_after.match(text[period.end : period.end + 30]))


def _distance(text: str, quantity: Quantity, cues: _Cues) -> bool:
    """A length that describes a route or a place: a modifier ("the 350-kilometer drive") or followed by "from"."""
    if quantity.unit not in cues.distance_units:
        return False
    return _HYPHENATED.search(quantity.text) is not None or cues.distance_after.match(text, quantity.end) is not None


def _global(text: str, lo: int, hi: int, cues: _Cues) -> bool:
    """Whether ``text[lo:hi]`` states a figure of the whole world ("global output", "rise 16 percent globally"), not
    a rank in it ("ranking third globally")."""
    return any(not cues.global_not_after.search(text, max(lo, m.start() - 40), m.start())
               for m in cues.global_figure.finditer(text, lo, hi))


def _short_names(subjects: list[Entity], text: str, cues: _Cues, headline_end: int = -1) -> list[Entity]:
    """``subjects`` with a short name before its kind's noun ("the Zhengzhou airport" after "Zhengzhou Xinzheng
    International Airport") given the canonical name of the subject of that kind named before whose name holds it;
    in the headline ("Tianjin cruise port receives ..."), the first one the article names after it."""
    out = list(subjects)
    kinds = [canonical for _, canonical, _ in cues.kinds if canonical.pattern in cues.noun_kinds]
    # per kind, its subjects in text order; only the last few are looked back at, so the stage stays linear
    named: dict[str, list[Entity]] = {}
    headline_short: list[tuple[int, str, str]] = []  # (index, kind, short name) of the headline's, resolved below
    for k, e in enumerate(subjects):
        name = e.canonical or e.text
        in_headline = e.start < headline_end
        kind = next((c.pattern for c in kinds if (noun := cues.noun_kinds[c.pattern]).match(text, e.end) and (
            in_headline or _named_as_kind(text, e, noun, cues))), None)
        if kind is not None and in_headline:
            headline_short.append((k, kind, name))
        elif kind is not None:
            # the last one named before whose canonical is of the kind and holds the short name as words
            full = next((f for f in reversed(named.get(kind, [])[-_SHORT_NAME_LOOKBACK:]) if f.canonical != name
                         and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", f.canonical or f.text)), None)
            if full is not None:
                out[k] = e.model_copy(update={"canonical": full.canonical})
        for canonical in kinds:
            if canonical.search(name):
                named.setdefault(canonical.pattern, []).append(e)
    for k, kind, name in headline_short:
        full = next((f for f in named.get(kind, [])[:_SHORT_NAME_LOOKBACK] if f.start >= headline_end
                     and f.canonical != name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", f.canonical or f.text)),
                    None)
        if full is not None:
            out[k] = subjects[k].model_copy(update={"canonical": full.canonical})
    return out


def _named_as_kind(text: str, entity: Entity, noun: re.Pattern[str], cues: _Cues) -> bool:
    """The text names ``entity`` as one of a kind: "the" before it and the kind's noun after it ("The Yangtze River
    Delta region", "the Zhengzhou airport"); not "central China airport", a place the airport is in."""
    return noun.match(text, entity.end) is not None and \
        cues.noun_kind_before.search(text, max(0, entity.start - 8), entity.start) is not None


def _is_source(entity: Entity, cues: _Cues) -> bool:
    """A body that publishes the data ("the General Administration of Customs", "Kashgar Customs")."""
    name = entity.canonical or entity.text
    return name in cues.sources or cues.source_names.search(name) is not None


def _given_as_source(text: str, entity: Entity, cues: _Cues) -> bool:
    """A body the text gives as the figures' publisher or forecaster, whatever its name: "Statistics from the China
    Automobile Dealers Association show", "The CADA expects ... sales to reach" (a body, not a company, whose own
    forecast stays its own)."""
    if cues.data_from_before.search(text[max(0, entity.start - 30) : entity.start]):
        return True
    return entity.label == "ORG" and cues.forecast_after.match(text[entity.end : entity.end + 40]) is not None \
        and cues.own_results[1].search(entity.canonical or entity.text) is not None


def _can_be_subject(text: str, entity: Entity, cues: _Cues) -> bool:
    """Not a partner, not the data's source, not half of a compound ("China-Europe freight trains")."""
    before = text[max(0, entity.start - 30) : entity.start]
    after = text[entity.end : entity.end + 40]
    # half of a compound ("China-Europe freight trains"), except the first party of a bilateral series
    # ("China-Russia trade": China) and the first place of a region named jointly ("the Chengdu-Chongqing economic
    # circle": Chengdu)
    compound = text[entity.start - 1 : entity.start] == "-" or (
        text[entity.end : entity.end + 1] == "-" and not cues.bilateral_after.match(text, entity.end)
        and not cues.joint_region_after.match(text, entity.end))
    dateline = entity.text.isupper() and len(entity.text) > 3 and re.match(r"\s*[,—–(-]", after) is not None
    bracketed = text[entity.start - 1 : entity.start] == "(" and after[:1] == ")"  # "(Xinhua)", "(GAC)"
    source = _is_source(entity, cues) or _given_as_source(text, entity, cues)
    # a source, unless "the NDRC said it approved" (an actor), "China's coal-rich province of Shanxi reported more than
    # 862 million tonnes" (a place reporting its own figure) or "Alibaba reported on Thursday stronger-than-expected
    # revenue" (a company reporting its own results)
    said = cues.source_after.match(after) and not cues.actor_after.match(after) \
        and not (entity.label in ("GPE", "LOC") and cues.place_reported.match(after)) \
        and not (entity.label == "ORG" and cues.own_results[0].match(text, entity.end)
                 and not cues.own_results[1].search(entity.canonical or entity.text))
    holiday = entity.label == "EVENT" and not cues.event_subjects.search(entity.canonical or entity.text)
    # "East China port's annual container throughput": the port's, not China's
    modifier = cues.region_modifier[0].search(before) is not None and cues.region_modifier[1].match(after) is not None \
        and cues.region_modifier[2].search(entity.text) is None
    # "foreign-owned and Hongkong, Macao and Taiwan companies attained ...": where the firms come from
    origin = cues.origin_of_firms.match(text, entity.end) is not None \
        or cues.visitors_origin.match(text, entity.end) is not None  # "Chinese tourist visits to the province"
    return not (compound or dateline or bracketed or source or cues.not_subject_before.search(before) or said
                or holiday or modifier or origin)


def _aside(text: str, lo: int, position: int, cues: _Cues) -> re.Match[str] | None:
    """The opening of the aside (", a major land port ...", ", capital of ...") that ``position`` stands in, looked
    for from ``lo``; None when it stands in none. The comma after a fronted phrase ("Further west,") opens none."""
    first = text.find(",", lo, position)
    if first >= 0 and cues.fronted.fullmatch(text, lo, first):
        lo = first + 1
    if text.count(",", lo, position) % 2 == 0:
        return None
    return cues.apposition.search(text, lo, position)


def _in_apposition(text: str, entity: Entity, clause_start: int, figure: int, cues: _Cues) -> bool:
    """Inside ", a major land port on China's border ," or ", capital of northwest China's Shaanxi Province," after the
    clause's subject: an aside closed before the figure (not "Further west, the Ganqimaodu port handled")."""
    if "," not in text[entity.end : figure]:
        return False
    if text[clause_start : entity.start].rstrip().endswith(",") and cues.possessive_aside.match(text, entity.end):
        return True  # "trade with ASEAN, China's largest trading partner, rose": the aside's possessor
    aside = _aside(text, clause_start, entity.start, cues)
    # "China's busiest port, the Port of Ningbo Zhoushan": the aside names what the possessive holds
    return aside is not None and cues.possessed.search(text, clause_start, aside.start()) is None


def _subject_of(candidates: list[Entity], cues: _Cues, text: str = "") -> FactSubject | None:
    """The clause's first candidate, its grammatical subject in this press ("Kazakhstan remained China's largest
    partner"), moving along a possessive chain ("northwest China's Xinjiang": Xinjiang)."""
    if not candidates:
        return None
    k = 0
    while k + 1 < len(candidates) and cues.possessive_chain.fullmatch(text, candidates[k].end, candidates[k + 1].start):
        k += 1
    e = candidates[k]
    canonical = cues.demonyms.get(e.text, e.canonical) if e.label == "NORP" else e.canonical
    return FactSubject(text=e.text, start=e.start, end=e.end, canonical=canonical)


def _metric(match: re.Match[str], cues: _Cues) -> FactMetric:
    return FactMetric(text=match.group(0), start=match.start(), end=match.end(),
                      name=cues.metric_names[match.group(0).casefold()])


def _clauses(text: str, sent: Sentence, cues: _Cues) -> list[tuple[int, int]]:
    """The sentence's clauses; a "respectively" list is one up to the word (its list may pair subjects and figures
    across a break: ``_group`` parts it again), what follows it is cut as any clauses."""
    listing = cues.respectively.search(text, sent.start, sent.end)
    if listing:
        # "lottery sales went up 8.1 percent to 386.99 billion yuan, with sales of welfare lottery tickets and sports
        # lottery tickets increasing 5.3 percent and 11.1 percent, respectively": the list opens at the "with"
        opening = _last_match(cues.list_with, text, sent.start, listing.start())
        head = _breaks(text, sent.start, opening.start(), cues) if opening else []
        start = opening.end() if opening else sent.start
        # the list ends at "respectively": "..., respectively, while Russia accounted for 17.9 percent" goes on
        after = cues.clause_breaks.search(text, listing.end(), sent.end)
        if after is None:
            return [*head, (start, sent.end)]
        return [*head, (start, after.start()), *_breaks(text, after.end(), sent.end, cues)]
    return _breaks(text, sent.start, sent.end, cues)


def _breaks(text: str, lo: int, hi: int, cues: _Cues) -> list[tuple[int, int]]:
    """``text[lo:hi]`` cut at its clause breaks."""
    out, start = [], lo
    for m in cues.clause_breaks.finditer(text, lo, hi):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, hi))
    return out


def _group(text: str, clauses: list[tuple[int, int]], figures: list[_Figure], local: _Sentence, cues: _Cues,
           quantities: list[Quantity]) -> list[_Draft]:
    """The sentence's figures (in text order) grouped into facts, clause by clause; ``local`` gives the sentence's
    candidate entities (partners included) and its own periods."""
    drafts: list[_Draft] = []
    named, named_starts = local.named, local.named_starts
    period_starts, period_indices = local.period_starts, local.periods
    k = 0
    for start, end in clauses:
        inside = []
        while k < len(figures) and figures[k].start < end:
            if figures[k].start >= start:
                inside.append(figures[k])
            k += 1
        values = [f for f in inside if f.slot == "value"]
        if len(values) > 1:  # a multiplier next to a level compares; alone it is the value
            inside = [f for f in inside if f.quantity is None or quantities[f.quantity].unit != "times"]
        listing = cues.respectively.search(text, start, end)
        if listing:
            # "rose by 11.5 percent to 9.69 billion yuan, accounting for 57.2 percent ..., while textiles, footwear and
            # medicines increased by 43.4 percent, 63.7 percent and 33 percent, respectively": the clauses before
            # the list's own are grouped as any others when the list's clause holds whole lists (not "rose to $28.6
            # billion while B topped $4 billion, up 11.3 percent and 58.3 percent respectively")
            cut = _last_match(cues.clause_breaks, text, start, listing.start())
            head = [f for f in inside if cut is not None and f.start < cut.start()]
            tail = inside[len(head):]
            lengths = {len(r) for r in _runs(text, tail, cues, joined=False)}
            if cut is not None and head and len(lengths) == 1 and min(lengths) > 1:  # the list's clause: whole lists
                drafts += _group(text, _breaks(text, start, cut.start(), cues), head, local, cues, quantities)
                inside = tail
            periods = _Sentence.between(period_indices, period_starts, start, end)
            drafts += _respectively(text, start, inside, _Sentence.between(named, named_starts, start, end), cues,
                                    list(zip(_Sentence.between(period_starts, period_starts, start, end), periods)))
            continue
        current: _Draft | None = None
        last_end = start  # the end of the figure before this one (in a fact or not)
        last_start = start
        for figure in inside:
            previous, last_end = last_end, figure.end
            previous_start, last_start = last_start, figure.start
            if current is None:
                current = _Draft([figure])
                drafts.append(current)
                continue
            taken = current.slot(figure.slot)
            between = text[previous : figure.start]
            # "likely to exceed 100 billion dollars this year, after an increase of nearly 30 percent in the first
            # quarter": each figure dated by a period of its own, so two statements
            after = bisect_left(period_starts, figure.end)
            own_periods = bisect_left(period_starts, figure.start) > bisect_left(period_starts, previous) and \
                after < len(period_starts) and cues.own_period.fullmatch(text, figure.end, period_starts[after])
            if taken is None and own_periods:
                current = _Draft([figure])
                drafts.append(current)
                continue
            # "56.1 billion yuan, with exports accounting for 91.3 percent": the share of another series
            # ("with Central Asian countries accounting for 70 percent of the total": a part of the value, its share)
            other_share = figure.slot == "share" and _other_series(between, current, cues) \
                and not _Sentence.between(named, named_starts, previous, figure.start)
            # "rose 7.7 percent, outpacing a 3-percent increase in agriculture and 6.4 percent in the secondary
            # industry": the changes compared with are other series', each a fact
            outpaced = cues.outpaced.search(between) if figure.slot == "change" and taken is not None else None
            if outpaced or (current.compared_from is not None and taken is not None and figure.slot == "change"
                            and cues.outpaced_list.fullmatch(between)):
                current = _Draft([figure], compared_from=previous + outpaced.start() if outpaced else figure.start)
                drafts.append(current)
                continue
            # "2.5 million tonnes of cargo were transported to destinations in more than 10 countries and regions, up
            # 64.1 percent": the change of the level, not of the count that describes where it went
            if figure.slot == "change" and taken is None and len(drafts) > 1 and _described_count(
                    text, current, drafts[-2], quantities, cues):
                drafts[-2].figures.append(figure)
                continue
            # "rose by 5.5 percent to 37.79 billion yuan and canned food realized 55 percent growth", "5,000 tons, ...,
            # with a market share increasing by 15-20 percent": a clause of its own with its own series' change
            if figure.slot == "change" and cues.clause_series.search(between):
                current = _Draft([figure])
                drafts.append(current)
                continue
            # "130.4 billion yuan, with the growth rate falling 7.9 percentage points": the points a growth rate moved
            # are that rate's fact, not the value's change (gold/README.md "Facts")
            # ("investment increasing 9.4 percent and the growth rate accelerating by 0.3 percentage points": after the
            # value's own change too, the rate named between makes it another statement)
            if figure.slot == "change" and figure.points and cues.rate_points.search(between):
                current = _Draft([figure])
                drafts.append(current)
                continue
            # "2.4 individuals specialize in IT, while 46.7 percent of the enterprises have applied ...": a share
            # opening a clause of its own and naming its own whole is another statement
            if figure.slot == "share" and cues.share_clause[0].search(between) \
                    and cues.share_clause[1].match(text, figure.end):
                current = _Draft([figure])
                drafts.append(current)
                continue
            # "General public budget revenue increased by 8.3 percent, including 13.6 percent in tax revenue": a part's
            # own change, another statement
            if figure.slot == "change" and cues.component_change.search(between):
                current = _Draft([figure])
                drafts.append(current)
                continue
            if taken is None and not (figure.slot == "value" and _names_its_series(between, cues)) \
                    and not other_share:
                current.figures.append(figure)
                continue
            if cues.range_joint.fullmatch(between) or (cues.range_and.fullmatch(between) and cues.range_between.search(
                    text, max(start, previous_start - 12), previous_start)):
                continue  # the range's upper end ("4 to 5 million", "between 4 and 5 percent"): the same figure
            # a place named between, a partner too ("Kazakhstan took 47.5 percent, with Uzbekistan second at 22.8
            # percent"), starts another series
            new_series = _names_another_series(between, current, cues) or bool(
                _Sentence.between(named, named_starts, previous, figure.start))
            # "non-food and service prices climbed 2 percent and 2.3 percent": a list without "respectively", one
            # figure per series
            # "rose 12 percent year on year to 11.3 trillion yuan, 4.1 percentage points faster than 2016": the pace
            # of the change against another year, a second reading
            if figure.slot == "change" and figure.points and taken is not None and not taken.points \
                    and cues.points_compared_after.match(text, figure.end):
                continue
            # "accounting for 70 percent of the taxes ... and providing 90 percent of all jobs": a second statement
            second = figure.slot == "share" and cues.second_share.search(between) is not None
            if figure.slot == "value" or new_series or second or (
                    between.strip() and cues.list_joint.fullmatch(between)):
                current = _Draft([figure])
                drafts.append(current)
            # else: a second reading of the same figure ("up 5 percent year on year and 2 percent from May")
    return drafts


def _last_match(pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[lo:hi]`` (one pass)."""
    last = None
    for last in pattern.finditer(text, lo, len(text) if hi is None else hi):
        pass
    return last


def _other_series(between: str, current: _Draft, cues: _Cues) -> bool:
    """A series named between the draft's last figure and a share after it, other than the value's own named right
    after it ("16.41 billion yuan in imports and exports, contributing to 61.9 percent of the total")."""
    found = cues.metrics.search(between)
    if found is not None and current.figures[-1].slot == "value" and cues.value_series.fullmatch(between, 0, found.start()):
        found = cues.metrics.search(between, found.end())
    return found is not None


def _described_count(text: str, current: _Draft, before: _Draft, quantities: list[Quantity], cues: _Cues) -> bool:
    """``current`` is a count alone that describes the level of ``before`` (which has no change yet): "in more than 10
    countries and regions" after "2.5 million tonnes of cargo were transported"."""
    if len(current.figures) != 1 or current.figures[0].quantity is None or before.slot("change") is not None:
        return False
    value = before.slot("value")
    count = current.figures[0]
    return quantities[count.quantity].unit == "count" and value is not None and value.end <= count.start \
        and cues.count_place_before.search(text, max(value.end, count.start - 30), count.start) is not None


def _names_another_series(between: str, current: _Draft, cues: _Cues) -> bool:
    """A series named between the draft's last figure and the next one, other than the whole a share is of ("accounting
    for 59 percent of the total foreign trade, 2.3 percentage points higher": the share's own change)."""
    found = cues.metrics.search(between)
    if found is not None and current.figures[-1].slot == "share" and cues.share_whole[0].fullmatch(
            between, 0, found.start()) and cues.share_whole[1].fullmatch(between, found.end()):
        return False
    return found is not None


def _names_its_series(between: str, cues: _Cues) -> bool:
    """A value right after its own series' name ("11.5 percent, resulting in a trade surplus of 901.32 billion yuan"):
    another series than the change before it."""
    last = _last_match(cues.metrics, between)
    return last is not None and cues.metric_of.fullmatch(between, last.end()) is not None


def _respectively(text: str, clause_start: int, figures: list[_Figure], subjects: list[Entity], cues: _Cues,
                  periods: list[tuple[int, int]]) -> list[_Draft]:
    """ "A and B ... 45.8 percent and 8.7 percent, respectively": runs of one slot, zipped in order; figures
    outside the zipped lists are facts of their own; ``periods``: (start, index) of the clause's own periods, given out
    in order when the list names one per figure. Partners listed after their trade's owner ("the region's trade
    with A and B", "Xinjiang saw its trade with A and B") give no subjects: the owner is the figures' subject."""
    runs = [r for r in _runs(text, figures, cues, joined=False) if len(r) > 1]
    if not runs:
        return [_Draft([f]) for f in figures]
    n = max(len(r) for r in runs)
    if sum(1 for r in runs if len(r) == n) == 1:
        shorter = [len(r) for r in runs if len(r) < n]
        if shorter:
            # "reached 200 million tons, including 50.9, 43.4 and 19.7 million tons ..., up 30, 90.8 and 39.4
            # percent respectively": the longer run's last figures are the list the shorter one pairs with
            n = max(shorter)
            runs = [r[-n:] for r in runs if len(r) >= n]
        else:
            # one list alone may not be all one list: "climbed 5.3 percent, and trade with A and B came in at
            # 5.2 percent and 11 percent, respectively" lists only the figures joined by commas and "and"
            joined = [r for r in _runs(text, figures, cues, joined=True) if len(r) > 1]
            if len(joined) == 1:
                runs, n = joined, len(joined[0])
    lists = [r for r in runs if len(r) == n]
    drafts = [_Draft([r[i] for r in lists]) for i in range(n)]
    listed = {id(f) for r in lists for f in r}
    first = min(f.start for r in lists for f in r)
    # "trade between China and Kazakhstan": the second party is not one of the list's subjects
    named = [e for e in subjects if e.end <= first
             and not cues.second_party_before.search(text, max(0, e.start - 40), e.start)]
    # "South Korea and China's Hong Kong SAR": the possessor of the next name is no member of the list
    named = [e for k, e in enumerate(named) if not (k + 1 < len(named) and re.fullmatch(
        r"['’]s\s+(?:the\s+)?", text[e.end : named[k + 1].start]))]
    owner = _last_match(cues.owner_before, text, clause_start, first)
    # the partners listed right after the owner ("its trade with A and B"), not after another partner of it
    owned = owner is not None and 0 < sum(1 for e in named if e.start >= owner.end()) <= n
    if len(named) >= n and not owned:  # "Kazakhstan and Kyrgyzstan topped the list ... respectively"
        for draft, entity in zip(drafts, named[-n:]):
            draft.subject = _subject_of([entity], cues)
    # "revenue for the first three quarters of 2024 and that of the entire 2023 reached A and B, respectively"
    dated = [k for start, k in periods if start < first]
    if len(dated) == n:
        for draft, k in zip(drafts, dated):
            draft.period = k
    alone = []
    for figure in (f for f in figures if id(f) not in listed):
        if figure.start > drafts[-1].end and drafts[-1].slot(figure.slot) is None:
            drafts[-1].figures.append(figure)  # "6.1 billion yuan, and duty-free goods 2.65 billion yuan, up by 2.6
        else:                                  # times and 25.1 percent": the last figure's change
            alone.append(_Draft([figure]))
    return sorted(drafts + alone, key=lambda d: d.start)


def _runs(text: str, figures: list[_Figure], cues: _Cues, joined: bool) -> list[list[_Figure]]:
    """Runs of figures of one slot; with ``joined``, only those joined by commas and "and" ("5.2 percent and 11
    percent")."""
    runs: list[list[_Figure]] = []
    for figure in figures:
        if runs and runs[-1][-1].slot == figure.slot and (
                not joined or cues.list_joint.fullmatch(text, runs[-1][-1].end, figure.start)):
            runs[-1].append(figure)
        else:
            runs.append([figure])
    return runs


def _typed_anaphor(text: str, lo: int, hi: int, local: _Sentence, cues: _Cues
                   ) -> tuple[int, FactSubject | None, bool] | None:
    """The last anaphor of a kind in ``lo:hi`` ("the port", "the FTZ") as (its start, the subject it refers to, whether
    an unnamed one of the kind has no subject): the subject is the paragraph's when it is of that kind, else the
    article's first of that kind named before the anaphor (see ``_named_before``), else None."""
    found = None
    for anaphor, canonical, unnamed_is_none in cues.kinds:
        for m in anaphor.finditer(text, lo, hi):
            if cues.source_after.match(text[m.end() : m.end() + 40]):
                continue  # "the ministry said": the source, not the subject
            if cues.scope_before.search(text, max(lo, m.start() - 60), m.start()):
                continue  # "the region has the longest rail network in the country": the scope, not the subject
            if found is None or m.start() > found[0].start():
                found = (m, canonical, unnamed_is_none)
    if found is None:
        return None
    m, canonical, unnamed_is_none = found
    named = _named_before(text, m.start(), canonical, local, cues)
    # "well above the national overall level of 3.9%" where China is never named: the nation's all the same
    national = named is None and canonical.search(cues.national_name) is not None \
        and cues.national.match(text, m.start(), m.end()) is not None
    if national:
        named = FactSubject(text=m.group(0), start=m.start(), end=m.end(), canonical=cues.national_name)
    return m.start(), named, unnamed_is_none


def _described_anaphor(text: str, lo: int, hi: int, local: _Sentence, cues: _Cues
                       ) -> tuple[int, FactSubject | None, bool] | None:
    """The last "the <...> hub" in ``lo:hi`` whose noun an apposition gave a name before ("Yiwu, a key export hub ...
    the small commodities hub"), as ``_typed_anaphor`` gives it; None when there is none."""
    m = _last_match(cues.described_anaphor, text, lo, hi)
    if m is None:
        return None
    named = [s for start, s in local.described.get(m.group("noun"), []) if start < m.start()]
    return (m.start(), named[-1], False) if named else None


def _named_before(text: str, position: int, canonical: re.Pattern[str], local: _Sentence, cues: _Cues
                  ) -> FactSubject | None:
    """What an anaphor of a kind at ``position`` refers to: the paragraph's subject when it is of that kind, else the
    first subject of that kind the article names (its topic: "Alataw Pass ... Horgos ... the port" is Alataw Pass)."""
    current = local.context_subject
    if current is not None and current.start < position and canonical.search(current.canonical or current.text):
        return current
    subjects, starts = local.article
    first = local.first_of_kind.get(canonical.pattern)
    if first is None:
        # "Xiaomi ... the company": a kind that takes ORGs takes any company-like one
        not_of_kind = cues.org_kinds.get(canonical.pattern)
        noun = cues.noun_kinds.get(canonical.pattern)  # "The Yangtze River Delta region": named as one of the kind
        first = next((k for k, e in enumerate(subjects) if (canonical.search(e.canonical or e.text) or (
            not_of_kind is not None and e.label == "ORG" and not not_of_kind.search(e.canonical or e.text)) or (
            noun is not None and _named_as_kind(text, e, noun, cues)))
                      and not _is_source(e, cues)), -1)
        local.first_of_kind[canonical.pattern] = first  # once per article and kind: the stage stays linear
    if first >= 0 and starts[first] < position:
        return _subject_of([subjects[first]], cues)
    return None


def _speaker(text: str, lo: int, reported: re.Match[str] | None, anaphor: re.Match[str], local: _Sentence,
             cues: _Cues) -> FactSubject | None:
    """"PetroChina Co said Thursday that its net profits dropped": the company that says "its", named in the sentence
    before the reporting verb; None unless the pronoun opens what is reported."""
    if reported is None or anaphor.start() != reported.end() or not cues.pronoun.fullmatch(anaphor.group(0)):
        return None
    named = [e for e in local.between(local.named, local.named_starts, lo, reported.start()) if e.label == "ORG"]
    return _subject_of(named[-1:], cues) if named else None


def _through(text: str, lo: int, hi: int, local: _Sentence, cues: _Cues) -> FactSubject | None:
    """What a figure passed through, after it in its clause: "trains passed through Alataw Pass" (the first one
    named), "vehicles passed through the port" (the port named before)."""
    for m in cues.through.finditer(text, lo, hi):
        here = local.between(local.subjects, local.subject_starts, m.end(), hi)
        if here and here[0].start == m.end():  # "harvested in south China's Guangdong Province": along the
            return _subject_of(here, cues, text)  # possessive chain, Guangdong
        for anaphor, canonical, _ in cues.kinds:
            if anaphor.match(text, max(m.start(), m.end() - 4)) or anaphor.match(text, m.end()):
                return _named_before(text, m.start(), canonical, local, cues)
    return None


def _nearest_period(text: str, local: _Sentence, draft: _Draft, within: tuple[int, int], cues: _Cues,
                    others_dated: bool = False) -> int | None:
    """The sentence's period nearest the figures (a few on either side of them, inside ``within``), ties to the
    later one, unless one right after them dates them ("before 2020"); an index into the record's periods. With
    ``others_dated``, not a period of a later clause that holds figures of its own ("China has signed 17 free trade
    agreements with 25 partners, and in the first half of 2019, exports to them made up 40 percent")."""
    i = bisect_left(local.period_starts, draft.start)
    near = [k for k in range(max(0, i - 3), min(len(local.periods), i + 3))
            if within[0] <= local.period_starts[k] < within[1]
            and not _in_relative(text, local.period_starts[k], draft.start, within[0], cues)
            and not (others_dated and _dates_a_later_clause(local, local.period_starts[k], draft))
            and not _possessive_of_another(text, local.period_starts[k], local.period_ends[k], draft, cues)
            # "..., said the report released at the congress which runs from Wednesday to Friday": the event's days
            and not (local.period_starts[k] >= draft.end
                     and cues.attribution_event.search(text, draft.end, local.period_starts[k]))]
    if not near:
        return None
    periods = local.periods
    ends = local.period_ends
    # "The second quarter's contractions added up to 10.3 percent slide ... in the first half of the year": a
    # possessive before the figures governs another noun when a period after them dates them
    if any(local.period_starts[k] >= draft.end for k in near):
        near = [k for k in near if local.period_starts[k] >= draft.end
                or not cues.period_possessive.match(text, ends[k])
                or cues.period_possessive_own.fullmatch(text, ends[k], draft.start)] or near
    # "200 billion dollars before 2020", "30 percent in the first quarter": the period the figure is dated by
    following = [k for k in near if local.period_starts[k] >= draft.end]
    def distance(k: int) -> tuple[int, int]:
        return max(local.period_starts[k] - draft.end, draft.start - ends[k], 0), -local.period_starts[k]

    # "In 2002, it was less than 1 billion yuan; in 2010 over 10 billion yuan; 2013 more than 20 billion yuan": the
    # period right before a figure, with nothing but a qualifier between, is the one it is dated by
    preceding = [k for k in near if ends[k] <= draft.start]
    if preceding and cues.dated_before.fullmatch(text, ends[preceding[-1]], draft.start):
        k = preceding[-1]
    elif following and cues.dated_by.fullmatch(text, draft.end, local.period_starts[following[0]]):
        k = following[0]
    else:
        k = min(near, key=distance)
    # "in the past five months from January to May": the dates that spell the stretch out
    if k + 1 < len(periods) and cues.spelled_out.fullmatch(text, ends[k], local.period_starts[k + 1]):
        return periods[k + 1]
    return periods[k]


def _possessive_of_another(text: str, period_start: int, period_end: int, draft: _Draft, cues: _Cues) -> bool:
    """The period ending at ``period_end``, after the draft's figures, is in the possessive: it governs a later noun
    ("exports fell 24.7 percent, similar to the first quarter's 24.6 percent"), not them. Before them it may date
    them ("this year's crop is expected to reach 620,000 tonnes", "November's decline was 36.5 percent"), and after
    them when it dates them ("147.39 million tonnes in this year's summer harvest")."""
    return period_end > draft.end and cues.period_possessive.match(text, period_end) is not None \
        and not cues.dated_by.fullmatch(text, draft.end, period_start)


def _dates_a_later_clause(local: _Sentence, position: int, draft: _Draft) -> bool:
    """Whether the period at ``position`` stands in a clause after the draft's that holds figures not the draft's."""
    if position < draft.end:
        return False
    lo, hi = local.clause_of(position)
    if lo <= draft.start:
        return False
    own = {f.start for f in draft.figures}
    return any(start not in own for start in _Sentence.between(local.figure_starts, local.figure_starts, lo, hi))


def _in_relative(text: str, position: int, figure: int, lo: int, cues: _Cues) -> bool:
    """``position`` stands in a relative clause closed before the figure ("The Horgos branch, which has operated a
    tenge business since 2015, transported 500 million tenge in March"): it dates what the clause says."""
    if position >= figure:
        return False
    opening = _last_match(cues.relative_clause, text, max(lo, position - 80), position)
    return opening is not None and "," not in text[opening.end() : position] and "," in text[position:figure]


def _fact(text: str, index: int, local: _Sentence, draft: _Draft, cues: _Cues, contexts: list[_Context],
          counted: bool = False) -> Fact:
    sent = local.sent
    clause = local.clause_of(draft.start)
    lo = max(clause[0], draft.start - _WINDOW)  # what is looked at before the figure
    if draft.compared_from is not None:  # "outpacing the national average of 5 percent": its own words only
        lo = max(lo, draft.compared_from)
    reported = cues.reported.search(text, lo, draft.start)
    if reported:  # "The PBOC said on Tuesday that China's reserves hit": the statement starts after "that"
        clause = (reported.end(), clause[1])
        lo = max(lo, reported.end())
    inherited: list[str] = []
    # subject: in the clause before the figure, else in the sentence before it, else inherited
    subject = draft.subject
    anaphor = None
    unnamed = False
    if subject is None:
        in_clause = [e for e in local.between(local.subjects, local.subject_starts, lo, draft.start)
                     if not _in_apposition(text, e, max(clause[0], e.start - _WINDOW), draft.start, cues)]
        # "followed by Kyrgyzstan at 76.9 billion yuan and Tajikistan at 12.41 billion yuan": the name right before
        at = [e for e in local.between(local.named, local.named_starts, lo, draft.start)[-1:]
              if cues.own_figure.fullmatch(text, e.end, draft.start) and not _is_source(e, cues)]
        anaphor = cues.anaphora.search(text, lo, draft.start)
        if anaphor and _aside(text, max(clause[0], anaphor.start() - _WINDOW), anaphor.end(), cues):
            anaphor = None  # "Trade with ASEAN, the country's largest trading partner, grew": the aside's
        fronted = cues.fronted_as.match(text, sent.start) if anaphor else None
        if anaphor and fronted and anaphor.end() <= fronted.end():
            anaphor = None  # "As the country's top coal producer, Shanxi contributed": what the subject is, not it
        typed = _typed_anaphor(text, lo, draft.start, local, cues)
        if typed is None or typed[1] is None:
            typed = _described_anaphor(text, lo, draft.start, local, cues) or typed
        if at:  # "followed by Kyrgyzstan at 76.9 billion yuan", "followed by Guizhou province's 10.4 percent"
            subject = _subject_of(at, cues, text)
        elif typed and (not in_clause or typed[0] < in_clause[0].start):
            subject = typed[1]  # "the port handled ...": the port named before, not the region
            unnamed = subject is None and typed[2]  # "Her company exported 1,460 vehicles": nobody named
        elif anaphor and (not in_clause or anaphor.start() < in_clause[0].start):
            # "the region's exports", "its exports": the subject named before; opening a paragraph, the one the
            # paragraph before ended on, not the headline's
            speaker = _speaker(text, sent.start, reported, anaphor, local, cues)
            if speaker is not None:
                subject = speaker
            elif contexts[0].subject is None and cues.pronoun.fullmatch(anaphor.group(0)):
                subject = local.last_subject
        elif in_clause:
            subject = _subject_of(in_clause, cues, text)
        elif (through := _through(text, draft.figures[0].end, min(clause[1], draft.figures[0].end + _WINDOW), local,
                                  cues)) is not None:
            subject = through  # "3,912 freight trains passed through Alataw Pass and Horgos"
        else:
            window = max(sent.start, draft.start - _WINDOW)
            partners = local.between(local.partners, local.partner_starts, window, draft.start)
            clause_partners = [e for e in partners if e.start >= clause[0]]
            earlier = [e for e in local.between(local.subjects, local.subject_starts, window, draft.start)
                       if not _in_apposition(text, e, max(sent.start, e.start - _WINDOW), draft.start, cues)
                       and not (reported and e.start < reported.end())]
            # a partner named alone: "Trade with Uzbekistan rose 17.1%", "while trade with Turkmenistan fell"
            subject = _subject_of(earlier, cues, text) or _subject_of(clause_partners[-1:], cues) or \
                _subject_of(partners[:1], cues)
            # "Mongolian coal entered China through Erenhot, while inbound shipments of copper concentrate surged
            # 38.5% to 612,000 tonnes": a clause of its own that names nothing goes on with the subject of the
            # sentence's fact before
            if local.previous_subject is not None and not clause_partners:
                subject = local.previous_subject
    # "5,468 trains left China via Khorgos, up 13.2 percent, carrying some 540,000 TEUs of goods": a participle
    # clause goes on with the statement before it, whatever that statement named after its figure
    if draft.subject is None and local.previous_subject is not None:
        participle = cues.participle_clause.search(text, local.previous_end, draft.start)
        if participle and not local.between(local.named, local.named_starts, participle.start(), draft.start):
            subject = local.previous_subject
    # "The total annual global output of lithium carbonate is around 100,000 tons": the world's, nobody's named
    if subject is None and not unnamed and not _global(text, clause[0], clause[1], cues):
        subject = next((c.subject for c in contexts if c.subject), None)
    if subject is not None and subject.start < sent.start:  # named in an earlier sentence or the headline
        inherited.append("subject")
    # metric: the nearest form before the figure in its clause, else after it, else inherited
    near = local.between(local.metrics, local.metric_starts, lo, min(clause[1], draft.end + _WINDOW))
    usable = [m for m in near if cues.metric_names[m.group(0).casefold()] not in cues.count_only]
    before_figure = [m for m in usable if m.end() <= draft.start and not (  # ", a measure of inflation," aside
        "," in text[m.end() : draft.start] and cues.aside_before.search(text, max(lo, m.start() - 60), m.start()))]
    after_figure = [m for m in usable if m.start() >= draft.end]
    first = next((m for m in local.metrics[:8]
                  if cues.metric_names[m.group(0).casefold()] not in cues.count_only), None)
    choice = before_figure[-1] if before_figure else (after_figure[0] if after_figure else first)
    value = draft.slot("value")
    if value is not None and value.quantity is not None and counted:  # "205 countries": what it counts
        after_all = local.between(local.metrics, local.metric_starts, value.end, value.end + 40)
        noun = next((m for m in after_all if re.fullmatch(r"[\w\s'’-]*", text[value.end : m.start()])), None)
        choice = noun or choice
    # a count's own noun ("132 companies": enterprises) is no metric for the figures after it ("52,000 workers")
    metric = _metric(choice, cues) if choice else next((c.metric for c in contexts if c.metric
                                                        and c.metric.name not in cues.count_only), None)
    if choice is not None and metric is not None and metric.name in cues.general:  # "Profits rose" under a
        specific = next((c.metric for c in contexts
                         if c.metric and c.metric.name in cues.general[metric.name]), None)
        metric = specific or metric  # headline on industrial profits: industrial_profits
    if choice is None and metric is not None:
        inherited.append("metric")
    # period: the sentence's period nearest the figure (its clause first), else inherited
    period = draft.period if draft.period is not None else \
        _nearest_period(text, local, draft, clause, cues) if local.periods else None
    present = cues.present.search(text, lo, min(clause[1], draft.end + _WINDOW)) is not None \
        or cues.present_before.search(text, lo, draft.start) is not None  # "now operates", "is one of the largest"
    if period is None and not present:  # "Over the past decade, ..., and e-commerce now makes up 25.6 percent"
        # a change alone goes on into a later clause's period ("Fresh fruit imports jumped 64.2 percent, with more than
        # 4,200 containers of Thai durian arriving by rail from January to October"); a level does not
        period = _nearest_period(text, local, draft, (sent.start, sent.end), cues,
                                 others_dated=draft.slot("value") is not None or draft.slot("share") is not None) \
            if local.periods else None
    described = value is not None and cues.static.search(text, max(lo, value.start - _STATIC_BEFORE), value.start)
    # "has drawn more than 1,100 new businesses", "The city has about 27,000 hectares": a level reached by now
    perfect = value is not None and draft.slot("change") is None and cues.perfect_before.search(
        text, max(lo, value.start - _STATIC_BEFORE), value.start) is not None
    rate = value is not None and cues.rate_after.match(text, value.end) is not None  # "6,000 parcels a day"
    if period is None and not described and not perfect and not present and not rate:
        frame = next((c for c in contexts if c.period is not None), None)
        if frame is not None and (frame is not contexts[0] or not local.paragraph_framed) \
                and draft.slot("change") is None and local.present():
            frame = None  # "The port has 42 berths": what is, not what the headline's quarter saw, nor the
            # paragraph before's; a change, and a frame the paragraph set itself, still date it
        # a target's period is no frame of a statement that does not look ahead itself
        # nor is a past frame the period of a plan ("The bank plans to use its branches in 62 countries")
        if frame is not None and frame.forward == local.ahead:
            period = frame.period
            inherited.append("period")
    change, share = draft.slot("change"), draft.slot("share")
    return Fact(sentence=index, subject=subject, metric=metric,
                money=value.money if value else None, quantity=value.quantity if value else None,
                change=change.percentage if change else None, share=share.percentage if share else None,
                period=period, inherited=inherited)  # type: ignore[arg-type]
