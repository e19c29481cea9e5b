"""The scorer on small hand-made cases whose right numbers were worked out by hand in advance."""

from __future__ import annotations

import json
import random
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator

from xjextract.evaluate import Counts, Evaluation, format_table, match_items, score_article, semeval_counts
from xjextract.gold import GoldFile
from xjextract.pipeline import extract_article
from xjextract.schema import Conversion, Entity, Money, Period, Record

RAW = "Xinjiang trade grows\n\nXinjiang traded with Kazakhstan and Kyrgyzstan.\n"
# The body starts at raw offset 22; the record's text starts at 0.
BODY = 22


def ent(text: str, start: int, label: str, canonical: str | None = None) -> Entity:
    return Entity(text=text, start=start, end=start + len(text), label=label, canonical=canonical)


def gold_file(**items: Any) -> GoldFile:
    meta = {"title": "Xinjiang trade grows", "publisher": None, "published": None, "dateline": None}
    return GoldFile.model_validate({"id": "a", "metadata": meta, "body": [[BODY, len(RAW) - 1]], **items})


def record_with(**items: Any) -> Record:
    record = extract_article(RAW, "a")
    return record.model_copy(update=items)


GOLD_ENTITIES = [ent("Xinjiang", BODY + 0, "GPE", "Xinjiang"), ent("Kazakhstan", BODY + 21, "GPE", "Kazakhstan"),
                 ent("Kyrgyzstan", BODY + 36, "GPE", "Kyrgyzstan")]
# In record-text offsets (the record's text starts with the headline, so its body also starts at 22): exact;
# overlapping with a wrong span; right span, wrong label; spurious.
TEXT_BODY = 22
PRED_ENTITIES = [ent("Xinjiang", TEXT_BODY, "GPE", "Xinjiang"), ent("with Kazakhstan", TEXT_BODY + 16, "GPE"),
                 ent("Kyrgyzstan", TEXT_BODY + 36, "ORG", "Kyrgyzstan"), ent("traded", TEXT_BODY + 9, "ORG")]


def scores(gold: GoldFile, record: Record | None) -> Evaluation:
    evaluation = Evaluation()
    score_article(evaluation, gold, RAW, record)
    return evaluation


@pytest.mark.parametrize(
    ("mode", "tp", "fp", "fn"),
    [
        ("strict", 1, 3, 2),     # only Xinjiang is exact in offsets and label
        ("partial", 2.5, 1.5, 0.5),  # labels ignored: 2 exact + half of the overlapping one
        ("overlap", 2, 2, 1),    # Xinjiang and "with Kazakhstan"; Kyrgyzstan has the wrong label
        ("value", 1, 3, 2),      # "with Kazakhstan" has no canonical name and its text is not the gold name
    ],
)
def test_entity_modes(mode: str, tp: float, fp: float, fn: float) -> None:
    evaluation = scores(gold_file(entities=GOLD_ENTITIES), record_with(entities=PRED_ENTITIES))
    assert evaluation.scores[("entities", mode)].micro == Counts(tp, fp, fn)


def test_entity_labels_scored_separately() -> None:
    evaluation = scores(gold_file(entities=GOLD_ENTITIES), record_with(entities=PRED_ENTITIES))
    assert evaluation.scores[("entities:GPE", "strict")].micro == Counts(1, 1, 2)
    assert evaluation.scores[("entities:ORG", "strict")].micro == Counts(0, 2, 0)


def test_precision_recall_f1_values() -> None:
    c = Counts(tp=1, fp=3, fn=2)
    assert (c.precision, c.recall, c.f1) == (0.25, 1 / 3, 2 / 7)
    assert Counts().f1 is None and Counts(fn=2).precision is None and Counts(fn=2).f1 == 0


def money(text: str, start: int, amount: float, currency: str) -> Money:
    return Money(text=text, start=start, end=start + len(text), amount=amount, currency=currency)


RAW_MONEY = "Trade\n\nIt reached 200 billion yuan (about 27.56 billion U.S. dollars) in 2024.\n"


@pytest.mark.parametrize(
    ("pred_amount", "pred_currency", "value_tp"),
    [(27.56e9, "USD", 1), (27.6e9, "USD", 1), (28e9, "USD", 0), (27.56e9, "CNY", 0)],
    ids=["exact", "within 0.5%", "1.6% off", "wrong currency"],
)
def test_money_value_mode(pred_amount: float, pred_currency: str, value_tp: int) -> None:
    body = RAW_MONEY.index("It")
    gold = GoldFile.model_validate({
        "id": "m", "metadata": {"title": "Trade", "publisher": None, "published": None, "dateline": None},
        "body": [[body, len(RAW_MONEY) - 1]],
        "money": [money("27.56 billion U.S. dollars", RAW_MONEY.index("27.56"), 27.56e9, "USD")]})
    record = extract_article(RAW_MONEY, "m")
    start = record.text.index("27.56")
    record = record.model_copy(update={"money": [money("27.56 billion U.S. dollars", start, pred_amount, pred_currency)]})
    evaluation = Evaluation()
    score_article(evaluation, gold, RAW_MONEY, record)
    assert evaluation.scores[("money", "strict")].micro == Counts(1, 0, 0)
    assert evaluation.scores[("money", "value")].micro == Counts(value_tp, 1 - value_tp, 1 - value_tp)


def test_conversions_need_both_ends_matched() -> None:
    g_yuan = money("200 billion yuan", RAW_MONEY.index("200"), 2e11, "CNY")
    g_usd = money("27.56 billion U.S. dollars", RAW_MONEY.index("27.56"), 27.56e9, "USD")
    gold = GoldFile.model_validate({
        "id": "m", "metadata": {"title": "Trade", "publisher": None, "published": None, "dateline": None},
        "body": [[RAW_MONEY.index("It"), len(RAW_MONEY) - 1]], "money": [g_yuan, g_usd],
        "conversions": [{"source": 0, "target": 1}]})
    record = extract_article(RAW_MONEY, "m")
    shift = RAW_MONEY.index("It")
    items = [g.model_copy(update={"start": g.start - shift, "end": g.end - shift}) for g in (g_yuan, g_usd)]
    right = record.model_copy(update={"money": items, "conversions": [Conversion(source=0, target=1)]})
    reversed_ = record.model_copy(update={"money": items, "conversions": [Conversion(source=1, target=0)]})
    for rec, expected in ((right, Counts(1, 0, 0)), (reversed_, Counts(0, 1, 1))):
        evaluation = Evaluation()
        score_article(evaluation, gold, RAW_MONEY, rec)
        assert evaluation.scores[("conversions", "strict")].micro == expected


def test_periods_value_mode_compares_days() -> None:
    raw = "Trade\n\nTrade grew in the first half of 2024.\n"
    span = "first half of 2024"
    g = Period(text=span, start=raw.index(span), end=raw.index(span) + len(span), first_day=date(2024, 1, 1),
               last_day=date(2024, 6, 30), timex="2024-H1", relative=False)
    gold = GoldFile.model_validate({"id": "p", "metadata": {"title": "Trade", "publisher": None, "published": None,
                                    "dateline": None}, "body": [[raw.index("Trade grew"), len(raw) - 1]], "periods": [g]})
    record = extract_article(raw, "p")
    start = record.text.index(span)
    wrong = g.model_copy(update={"start": start, "end": start + len(span), "last_day": date(2024, 6, 29), "timex": None})
    evaluation = Evaluation()
    score_article(evaluation, gold, raw, record.model_copy(update={"periods": [wrong]}))
    assert evaluation.scores[("periods", "strict")].micro == Counts(1, 0, 0)
    assert evaluation.scores[("periods", "value")].micro == Counts(0, 1, 1)


def test_boilerplate_kept_and_metadata_wrong() -> None:
    record = extract_article(RAW, "a")
    gold = gold_file()
    # Gold says the title is different and the body is only "Xinjiang traded with Kazakhstan"
    gold = gold.model_copy(update={"body": [(BODY, BODY + 31)],
                                   "metadata": gold.metadata.model_copy(update={"title": "Other"})})
    evaluation = scores(gold, record)
    kept_extra = len("and Kyrgyzstan.".replace(" ", ""))
    assert evaluation.scores[("body", "exact")].micro == Counts(len("XinjiangtradedwithKazakhstan"), kept_extra, 0)
    assert evaluation.scores[("boilerplate", "exact")].micro == Counts(len("Xinjiangtradegrows"), 0, kept_extra)
    assert evaluation.scores[("metadata:title", "exact")].micro == Counts(0, 1, 1)


def test_missing_prediction_counts_as_nothing_predicted() -> None:
    evaluation = scores(gold_file(entities=GOLD_ENTITIES), None)
    assert evaluation.scores[("entities", "strict")].micro == Counts(0, 0, 3)
    assert evaluation.scores[("body", "exact")].micro.tp == 0


def test_micro_and_macro_differ_as_expected() -> None:
    evaluation = Evaluation()
    evaluation.add("money", "strict", Counts(1, 0, 0))   # article A: F1 1
    evaluation.add("money", "strict", Counts(0, 0, 3))   # article B: F1 0
    evaluation.add("money", "strict", Counts(0, 0, 0))   # article C: nothing on either side, not averaged
    score = evaluation.scores[("money", "strict")]
    assert score.micro.f1 == pytest.approx(0.4)
    assert score.macro_f1 == pytest.approx(0.5)


# --- equality with nervaluate on entity spans -------------------------------------------------------------


def nervaluate_overall(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict[str, Any]:
    def as_dicts(docs: list[list[tuple[int, int, str]]]) -> list[list[dict[str, Any]]]:
        return [[{"label": l, "start": s, "end": e - 1} for s, e, l in doc] for doc in docs]  # inclusive ends

    labels = sorted({l for docs in (gold, pred) for doc in docs for _, _, l in doc}) or ["GPE"]
    return Evaluator(as_dicts(gold), as_dicts(pred), tags=labels, loader="dict").evaluate()["overall"]


def ours(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]], scheme: str) -> Counts:
    total = Counts()
    for g, p in zip(gold, pred):
        total += semeval_counts(g, p, scheme)[0]
    return total


SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 6), st.sampled_from(["GPE", "ORG", "PERSON"])).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SPANS, SPANS), min_size=1, max_size=4))
def test_strict_and_partial_equal_nervaluate(docs: list[tuple[list[Any], list[Any]]]) -> None:
    gold = [g for g, _ in docs]
    pred = [p for _, p in docs]
    theirs = nervaluate_overall(gold, pred)
    for scheme in ("strict", "partial"):
        mine = ours(gold, pred, scheme)
        assert (mine.precision or 0.0) == pytest.approx(theirs[scheme].precision)
        assert (mine.recall or 0.0) == pytest.approx(theirs[scheme].recall)
        assert (mine.f1 or 0.0) == pytest.approx(theirs[scheme].f1)
        names = ("correct", "incorrect", "partial", "missed", "spurious")
        assert [getattr(mine, n) for n in names] == [getattr(theirs[scheme], n) for n in names]


def test_equal_to_nervaluate_on_the_gold_corpus_with_perturbed_predictions(gold_files: dict[str, GoldFile]) -> None:
    rng = random.Random(7)
    gold, pred = [], []
    for g in gold_files.values():
        spans = [(e.start, e.end, e.label) for e in g.entities]
        perturbed = []
        for s, e, label in spans:
            roll = rng.random()
            if roll < 0.15:
                continue  # missed
            if roll < 0.3:
                s = s + 1 if e - s > 2 else s  # partial boundary
            elif roll < 0.4:
                label = "ORG" if label != "ORG" else "GPE"  # wrong label
            perturbed.append((s, e, label))
        perturbed += [(10 * i, 10 * i + 3, "PERSON") for i in range(rng.randint(0, 2))]  # spurious
        gold.append(spans)
        pred.append(sorted(perturbed))
    theirs = nervaluate_overall(gold, pred)
    for scheme in ("strict", "partial"):
        mine = ours(gold, pred, scheme)
        assert (mine.precision, mine.recall, mine.f1) == pytest.approx(
            (theirs[scheme].precision, theirs[scheme].recall, theirs[scheme].f1))


def test_match_items_strict_ignores_label_for_non_entities() -> None:
    a = money("5 yuan", 0, 5, "CNY")
    counts, pairs = match_items([a], [a.model_copy(update={"currency": "USD"})], "strict")
    assert counts == Counts(1, 0, 0) and pairs == {0: 0}


def test_durations_and_sets_are_scored_only_where_gold_annotates_them() -> None:
    from xjextract.gold import GoldSet
    from xjextract.schema import Duration

    raw = "Trade\n\nThe fair is held every year and lasts three days.\n"
    body = raw.index("The fair")
    meta = {"title": "Trade", "publisher": None, "published": None, "dateline": None}
    record = extract_article(raw, "d")
    at = {w: record.text.index(w) for w in ("every year", "three days")}
    pred_set = Period(text="every year", start=at["every year"], end=at["every year"] + 10, first_day=None,
                      last_day=None, timex="P1Y", relative=False, recurrence="P1Y")
    pred_duration = Duration(text="three days", start=at["three days"], end=at["three days"] + 10, value="P3D")
    record = record.model_copy(update={"periods": [pred_set], "durations": [pred_duration]})
    g_set = GoldSet(text="every year", start=raw.index("every year"), end=raw.index("every year") + 10,
                    recurrence="P1Y")
    g_duration = Duration(text="three days", start=raw.index("three days"), end=raw.index("three days") + 10,
                          value="P2D")  # a wrong value: right span, wrong length
    annotated = GoldFile.model_validate({"id": "d", "metadata": meta, "body": [[body, len(raw) - 1]],
                                         "durations": [g_duration], "sets": [g_set]})
    evaluation = Evaluation()
    score_article(evaluation, annotated, raw, record)
    assert evaluation.scores[("sets", "value")].micro == Counts(1, 0, 0)
    assert evaluation.scores[("durations", "strict")].micro == Counts(1, 0, 0)
    assert evaluation.scores[("durations", "value")].micro == Counts(0, 1, 1)
    assert evaluation.scores[("periods", "strict")].micro == Counts(0, 0, 0)  # a set is not a period
    plain = GoldFile.model_validate({"id": "d", "metadata": meta, "body": [[body, len(raw) - 1]]})
    evaluation = Evaluation()
    score_article(evaluation, plain, raw, record)
    assert ("durations", "strict") not in evaluation.scores and ("sets", "strict") not in evaluation.scores


def test_another_systems_minimal_output_is_scored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Only id, text and the items it predicts; extra fields allowed; only the articles present are scored."""
    from conftest import CORPUS, ROOT

    from xjextract.cli import main

    raw = (CORPUS / "003_d62f2ae918e7ea18.txt").read_text(encoding="utf-8")
    start = raw.index("83.68 billion yuan")
    line = {"id": "003_d62f2ae918e7ea18", "text": raw, "system": "theirs",
            "money": [{"text": "83.68 billion yuan", "start": start, "end": start + 18, "amount": 83.68e9,
                       "currency": "CNY", "qualifier": None, "confidence": 0.9}]}
    preds = tmp_path / "theirs.jsonl"
    preds.write_text(json.dumps(line) + "\n", encoding="utf-8")
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["evaluate", str(preds), "--gold", str(ROOT / "gold"), "--json"]) == 0
    result = json.loads(buffer.getvalue())
    assert result["articles"] == 1  # not all 38 gold files
    money = next(s for s in result["scores"] if s["kind"] == "money" and s["mode"] == "strict")
    assert money["tp"] == 1 and money["fp"] == 0 and money["fn"] > 0


def test_a_bad_prediction_names_line_and_field(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from conftest import CORPUS, ROOT

    from xjextract.cli import main

    raw = (CORPUS / "003_d62f2ae918e7ea18.txt").read_text(encoding="utf-8")
    good = {"id": "003_d62f2ae918e7ea18", "text": raw}
    bad = {"id": "003_d62f2ae918e7ea18", "text": raw, "money": [{"text": "x", "start": 0, "end": 1, "amount": "lots",
                                                                 "currency": "CNY", "qualifier": None}]}
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    assert main(["evaluate", str(preds), "--gold", str(ROOT / "gold")]) == 2
    err = capsys.readouterr().err
    assert "p.jsonl:2: money.0.amount" in err and len(err.strip().splitlines()) == 1
    preds.write_text(json.dumps({"id": "003_d62f2ae918e7ea18", "text": "not the article"}) + "\n", encoding="utf-8")
    assert main(["evaluate", str(preds), "--gold", str(ROOT / "gold")]) == 2
    assert "give 'pieces'" in capsys.readouterr().err


def test_json_has_nervaluate_names_groups_and_intervals(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from conftest import ROOT

    from xjextract.cli import main

    assert main(["evaluate", "--gold", str(ROOT / "gold"), "--ids", "000_0e780ba2c3dffdc5,003_d62f2ae918e7ea18",
                 "--json", "--ci", "--by", "publisher"]) == 0
    result = json.loads(capsys.readouterr().out)
    strict = next(s for s in result["scores"] if s["kind"] == "entities" and s["mode"] == "strict")
    names = strict["nervaluate"]
    assert names["correct"] + names["incorrect"] + names["missed"] == strict["tp"] + strict["fn"]
    low, high = strict["f1_ci95"]
    assert low <= strict["f1"] <= high
    assert set(result["groups"]) == {"CGTN", "People's Daily"}
    assert sum(g["articles"] for g in result["groups"].values()) == result["articles"] == 2


def test_report_marks_each_items_outcome_and_escapes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """--report: the table, and the article with a hit (TP), a missed gold item (FN) and a spurious one (FP)
    marked by kind and outcome; article text is escaped."""
    from html.parser import HTMLParser

    from xjextract.writers.html import render_report

    raw = "Trade <b>grows</b>\n\nXinjiang traded with Kazakhstan and Kyrgyzstan.\n"
    body = raw.index("Xinjiang")
    gold = GoldFile.model_validate({
        "id": "a", "metadata": {"title": None, "publisher": None, "published": None, "dateline": None},
        "headline": [0, raw.index("\n")], "body": [[body, len(raw) - 1]],
        "entities": [ent("Xinjiang", body, "GPE", "Xinjiang").model_dump(),
                     ent("Kyrgyzstan", body + 36, "GPE", "Kyrgyzstan").model_dump()]})
    record = extract_article(raw, "a")
    at = record.text.index("Xinjiang")  # the record's own offsets (the scorer maps them to the raw file)
    record = record.model_copy(update={"entities": [ent("Xinjiang", at, "GPE", "Xinjiang"),
                                                    ent("traded", at + 9, "ORG", "traded")]})
    evaluation = Evaluation(keep_marks=True)
    score_article(evaluation, gold, raw, record)
    page = render_report(evaluation)

    class Marks(HTMLParser):
        found: list[tuple[str, str, str]] = []
        current: dict[str, str] | None = None

        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            if tag == "mark" and dict(attrs).get("data-outcome"):
                self.current = dict(attrs)  # type: ignore[assignment]

        def handle_data(self, data):  # type: ignore[no-untyped-def]
            if self.current is not None:
                self.found.append((self.current["data-kind"], self.current["data-outcome"], data))
                self.current = None

    parser = Marks()
    parser.feed(page)
    assert parser.found == [("entities", "tp", "Xinjiang"), ("entities", "fp", "traded"),
                            ("entities", "fn", "Kyrgyzstan")]
    assert "&lt;b&gt;grows&lt;/b&gt;" in page and "<b>grows" not in page
    assert "<td>entities</td><td>value</td><td>1</td><td>1</td><td>1</td>" in page


def test_facts_are_right_only_when_every_scored_slot_agrees() -> None:
    """Two gold facts; the prediction gets one fully right and the other with the wrong subject: facts 1/2/1,
    subject row 1 TP 1 FP 1 FN, the value row all right; metric does not decide a fact."""
    raw = "Trade\n\nXinjiang's exports rose 5 percent to 10 billion yuan in 2023. Hainan's imports fell 3 percent.\n"
    at = lambda s: [raw.index(s), raw.index(s) + len(s)]  # noqa: E731
    pct = lambda s, d: {"start": at(s)[0], "end": at(s)[1], "text": s, "value": float(s.split()[0]),  # noqa: E731
                        "unit": "percent", "kind": "change", "direction": d, "basis": None}
    gold = GoldFile.model_validate({
        "id": "a", "metadata": {"title": None, "publisher": None, "published": "2024-02-02", "dateline": None},
        "headline": [0, 5], "body": [[7, len(raw) - 1]],
        "money": [{"start": at("10 billion yuan")[0], "end": at("10 billion yuan")[1], "text": "10 billion yuan",
                   "amount": 1e10, "currency": "CNY", "qualifier": None}],
        "percentages": [pct("5 percent", "up"), pct("3 percent", "down")],
        "periods": [{"start": at("2023")[0], "end": at("2023")[1], "text": "2023", "first_day": "2023-01-01",
                     "last_day": "2023-12-31", "timex": "2023", "relative": False}],
        "facts": [{"value": at("10 billion yuan"), "change": at("5 percent"), "period": at("2023"),
                   "subject": "Xinjiang", "metric": "exports"},
                  {"change": at("3 percent"), "period": at("2023"), "subject": "Hainan", "metric": "imports",
                   "inherited": ["period"]}]})
    record = extract_article(raw, "a", publication=date(2024, 2, 2))
    assert len(record.facts) == 2
    second = record.facts[1].model_copy(update={"subject": record.facts[1].subject.model_copy(  # type: ignore[union-attr]
        update={"canonical": "Xinjiang"}), "metric": None})
    record = record.model_copy(update={"facts": [record.facts[0], second]})
    evaluation = Evaluation()
    score_article(evaluation, gold, raw, record)
    got = {k: (c.micro.tp, c.micro.fp, c.micro.fn) for (k, mode), c in evaluation.scores.items() if k.startswith("facts")}
    assert got["facts"] == (1, 1, 1)
    assert got["facts:subject"] == (1, 1, 1)
    assert got["facts:value"] == (1, 0, 0) and got["facts:change"] == (2, 0, 0) and got["facts:period"] == (2, 0, 0)
    assert got["facts:metric"] == (1, 0, 1)


def test_a_wrong_facts_listing_gives_every_slot_in_raw_offsets() -> None:
    """The errors list prints the predicted fact's period at its raw offset, like its figures (the period was
    printed at its cleaned-text offset, which the page's junk line before the headline shifts)."""
    raw = "Home | News | World | Business\n\nTrade\n\nXinjiang's exports rose 5 percent to 10 billion yuan in 2023.\n"
    at = lambda s: [raw.index(s), raw.index(s) + len(s)]  # noqa: E731
    gold = GoldFile.model_validate({
        "id": "a", "metadata": {"title": "Trade", "publisher": None, "published": "2024-02-02", "dateline": None},
        "headline": at("Trade"), "body": [at("Xinjiang's exports rose 5 percent to 10 billion yuan in 2023.")],
        "money": [{"start": at("10 billion yuan")[0], "end": at("10 billion yuan")[1], "text": "10 billion yuan",
                   "amount": 1e10, "currency": "CNY", "qualifier": None}],
        "percentages": [{"start": at("5 percent")[0], "end": at("5 percent")[1], "text": "5 percent", "value": 5.0,
                         "unit": "percent", "kind": "change", "direction": "up", "basis": None}],
        "periods": [{"start": at("2023")[0], "end": at("2023")[1], "text": "2023", "first_day": "2023-01-01",
                     "last_day": "2023-12-31", "timex": "2023", "relative": False}],
        "facts": [{"value": at("10 billion yuan"), "change": at("5 percent"), "period": at("2023"),
                   "subject": "Tibet", "metric": "exports"}]})
    record = extract_article(raw, "a", publication=date(2024, 2, 2))
    assert record.text.index("2023") != raw.index("2023")  # the junk line went: cleaned and raw offsets differ
    evaluation = Evaluation()
    score_article(evaluation, gold, raw, record)
    wrong = [e for e in evaluation.errors["a"] if e.startswith("facts WRONG")]
    assert len(wrong) == 1 and wrong[0].count(f"'2023' @{raw.index('2023')} ") == 2


def test_facts_that_are_not_right_are_tallied_by_what_went_wrong() -> None:
    """A paired fact that is wrong names the slots that differ (in its error line and in ``fact_errors``); a gold
    fact no prediction shares a figure with is ``missed``, a predicted one without gold ``spurious``; the table and
    the JSON give the tally."""
    raw = ("Trade\n\nXinjiang's exports rose 5 percent to 10 billion yuan in 2023.\n\n"
           "Tibet's imports reached 3 billion yuan in 2023.\n\nGansu's output hit 7 billion yuan in 2023.\n")
    at = lambda s: [raw.index(s), raw.index(s) + len(s)]  # noqa: E731
    year = [raw.index("2023"), raw.index("2023") + 4]
    second_year = [raw.index("2023", year[1]), raw.index("2023", year[1]) + 4]
    money = [{"start": at(t)[0], "end": at(t)[1], "text": t, "amount": a, "currency": "CNY", "qualifier": None}
             for t, a in (("10 billion yuan", 1e10), ("3 billion yuan", 3e9))]
    gold = GoldFile.model_validate({
        "id": "a", "metadata": {"title": "Trade", "publisher": None, "published": "2024-02-02", "dateline": None},
        "headline": at("Trade"), "body": [], "money": money,
        "percentages": [{"start": at("5 percent")[0], "end": at("5 percent")[1], "text": "5 percent", "value": 5.0,
                         "unit": "percent", "kind": "change", "direction": "up", "basis": None}],
        "periods": [{"start": y[0], "end": y[1], "text": "2023", "first_day": "2023-01-01", "last_day": "2023-12-31",
                     "timex": "2023", "relative": False} for y in (year, second_year)],
        "facts": [{"value": at("10 billion yuan"), "change": at("5 percent"), "period": year, "subject": "Tibet",
                   "metric": "exports"},
                  {"value": at("3 billion yuan"), "period": second_year, "subject": "Tibet", "metric": "imports"}]})
    record = extract_article(raw, "a", publication=date(2024, 2, 2))
    assert [f.subject.canonical for f in record.facts if f.subject] == ["Xinjiang", "Tibet", "Gansu"]
    record = record.model_copy(update={"facts": [record.facts[0], record.facts[2]]})  # Tibet's is not predicted
    evaluation = Evaluation()
    score_article(evaluation, gold, raw, record)
    assert evaluation.fact_errors == {"subject": 1, "missed": 1, "spurious": 1}
    wrong = [e for e in evaluation.errors["a"] if e.startswith("facts WRONG")]
    assert len(wrong) == 1 and wrong[0].startswith("facts WRONG (subject) gold {")
    table = format_table(evaluation)
    assert "       1  missed" in table and "       1  subject" in table
    assert evaluation.as_dict()["fact_errors"] == {"missed": 1, "spurious": 1, "subject": 1}
